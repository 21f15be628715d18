import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../../../test/pdf-inspect.ts';
import type { PledgeMissingEmployee } from '@netra/contracts';
import { renderMissingList } from './pledge-documents.ts';

describe('the missing-list PDF', () => {
  it('prints whole unit paths (wrapped), repeats the table header on every page and gives the local time with its zone', async () => {
    const unit = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia / Bidang Pengembangan Kompetensi Aparatur';
    async function* rows(): AsyncGenerator<PledgeMissingEmployee> {
      for (let i = 0; i < 150; i++)
        yield { employeeId: `e${i}`, nip: `1980010120050110${String(i).padStart(2, '0')}`, name: `Pegawai ${i}`, employmentType: 'PNS', position: null, unitId: null, unitPath: i % 2 ? unit : 'Dinas Pendidikan', regionCode: '32.75', hasContact: false };
    }
    const bytes = await renderMissingList({ campaignTitle: 'Pernyataan Netralitas 2024', agency: 'Pemerintah Kota Bekasi', regionCode: '32.75', generatedAt: new Date('2024-01-10T03:30:00Z'), rows: rows() });
    const text = (await pdfText(Buffer.from(bytes))).replace(/\s+/g, ' ');
    expect(text).toContain('2024-01-10 10:30 WIB');
    for (const word of ['Kepegawaian', 'Pengembangan', 'Manusia', 'Kompetensi', 'Aparatur']) expect(text).toContain(word);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/NIP Nama Jenis Unit/g)?.length).toBe(pages);
    expect(text).toContain('Jumlah pegawai dalam daftar ini: 150');
  });
});
