/**
 * Case documents as PDFs: receipt, registration notice, review summary, forwarding letter and
 * recommendation. They are built from the case record only: the sealed reporter identity is never
 * read here, so no forwarded package can carry it.
 */
import type { CaseDetail } from '@netra/contracts';
import { PdfWriter, type TextOptions } from '../../platform/pdf.ts';
import { CHRONOLOGY_MARK, withholdReporterAccount } from './domain/workflow.ts';
import { MORAL_SANCTIONS, NON_ASN_CONTRACT_SANCTIONS, PP53_SANCTIONS, PP94_SANCTIONS, PTDH_SANCTIONS } from '@netra/rules';

export const DOCUMENT_KINDS = ['receipt', 'registration', 'summons', 'review', 'gakkumdu_minutes', 'forwarding', 'recommendation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const TITLES: Record<DocumentKind, string> = {
  receipt: 'TANDA TERIMA PENYAMPAIAN LAPORAN / TEMUAN',
  registration: 'PEMBERITAHUAN REGISTRASI',
  summons: 'UNDANGAN KLARIFIKASI',
  gakkumdu_minutes: 'BERITA ACARA PEMBAHASAN SENTRA GAKKUMDU',
  review: 'RINGKASAN KAJIAN DUGAAN PELANGGARAN',
  forwarding: 'PENERUSAN DUGAAN PELANGGARAN PERATURAN PERUNDANG-UNDANGAN LAINNYA (NETRALITAS ASN)',
  recommendation: 'REKOMENDASI SANKSI',
};

/** Which documents exist once the case has reached a step. */
export function availableDocuments(c: Pick<CaseDetail, 'status' | 'caseNumber' | 'events' | 'recommendation'>): DocumentKind[] {
  const seen = new Set(c.events.map((e) => e.type));
  const gakkumdu = c.events.some((e) => e.type === 'DECIDE' && (e.payload as { outcome?: string }).outcome === 'election_crime');
  const exists: Record<DocumentKind, boolean> = {
    receipt: true, registration: !!c.caseNumber, summons: seen.has('SUMMON'), review: seen.has('DECIDE'), gakkumdu_minutes: gakkumdu,
    forwarding: seen.has('FORWARD'), recommendation: !!c.recommendation,
  };
  return DOCUMENT_KINDS.filter((k) => exists[k]);
}

const SANCTION_NAMES = new Map(
  [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS].map((f) => [f.id, `${f.name.id} (${f.source})`]),
);
const sanctionName = (id: string | undefined) => (id ? (SANCTION_NAMES.get(id) ?? id) : '-');
const PARTY: Record<string, string> = { reporter: 'Pelapor', reported: 'Terlapor', witness: 'Saksi' };
/**
 * Who a summons or clarification concerns, as printed. The reporter is never named (only
 * "identitas dirahasiakan"), whatever label a record holds; the reported person and witnesses are
 * named, as the review and the summons need them (domain.md §9 protects the identity of reporters and
 * of those giving initial information; a witness heard in the review is named in it).
 */
function personLine(party: string | undefined, label: string | undefined): string {
  if (party === 'reporter') return 'Pelapor (identitas dirahasiakan)';
  const role = party && Object.hasOwn(PARTY, party) ? PARTY[party] : (party ?? '-');
  return `${role}: ${label ?? '-'}`;
}
const GAKKUMDU_STEPS: Record<string, string> = {
  DECIDE: 'Pembahasan pertama: dugaan tindak pidana pemilihan diteruskan ke Sentra Gakkumdu',
  GAKKUMDU_INVESTIGATE: 'Pembahasan kedua: diteruskan kepada penyidik Kepolisian',
  GAKKUMDU_PROSECUTE: 'Pembahasan ketiga: berkas penyidikan diserahkan kepada penuntut umum',
  GAKKUMDU_TRIAL: 'Pelimpahan berkas perkara ke Pengadilan Negeri',
  GAKKUMDU_CONCLUDE: 'Kesimpulan',
};

export async function renderCaseDocument(kind: DocumentKind, detail: CaseDetail, issuedAt: Date): Promise<Uint8Array> {
  // the forwarding letter leaves Bawaslu: it carries the reporter's statements withheld, whoever prints it
  const c = kind === 'forwarding' ? withholdReporterAccount(detail) : detail;
  const pdf = await PdfWriter.create({ title: `${TITLES[kind]} ${c.caseNumber ?? c.id}` });
  const write = (text: string, opts?: TextOptions) => pdf.text(text, opts);
  const field = (label: string, value: string | null | undefined) => pdf.field(label, value);

  write(TITLES[kind], { bold: true, size: 12, gap: 10 });
  field('Nomor registrasi', c.caseNumber ?? '(belum diregistrasi)');
  field('Wilayah', `${c.regionName} (${c.regionCode})`);
  field('Pemilihan', c.electionId);
  field('Diterima', c.receivedOn);
  field('Sumber', c.source === 'report' ? 'Laporan' : c.source === 'tip' ? 'Informasi awal (temuan)' : 'Temuan');
  write('');
  field('Perihal', c.title);
  field('Terlapor', c.reportedText);
  field('Tanggal kejadian', c.incidentOn);
  field('Tanggal diketahui', c.knownOn);
  if (kind !== 'receipt') field('Status', c.status);
  if (kind === 'review' || kind === 'forwarding') {
    write('Uraian singkat:', { bold: true });
    write(c.summary.split(CHRONOLOGY_MARK)[0]!);
    for (const cl of c.clarifications) write(`Klarifikasi ${personLine(cl.party, cl.personLabel)} (${cl.heldOn ?? '-'}): ${cl.statement ?? ''}`);
    const decide = c.events.filter((e) => e.type === 'DECIDE').at(-1);
    if (decide) field('Kesimpulan kajian', String((decide.payload as { reasoning?: string }).reasoning ?? decide.toStatus));
    const expl = c.assessment?.explanation as { id: string; cites: string[] }[] | undefined;
    if (expl?.length) {
      write('Dasar hukum (Periksa Kasus):', { bold: true });
      for (const line of expl) write(`- ${line.id} [${line.cites.join('; ')}]`);
    }
  }
  if (kind === 'forwarding') {
    const fwd = c.events.filter((e) => e.type === 'FORWARD').at(-1);
    field('Diteruskan kepada', c.authorityId);
    field('Nomor surat', String((fwd?.payload as { letterNumber?: string } | undefined)?.letterNumber ?? '-'));
    write('Identitas pelapor dirahasiakan dan tidak disertakan dalam penerusan ini.', { gap: 8 });
  }
  if (kind === 'summons') {
    const sm = c.events.filter((e) => e.type === 'SUMMON').at(-1)!.payload as { party?: string; personLabel?: string; scheduledOn?: string; place?: string };
    field('Kepada', personLine(sm.party, sm.personLabel));
    field('Hari/tanggal', sm.scheduledOn);
    field('Tempat', sm.place);
    write(
      sm.party === 'reported'
        ? 'Saudara diundang untuk memberikan keterangan/klarifikasi atas dugaan pelanggaran tersebut. Kehadiran Saudara merupakan kesempatan untuk menggunakan hak jawab; bila tidak hadir, kajian dilanjutkan berdasarkan keterangan dan bukti yang ada.'
        : 'Saudara diundang untuk memberikan keterangan/klarifikasi terkait dugaan pelanggaran tersebut.',
      { gap: 8 },
    );
  }
  if (kind === 'gakkumdu_minutes') {
    write('Tahapan pembahasan:', { bold: true });
    for (const e of c.events.filter((ev) => ev.type in GAKKUMDU_STEPS && (ev.type !== 'DECIDE' || ev.toStatus === 'gakkumdu_discussion'))) {
      const pl = e.payload as { result?: string; note?: string; reasoning?: string };
      const extra = e.type === 'GAKKUMDU_CONCLUDE' ? ` - hasil: ${pl.result ?? '-'}; ${pl.note ?? ''}` : e.type === 'DECIDE' ? ` - ${pl.reasoning ?? ''}` : '';
      write(`- ${e.at.slice(0, 10)}: ${GAKKUMDU_STEPS[e.type]} (${e.actorLabel})${extra}`);
    }
    for (const d of c.deadlines) field(`Batas waktu ${d.name.id}`, d.dueAt);
    write('Dibahas bersama unsur Bawaslu, Kepolisian dan Kejaksaan dalam Sentra Gakkumdu.', { gap: 8 });
  }
  if (kind === 'recommendation' && c.recommendation) {
    const r = c.recommendation as { actCode?: string; sanctionId?: string; level?: string; letterNumber?: string };
    field('Bentuk pelanggaran', r.actCode);
    field('Rekomendasi sanksi', `${sanctionName(r.sanctionId)} - tingkat ${r.level}`);
    field('Nomor surat rekomendasi', r.letterNumber);
    const ppkDeadline = c.deadlines.find((d) => d.ruleId === 'civil_service.ppk_follow_up');
    if (ppkDeadline) field('Batas tindak lanjut PPK', ppkDeadline.dueAt);
  }
  if (kind === 'receipt') write('Simpan tanda terima ini. Perkembangan penanganan disampaikan sesuai ketentuan.', { gap: 8 });
  write('');
  write(`Dibuat oleh Netra pada ${issuedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`, { size: 8 });
  return pdf.save();
}
