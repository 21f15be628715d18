/**
 * Pledge PDFs: the signed pledge (text, signer, hash, verification code and a QR code of the public
 * verification link) and the printable list of employees who have not signed yet.
 */
import QRCode from 'qrcode';
import type { PledgeMissingEmployee } from '@netra/contracts';
import { PdfWriter } from '../../platform/pdf.ts';
import { timeInWords, timeZoneOfRegion, utcOffsetHoursOfRegion } from '@netra/rules';
import { EMPLOYMENT_TYPE_WORDS, verifyUrl } from './domain/pledge-rules.ts';

export type PledgeDocumentData = {
  title: string;
  body: string;
  agency: string;
  /** The agency's region: times are printed in its zone (WIB/WITA/WIT). */
  regionCode: string;
  campaignTitle: string;
  employeeName: string;
  employeeId: string; // NIP / NI PPPK, or the internal id of non-ASN staff
  /** What that number is called for the signer's employment type: "NIP", "NI PPPK", "Nomor pegawai". */
  employeeIdLabel: string;
  position: string | null;
  unitPath: string | null;
  signedAt: Date;
  method: 'self_service' | 'ceremony' | 'account';
  contentHash: string;
  emeteraiSerial: string | null;
  verifyCode: string;
  revokedAt: Date | null;
};

/** The documents are Indonesian official documents: every word on them is Indonesian. */
const METHODS = {
  self_service: 'Tanda tangan mandiri dengan kode sekali pakai',
  ceremony: 'Penandatanganan bersama (apel/upacara)',
  account: 'Tanda tangan mandiri melalui akun pegawai',
};
/** Local time of the agency's region with its zone, as the signer and the public read it ("2 Desember 2026 pukul 19.55 WIB"). */
const stampIn = (regionCode: string) => {
  const zone = timeZoneOfRegion(regionCode);
  const local = zone ? { offsetHours: utcOffsetHoursOfRegion(regionCode), name: zone } : { offsetHours: 0, name: 'UTC' };
  return (d: Date) => timeInWords(d, local);
};

export async function renderPledgeDocument(d: PledgeDocumentData, publicBase: string, issuedAt: Date): Promise<Uint8Array> {
  const stamp = stampIn(d.regionCode);
  const url = verifyUrl(publicBase, d.verifyCode);
  const pdf = await PdfWriter.create({ title: `${d.title} ${d.verifyCode}` });
  if (d.revokedAt) pdf.text(`DICABUT pada ${stamp(d.revokedAt)}`, { bold: true, size: 14, gap: 8 });
  pdf.text(d.title.toUpperCase(), { bold: true, size: 12, gap: 10 });
  pdf.field('Nama', d.employeeName);
  pdf.field(d.employeeIdLabel, d.employeeId);
  pdf.field('Jabatan', d.position);
  pdf.field('Unit kerja', d.unitPath);
  pdf.field('Instansi', d.agency);
  pdf.text('', { gap: 2 });
  pdf.text(d.body, { gap: 10 });
  pdf.field('Kampanye', d.campaignTitle);
  pdf.field('Ditandatangani', stamp(d.signedAt));
  pdf.field('Cara', METHODS[d.method]);
  pdf.field('Nomor seri e-meterai', d.emeteraiSerial ?? '(tidak ada)');
  pdf.field('Sidik isi (SHA-256)', d.contentHash);
  pdf.field('Kode verifikasi', d.verifyCode);
  pdf.text(`Periksa keaslian: ${url}`, { gap: 8 });
  await pdf.image(await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 }), 110);
  pdf.text(`Dibuat oleh Netra pada ${stamp(issuedAt)}.`, { size: 8 });
  return pdf.save();
}

/** At most this many rows go into a PDF list; larger lists are exported as CSV or XLSX. */
export const MISSING_PDF_MAX_ROWS = 10_000;

const MISSING_WIDTHS = [0.24, 0.3, 0.1, 0.36];

export async function renderMissingList(input: { campaignTitle: string; agency: string; regionCode: string; generatedAt: Date; rows: AsyncIterable<PledgeMissingEmployee> }): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Belum menandatangani: ${input.campaignTitle}` });
  pdf.text('DAFTAR PEGAWAI YANG BELUM MENANDATANGANI PERNYATAAN NETRALITAS', { bold: true, size: 12, gap: 6 });
  pdf.field('Kampanye', input.campaignTitle);
  pdf.field('Instansi', input.agency);
  pdf.text(`Per ${stampIn(input.regionCode)(input.generatedAt)}`, { gap: 8 });
  pdf.tableHeader(['NIP', 'Nama', 'Jenis', 'Unit'], MISSING_WIDTHS);
  let n = 0;
  for await (const r of input.rows) {
    if (n === MISSING_PDF_MAX_ROWS) {
      pdf.text(`Daftar dipotong pada ${MISSING_PDF_MAX_ROWS} baris; unduh CSV/XLSX untuk daftar lengkap.`, { bold: true });
      break;
    }
    pdf.row([r.nip, r.name, EMPLOYMENT_TYPE_WORDS[r.employmentType], r.unitPath ?? '-'], MISSING_WIDTHS);
    n += 1;
  }
  pdf.text(`Jumlah pegawai dalam daftar ini: ${n}`, { bold: true });
  return pdf.save();
}
