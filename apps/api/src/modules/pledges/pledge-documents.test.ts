import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../../../test/pdf-inspect.ts';
import type { PledgeMissingEmployee } from '@netra/contracts';
import { renderMissingList, renderPledgeDocument, type PledgeDocumentData } from './pledge-documents.ts';

describe('the missing-list PDF', () => {
  it('prints whole unit paths (wrapped), repeats the table header on every page and gives the local time with its zone', async () => {
    const unit = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia / Bidang Pengembangan Kompetensi Aparatur';
    async function* rows(): AsyncGenerator<PledgeMissingEmployee> {
      for (let i = 0; i < 150; i++)
        yield { employeeId: `e${i}`, nip: `1980010120050110${String(i).padStart(2, '0')}`, name: `Pegawai ${i}`, employmentType: 'PNS', position: null, unitId: null, unitPath: i % 2 ? unit : 'Dinas Pendidikan', regionCode: '32.75', hasContact: false };
    }
    const bytes = await renderMissingList({ campaignTitle: 'Pernyataan Netralitas 2024', agency: 'Pemerintah Kota Bekasi', regionCode: '32.75', generatedAt: new Date('2024-01-10T03:30:00Z'), rows: rows() });
    const text = (await pdfText(Buffer.from(bytes))).replace(/\s+/g, ' ');
    expect(text).toContain('Per 10 Januari 2024 pukul 10.30 WIB');
    for (const word of ['Kepegawaian', 'Pengembangan', 'Manusia', 'Kompetensi', 'Aparatur']) expect(text).toContain(word);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/NIP Nama Jenis Unit/g)?.length).toBe(pages);
    expect(text).toContain('Jumlah pegawai dalam daftar ini: 150');
  });

  it('prints employment types in words, not their codes', async () => {
    async function* rows(): AsyncGenerator<PledgeMissingEmployee> {
      const base = { position: null, unitId: null, unitPath: 'Dinas Pendidikan', regionCode: '32.75', hasContact: false };
      yield { ...base, employeeId: 'e1', nip: 'THL-000758', name: 'Citra Dewi', employmentType: 'NON_ASN' };
      yield { ...base, employeeId: 'e2', nip: '199001012021012001', name: 'Ani Lestari', employmentType: 'PPPK' };
    }
    const bytes = await renderMissingList({ campaignTitle: 'Pernyataan Netralitas 2024', agency: 'Pemerintah Kota Bekasi', regionCode: '32.75', generatedAt: new Date('2024-01-10T03:30:00Z'), rows: rows() });
    const text = await pdfText(Buffer.from(bytes));
    expect(text).toContain('Non-ASN');
    expect(text).toContain('PPPK');
    expect(text).not.toContain('NON_ASN');
  });
});

describe('the signed pledge PDF', () => {
  const pledge: PledgeDocumentData = {
    title: 'Surat Pernyataan Netralitas Aparatur Sipil Negara', body: 'Saya yang bertanda tangan di bawah ini menyatakan netral.', agency: 'Pemerintah Kota Bekasi',
    regionCode: '32.75', campaignTitle: 'Pernyataan Netralitas Pilkada 2026', employeeName: 'Citra Dewi', employeeId: 'THL-000758', employeeIdLabel: 'Nomor pegawai',
    position: null, unitPath: 'Dinas Pendidikan', signedAt: new Date('2026-12-02T15:48:00Z'), method: 'ceremony', contentHash: 'a'.repeat(64), emeteraiSerial: null,
    verifyCode: 'ABC23DEF45', revokedAt: null,
  };
  const render = async (d: Partial<PledgeDocumentData>) => (await pdfText(Buffer.from(await renderPledgeDocument({ ...pledge, ...d }, 'https://netra.test', new Date('2026-12-03T01:00:00Z'))))).replace(/\s+/g, ' ');

  it('is Indonesian throughout: dates in words with "pukul", the way of signing in Indonesian', async () => {
    const text = await render({});
    expect(text).toContain('2 Desember 2026 pukul 22.48 WIB');
    expect(text).toContain('Dibuat oleh Netra pada 3 Desember 2026 pukul 08.00 WIB.');
    expect(text).toContain('Penandatanganan bersama');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|ceremony|self-service|own account/);
    expect(await render({ method: 'self_service' })).toContain('Tanda tangan mandiri dengan kode sekali pakai');
    const revoked = await render({ revokedAt: new Date('2026-12-05T02:00:00Z') });
    expect(revoked).toContain('DICABUT pada 5 Desember 2026 pukul 09.00 WIB');
    expect(revoked).not.toContain('REVOKED');
  });

  it('labels the signer\'s number by employment type', async () => {
    const nonAsn = await render({});
    expect(nonAsn).toContain('Nomor pegawai');
    expect(nonAsn).not.toMatch(/\bNIP\b/);
    expect(await render({ employeeId: '198609262015051001', employeeIdLabel: 'NIP' })).toMatch(/\bNIP\b/);
  });
});
