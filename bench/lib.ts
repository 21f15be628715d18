import fs from 'node:fs';
import { once } from 'node:events';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Writes N synthetic employees as canonical CSV with unique, valid NIPs (by construction). */
export async function writeEmployeesCsv(file: string, n: number, units = 200, offset = 0): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('nip,nama,jenis,jabatan,unit\n');
  const base = Date.UTC(1970, 0, 1);
  let buf = '';
  for (let i = offset; i < offset + n; i++) {
    const seq = (i % 999) + 1;
    const k = Math.floor(i / 999);
    const birth = new Date(base + (k % 9000) * 86_400_000);
    const by = birth.getUTCFullYear();
    const tmtYear = by + 20 + (Math.floor(k / 9000) % 6);
    const tmtMonth = 1 + (Math.floor(k / 54_000) % 12);
    const nip = `${by}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${tmtYear}${pad(tmtMonth, 2)}${1 + (i % 2)}${pad(seq, 3)}`;
    const unit = `Dinas ${1 + (i % units)} / Bidang ${1 + (i % 4)}`;
    buf += `${nip},Pegawai Sintetis ${i},PNS,Analis Kebijakan,${unit}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}

export const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
