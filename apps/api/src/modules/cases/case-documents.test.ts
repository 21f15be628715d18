import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '@netra/contracts';
import {
  ACT_CODES, ASN_AUTHORITIES, DEADLINE_RULES, DEFAULT_WORKING_WEEK, ELECTION_ARTICLES, ELECTIONS, HOLIDAYS, MORAL_SANCTIONS, NON_ASN_CONTRACT_SANCTIONS, OFFENCE_LINKS,
  OFFICE_HOURS, PP53_SANCTIONS, PP94_EFFECTIVE_DATE, PP94_SANCTIONS, PTDH_SANCTIONS, TIME_ZONE_SOURCE, UNCONFIRMED_DEFAULTS, assess, catalogueActs, parseIncident, publicAssessment,
  // what the letters print as their legal basis ("Dasar hukum")
  legalBasisCitations as legalCitations, type RulesOptions,
} from '@netra/rules';
import { pdfText } from '../../../test/pdf-inspect.ts';
import { AppError } from '../../platform/errors.ts';
import {
  DOCUMENT_KINDS, assessmentBasis, caseDocumentLines, deadlineWords, localTimeWords, renderCaseDocument, sanctionWords, type DocumentKind, type DocumentOptions,
} from './case-documents.ts';
import { CHRONOLOGY_MARK, REPORTER_ACCOUNT_WITHHELD, REPORTER_LABEL, STATUS_WORDS } from './domain/workflow.ts';

/** What a developer writes beside a citation and a letter must never print (the QA probe's findings). */
const INTERNAL = /domain\.md|seed|UNCONFIRMED|option /i;
/** English words the rules data's notes use; none belongs in an Indonesian citation. */
const ENGLISH = /\b(the|of|by|and|as|in|on|at|to|for|from|with|see|per|after|before|until|since|signed|promulgated|revoked|amended|force|held|every|region|matrix|catch-all|national|holiday|starts|days?|decision|functions|transferred|note|practice|level|split|et al|finding|within|discovery|ruling|provinces|pending|review|confirm|TODO)\b/i;
/** A citation names an instrument first. */
const INSTRUMENT = /^(UU|Perppu|PP|Perpres|Keppres|PKPU|Perbawaslu|SKB|SE|Perban|Perka|Permen\w*|Putusan|MK)\s/;

function expectPrintable(citation: string, from: string) {
  expect(citation, from).not.toMatch(INTERNAL);
  expect(citation, from).not.toMatch(ENGLISH);
  expect(citation, from).not.toMatch(/\[|§|\bS\d+\b/);
  expect(citation, from).toMatch(INSTRUMENT);
}

const SANCTIONS = [...MORAL_SANCTIONS, ...PP94_SANCTIONS, ...PP53_SANCTIONS, ...PTDH_SANCTIONS, ...NON_ASN_CONTRACT_SANCTIONS];
const CATALOGUE_SETTINGS: RulesOptions[] = [{}, { catalogue: { d8SanctionLevel: 'berat', d9d10: 'merged' } }];

/** Every `source`, `legalBasis` and `note` text of the rules data. */
function ruleTexts(): { from: string; text: string }[] {
  const out: { from: string; text: string }[] = [];
  const add = (from: string, x: { source?: string; note?: string; legalBasis?: string }) => {
    for (const k of ['source', 'legalBasis', 'note'] as const) if (x[k]) out.push({ from: `${from}.${k}`, text: x[k]! });
  };
  for (const o of CATALOGUE_SETTINGS) for (const a of catalogueActs(o.catalogue)) add(`act ${a.code}`, a);
  for (const s of SANCTIONS) add(`sanction ${s.id}`, s);
  for (const a of ASN_AUTHORITIES) add(`authority ${a.id}`, a);
  for (const e of ELECTIONS) {
    add(`election ${e.id}`, e);
    for (const s of e.stages) add(`stage ${e.id}/${s.id}`, s);
    for (const c of e.contests) {
      add(`contest ${e.id}/${c.level}`, c);
      for (const x of c.excludedRegions) add(`excluded ${e.id}/${x.prefix}`, x);
    }
    for (const r of e.regionOverrides) add(`override ${e.id}/${r.regionPrefix}`, r);
  }
  for (const r of DEADLINE_RULES) add(`deadline ${r.id}`, r);
  for (const a of ELECTION_ARTICLES) add(`article ${a.id}`, a);
  for (const l of OFFENCE_LINKS) add(`offence ${l.id}`, l);
  for (const u of UNCONFIRMED_DEFAULTS) add(`unconfirmed ${u.option}`, u);
  for (const h of HOLIDAYS) add(`holiday ${h.date}`, h);
  add('PP94_EFFECTIVE_DATE', PP94_EFFECTIVE_DATE);
  add('OFFICE_HOURS', OFFICE_HOURS);
  add('DEFAULT_WORKING_WEEK', DEFAULT_WORKING_WEEK);
  out.push({ from: 'TIME_ZONE_SOURCE', text: TIME_ZONE_SOURCE });
  return out;
}

/** The sources and public cites of real assessments: every act and actor type, before, during and after the campaigns, in a region holding every contest and one holding fewer. */
function assessmentCites(): { from: string; text: string }[] {
  const out = new Map<string, string>();
  for (const options of CATALOGUE_SETTINGS)
    for (const election of ELECTIONS)
      for (const regionCode of ['32.75', '31.71'])
        for (const incidentDate of ['2021-05-01', '2022-06-01', '2023-12-10', '2024-02-14', '2024-09-10', '2024-10-10', '2024-11-27', '2026-12-20'])
          for (const act of ACT_CODES)
            for (const actorType of ['PNS', 'PPPK', 'NON_ASN', 'VILLAGE_HEAD']) {
              let result;
              try {
                result = assess(parseIncident({ election: election.id, regionCode, incidentDate, reportDate: incidentDate, actorType, act }, options), options);
              } catch {
                continue; // a date the engine does not take
              }
              for (const line of result.explanation) for (const cite of [...line.provenance, ...line.cites]) out.set(cite, `${election.id} ${regionCode} ${incidentDate} ${act} ${actorType}`);
            }
  return [...out].map(([text, from]) => ({ from, text }));
}

describe('legal basis as printed', () => {
  it('prints only instruments, in Indonesian, for every source, basis and note of the rules data and every cite of an assessment', () => {
    const texts = [...ruleTexts(), ...assessmentCites()];
    expect(texts.length).toBeGreaterThan(100);
    for (const { from, text } of texts) for (const c of legalCitations([text])) expectPrintable(c, `${from}: ${text}`);
  });

  it('keeps the statutes behind every act and every sanction of the catalogue', () => {
    for (const o of CATALOGUE_SETTINGS)
      for (const act of catalogueActs(o.catalogue)) {
        expect(legalCitations([act.legalBasis]).length, act.code).toBeGreaterThan(0);
        expect(legalCitations([act.source]).join(), act.code).toContain('SKB MenPANRB 2/2022');
        if (act.note) expect(legalCitations([act.note]), act.code).toEqual([]); // notes are about the data, not the law
      }
    for (const s of SANCTIONS) expect(legalCitations([s.source]).length, s.id).toBeGreaterThan(0);
  });

  it('reads the real data as an official letter cites it', () => {
    const act = catalogueActs().find((a) => a.code === 'KE-5')!;
    expect(legalCitations([act.source, act.legalBasis])).toEqual([
      'PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)',
      'SKB MenPANRB 2/2022, Mendagri 800-5474/2022, Kepala BKN 246/2022, Ketua KASN 30/2022, Ketua Bawaslu 1447.1/PM.01/K.1/09/2022, Lampiran',
    ]);
    const schedule = ELECTIONS.find((e) => e.id === 'pilkada-2024')!;
    expect(legalCitations([schedule.source])).toEqual(['UU 10/2016', 'PKPU 2/2024 (tahapan dan jadwal Pemilihan 2024)']);
    expect(legalCitations(['Bawaslu Kabupaten Bekasi ruling, seed 004 (domain.md §6.3)'])).toEqual([]);
    expect(legalCitations(['SKB 2022 Lampiran; domain.md §2.2 (UNCONFIRMED practice) [S41]'])).toEqual(['SKB 2022 Lampiran']);
    expect(legalCitations(['PP 94/2021, in force 31 Aug 2021 [S4]'])).toEqual(['PP 94/2021']);
    expect(legalCitations(['UU 7/2017 Pasal 454(6) ("7 hari kerja"); Perbawaslu 7/2022 Pasal 8(3) ("7 Hari") [S13, S19]'])).toEqual([
      'UU 7/2017 Pasal 454(6) ("7 hari kerja")', 'Perbawaslu 7/2022 Pasal 8(3) ("7 Hari")',
    ]);
    // a general citation beside a more specific one of the same law is said once; laws come before regulations
    expect(legalCitations(['PP 94/2021 Pasal 5 huruf n', 'UU 10/2016', 'UU 10/2016 Pasal 71(1), 188', 'PP 94/2021 Pasal 5 huruf n and Pasal 8 (PNS)'])).toEqual([
      'UU 10/2016 Pasal 71(1), 188', 'PP 94/2021 Pasal 5 huruf n dan Pasal 8 (PNS)',
    ]);
  });

  it('drops a note of a shape the data does not have yet', () => {
    expect(legalCitations(['UU 7/2017 Pasal 494 (see domain.md §3.2; pending review by the legal team) [S69]; TODO: confirm with Bawaslu; option foo.bar'])).toEqual(['UU 7/2017 Pasal 494']);
    expect(legalCitations(['Perbawaslu 7/2022 Pasal 15(1): initial review within 2 days of receipt'])).toEqual(['Perbawaslu 7/2022 Pasal 15(1)']);
    expect(legalCitations(['37 of 38 provinces hold a contest', 'MK decision 121/PUU-XXII/2024 (read 16 Oct 2025)'])).toEqual([]);
  });

  it('prints the legislation behind the seed-004 assessment, without the ruling and decisions the web shows beside it', () => {
    const result = assess(parseIncident({ election: 'pemilu-2024', regionCode: '32.16', incidentDate: '2022-11-20', actorType: 'PNS', act: 'KE-6' }));
    const shown = result.explanation.flatMap((line) => line.cites);
    expect(shown).toEqual(expect.arrayContaining(['Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)', 'Keputusan KPU tanggal 14 Desember 2022']));
    const basis = assessmentBasis(result as unknown as Record<string, unknown>);
    expect(basis).toContain('PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)');
    expect(basis.join('\n')).not.toMatch(/Bekasi|Keputusan KPU|et al/);
    for (const c of basis) expectPrintable(c, c);
  });

  it('names a sanction with its statute', () => {
    expect(sanctionWords('moral_open')).toBe('Pernyataan secara terbuka (PP 42/2004 Pasal 15(3))');
    expect(sanctionWords('ptdh_uu20_2023')).toBe('Pemberhentian tidak dengan hormat (PTDH) (UU 20/2023 Pasal 52(3) huruf j dan 52(4))');
    expect(sanctionWords('unknown_form')).toBe('unknown_form');
  });

  it('keeps the instruments that ground the letter, not the schedule, the deadlines nor a superseded regulation', () => {
    const pemilu = (incidentDate: string, act = 'KE-3') =>
      assessmentBasis(assess(parseIncident({ election: 'pemilu-2024', regionCode: '32.75', incidentDate, reportDate: incidentDate, actorType: 'PNS', act })) as unknown as Record<string, unknown>);
    const during = pemilu('2023-12-10');
    expect(during).toEqual(expect.arrayContaining(['UU 7/2017 Pasal 280(2)', 'UU 7/2017 Pasal 493', 'PP 94/2021 Pasal 5 huruf n', 'PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)']));
    // the report deadline (UU 7/2017 454(6), Perbawaslu 7/2022 8(3)), the schedule (PKPU 3/2022, Pasal 276(1)) and PP 53/2010 date the facts; they ground nothing
    expect(during.join('\n')).not.toMatch(/454\(6\)|Perbawaslu|PKPU|276\(1\)|PP 53\/2010/);
    // an incident before PP 94/2021 took force is disciplined under PP 53/2010, and PP 94/2021 is not its basis
    const before = assessmentBasis(assess(parseIncident({ election: 'pilkada-2024', regionCode: '32.75', incidentDate: '2021-05-01', reportDate: '2021-05-01', actorType: 'PNS', act: 'KE-5' })) as unknown as Record<string, unknown>);
    expect(before).toContain('PP 53/2010');
    expect(before.join('\n')).not.toContain('PP 94/2021');
    // a stored assessment as the case detail carries it (public sources beside their provenance) reads the same
    const stored = publicAssessment(assess(parseIncident({ election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2023-12-10', reportDate: '2023-12-10', actorType: 'PNS', act: 'KE-3' })));
    expect(assessmentBasis(stored as unknown as Record<string, unknown>)).toEqual(during);
  });

  it('leaves out the election-law articles the assessment found not to apply', () => {
    const basis = (incidentDate: string) =>
      assessmentBasis(assess(parseIncident({ election: 'pemilu-2024', regionCode: '32.75', incidentDate, reportDate: incidentDate, actorType: 'PNS', act: 'KE-3' })) as unknown as Record<string, unknown>);
    const outside = basis('2023-06-01'); // parties exist, but no campaign yet: 280(2) -> 493 cannot apply
    expect(outside.join('\n')).not.toContain('Pasal 493');
    expect(outside).toContain('PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)');
    const during = basis('2023-12-10');
    expect(during).toEqual(expect.arrayContaining(['UU 7/2017 Pasal 280(2)', 'UU 7/2017 Pasal 493']));
    expect(outside.join('\n')).not.toContain('Pasal 280(2)');
    for (const c of [...outside, ...during]) expectPrintable(c, c);
  });
});

describe('dates and times in words', () => {
  it('writes a deadline in the zone its offset names', () => {
    expect(deadlineWords('2026-12-16T23:59:00+07:00')).toBe('16 Desember 2026 pukul 23.59 WIB');
    expect(deadlineWords('2024-02-22T16:30:00+08:00')).toBe('22 Februari 2024 pukul 16.30 WITA');
    expect(deadlineWords('2024-02-22T16:00:00+09:00')).toBe('22 Februari 2024 pukul 16.00 WIT');
    expect(deadlineWords('not a date')).toBe('not a date');
  });
  it('writes an instant as the office local time', () => {
    const at = new Date('2024-01-10T16:30:00Z');
    expect(localTimeWords(at, '91.71')).toBe('11 Januari 2024 pukul 01.30 WIT');
    expect(localTimeWords(at, '73.71')).toBe('11 Januari 2024 pukul 00.30 WITA');
    expect(localTimeWords(at, '32.75')).toBe('10 Januari 2024 pukul 23.30 WIB');
  });
});

// --- Documents ------------------------------------------------------------------------------------

const at = (iso: string) => new Date(iso).toISOString();
let seq = 0;
const ev = (type: string, when: string, payload: Record<string, unknown> = {}, toStatus = 'x', actorLabel = 'bawaslu.jayapura') =>
  ({ seq: ++seq, type, fromStatus: null, toStatus, actorLabel, at: at(when), payload });

/**
 * A Pilkada case in Kota Jayapura (WIT, UTC+9) that went through every step: registered late in the
 * UTC day (already the next day in Jayapura), two summons, an election-crime decision through
 * Gakkumdu, then forwarded to BKN and recommended for a moral sanction.
 */
function jayapuraCase(over: Partial<CaseDetail> = {}): CaseDetail {
  const assessment = assess(parseIncident({ election: 'pilkada-2024', regionCode: '91.71', incidentDate: '2024-09-28', reportDate: '2024-10-01', actorType: 'PNS', act: 'KE-5' }));
  return {
    id: '11111111-1111-4111-8111-111111111111', caseNumber: '007/Reg/LP/PB/Kota/33.01/X/2024', source: 'report', electionId: 'pilkada-2024', regionCode: '91.71',
    regionName: 'Kota Jayapura', status: 'recommended', title: 'Lurah mengunggah foto bersama bakal calon', receivedOn: '2024-10-01',
    reportedText: 'Lurah Bintara', nextDeadline: null, flags: [], version: 12,
    summary: `Foto lurah bersama pasangan calon beredar di media sosial.${CHRONOLOGY_MARK} Saya melihat sendiri unggahan itu di grup warga.`,
    incidentOn: '2024-09-28', knownOn: '2024-09-30', incidentPlace: 'Kantor Kelurahan Bhayangkara, Distrik Jayapura Utara', actCode: 'KE-5', actorType: 'PNS', reportedEmployeeId: '22222222-2222-4222-8222-222222222222', authorityId: 'BKN',
    deadlines: [{
      ruleId: 'civil_service.ppk_follow_up', name: { id: 'Tindak lanjut PPK atas rekomendasi', en: 'PPK follow-up' }, dueDate: '2024-11-15', dueAt: '2024-11-15T23:59:00+09:00',
      daysLeft: 3, overdue: false, label: { id: '3 hari lagi', en: '3 days left' }, unconfirmed: true, calendarCovered: true,
    }],
    events: [
      ev('CREATED', '2024-10-01T02:00:00Z', { source: 'report' }, 'received'),
      ev('START_REVIEW', '2024-10-01T03:00:00Z', {}, 'initial_review'),
      // 16:30 UTC on 2 October is 01:30 on 3 October in Jayapura
      ev('REGISTER', '2024-10-02T16:30:00Z', { caseNumber: '007/Reg/LP/PB/Kota/33.01/X/2024', formal: true, material: true }, 'registered'),
      ev('BEGIN_REVIEW', '2024-10-03T01:00:00Z', {}, 'under_review'),
      ev('SUMMON', '2024-10-03T02:00:00Z', { party: 'reporter', personLabel: REPORTER_LABEL, scheduledOn: '2024-10-07', place: 'Kantor Bawaslu Kota Jayapura' }, 'under_review'),
      ev('SUMMON', '2024-10-04T02:00:00Z', { party: 'reported', personLabel: 'Lurah Bintara', scheduledOn: '2024-10-08', place: 'Kantor Bawaslu Kota Jayapura' }, 'under_review'),
      ev('RECORD_CLARIFICATION', '2024-10-08T03:00:00Z', { party: 'reported', personLabel: 'Lurah Bintara', heldOn: '2024-10-08', statement: 'Foto diambil tanpa sepengetahuan saya.' }, 'under_review'),
      // 20:00 UTC on 8 October is 05:00 on 9 October in Jayapura
      ev('DECIDE', '2024-10-08T20:00:00Z', { outcome: 'election_crime', reasoning: 'Unsur Pasal 71 diduga terpenuhi.' }, 'gakkumdu_discussion'),
      ev('GAKKUMDU_INVESTIGATE', '2024-10-12T01:00:00Z', { handedOverOn: '2024-10-10' }, 'gakkumdu_investigation', 'bawaslu.jayapura2'),
      ev('GAKKUMDU_PROSECUTE', '2024-10-20T17:30:00Z', {}, 'gakkumdu_prosecution'),
      ev('GAKKUMDU_CONCLUDE', '2024-10-25T02:00:00Z', { result: 'stopped', note: 'Penuntutan dihentikan.' }, 'gakkumdu_concluded'),
      ev('FORWARD', '2024-10-28T15:10:00Z', { authorityId: 'BKN', letterNumber: '123/PP.01/K.PA-18/X/2024' }, 'forwarded'),
      ev('RECOMMEND', '2024-11-01T02:00:00Z', { actCode: 'KE-5', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-45/BKN/XI/2024' }, 'recommended', 'bkn.officer'),
    ],
    clarifications: [
      { party: 'reporter', personLabel: REPORTER_LABEL, heldOn: '2024-10-07', statement: 'Saya melihat sendiri unggahan itu.' },
      { party: 'reported', personLabel: 'Lurah Bintara', heldOn: '2024-10-08', statement: 'Foto diambil tanpa sepengetahuan saya.' },
    ],
    recommendation: { actCode: 'KE-5', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-45/BKN/XI/2024' },
    ppkDecision: null, hasReporterIdentity: true, assessment: assessment as unknown as Record<string, unknown>, allowedActions: [], mayLinkReportedPerson: false, reportedHeard: true,
    summons: [
      { party: 'reporter', personLabel: REPORTER_LABEL, scheduledOn: '2024-10-07', place: 'Kantor Bawaslu Kota Jayapura', issuedOn: '2024-10-03' },
      { party: 'reported', personLabel: 'Lurah Bintara', scheduledOn: '2024-10-08', place: 'Kantor Bawaslu Kota Jayapura', issuedOn: '2024-10-04' },
    ],
    documents: [...DOCUMENT_KINDS], forwardTo: null, conflictFlags: [], mayOpenReporterIdentity: false,
    ...over,
  };
}

const EMPLOYEE = {
  name: 'Yohanes Wenda, S.Sos.', employmentType: 'PNS', nip: '198609262015051001', position: 'Lurah Bintara', unitPath: 'Distrik Abepura / Kelurahan Bintara',
  agencyName: 'Pemerintah Kota Jayapura',
};
const ISSUED = new Date('2024-11-02T15:45:00Z'); // 3 November 2024, 00.45 WIT
const TITLES_OF: Record<DocumentKind, string> = {
  receipt: 'TANDA TERIMA PENYAMPAIAN LAPORAN / TEMUAN', registration: 'PEMBERITAHUAN REGISTRASI', summons: 'UNDANGAN KLARIFIKASI', review: 'RINGKASAN KAJIAN DUGAAN PELANGGARAN',
  gakkumdu_minutes: 'BERITA ACARA PEMBAHASAN SENTRA GAKKUMDU', forwarding: 'PENERUSAN DUGAAN PELANGGARAN PERATURAN PERUNDANG-UNDANGAN LAINNYA (NETRALITAS ASN)', recommendation: 'REKOMENDASI SANKSI',
};
const text = (kind: DocumentKind, c = jayapuraCase(), options: DocumentOptions = {}) => caseDocumentLines(kind, c, ISSUED, options).map((l) => l.text).join('\n');

describe('case documents', () => {
  it('prints no codes, ISO dates, UTC times or developer notes in any document', () => {
    for (const kind of DOCUMENT_KINDS) {
      const t = text(kind, jayapuraCase(), { reportedEmployee: EMPLOYEE });
      expect(t, kind).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(t, kind).not.toMatch(/\bUTC\b|T\d{2}:\d{2}/);
      expect(t, kind).not.toMatch(INTERNAL);
      expect(t, kind).not.toMatch(/\[S\d|§/);
      expect(t, kind).not.toContain('pilkada-2024');
      expect(t, kind).not.toMatch(/Status: [a-z_]+$/m);
      expect(t, kind).toContain('Pemilihan: Pemilihan Serentak 2024');
      expect(t, kind).toContain('Diterima: 1 Oktober 2024');
      expect(t, kind).toContain('Dibuat oleh Netra pada 3 November 2024 pukul 00.45 WIT.');
    }
  });

  it('shows the status in words', () => {
    expect(text('review')).toContain(`Status: ${STATUS_WORDS.recommended.id}`);
    expect(text('summons', jayapuraCase({ status: 'under_review' }))).toContain(`Status: ${STATUS_WORDS.under_review.id}`);
  });

  it('registration notice: the number and the local date of registration, not the status the case has now', () => {
    const t = text('registration');
    expect(t).toContain('Nomor registrasi: 007/Reg/LP/PB/Kota/33.01/X/2024');
    expect(t).toContain('Tanggal registrasi: 3 Oktober 2024'); // 16:30 UTC on 2 October is already the 3rd in Jayapura
    // time and place of the incident, the material requirements the registration checked
    expect(t).toContain('Tanggal kejadian: 28 September 2024');
    expect(t).toContain('Tempat kejadian: Kantor Kelurahan Bhayangkara, Distrik Jayapura Utara');
    expect(text('registration', jayapuraCase({ incidentPlace: null }))).toContain('Tempat kejadian: -');
    expect(t).not.toContain('Status');
    expect(t).not.toContain('Rekomendasi');
  });

  it('review and forwarding: the legal basis as instruments only, the act in words, the outcome in words', () => {
    for (const kind of ['review', 'forwarding'] as const) {
      const lines = caseDocumentLines(kind, jayapuraCase(), ISSUED).map((l) => l.text);
      const start = lines.indexOf('Dasar hukum:');
      expect(start, kind).toBeGreaterThan(0);
      const after = lines.slice(start + 1);
      const end = after.findIndex((l) => !l.startsWith('- '));
      const basis = after.slice(0, end < 0 ? undefined : end).map((l) => l.slice(2));
      // the ASN rules of the act, the authority's basis; not the schedule, the report deadline nor the discipline law the date rules out
      expect(basis, kind).toEqual(expect.arrayContaining(['PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)', 'PP 94/2021 Pasal 5 huruf n', 'UU 20/2023 Pasal 26(2) huruf d, 70(3)', 'Perpres 92/2024']));
      expect(basis.join('\n'), kind).not.toMatch(/PKPU|Pasal 134|PP 53\/2010|Perbawaslu/);
      for (const b of basis) expectPrintable(b, `${kind}: ${b}`);
      const t = lines.join('\n');
      expect(t, kind).toContain('Dugaan bentuk pelanggaran: Memposting foto bersama bakal calon');
      expect(t, kind).toContain('(KE-5, jalur kode etik)');
      expect(t, kind).toContain('Hasil kajian: Dugaan tindak pidana pemilihan (Sentra Gakkumdu)');
      expect(t, kind).toContain('Klarifikasi Terlapor: Lurah Bintara (8 Oktober 2024): Foto diambil tanpa sepengetahuan saya.');
    }
  });

  it('forwarding letter: the authority by name, the linked employee, the reporter withheld in Indonesian', () => {
    const t = text('forwarding', jayapuraCase(), { reportedEmployee: EMPLOYEE });
    expect(t).toContain('Diteruskan kepada: Badan Kepegawaian Negara (Deputi Bidang Pengawasan dan Pengendalian)');
    expect(t).toContain('Tanggal penerusan: 29 Oktober 2024'); // 15:10 UTC on the 28th is 00:10 on the 29th in Jayapura
    expect(t).toContain('Nomor surat: 123/PP.01/K.PA-18/X/2024');
    for (const line of ['Nama: Yohanes Wenda, S.Sos.', 'NIP: 19860926 201505 1 001', 'Jenis kepegawaian: PNS', 'Jabatan: Lurah Bintara', 'Unit kerja: Distrik Abepura / Kelurahan Bintara', 'Instansi: Pemerintah Kota Jayapura', 'Uraian terlapor dalam laporan: Lurah Bintara'])
      expect(t).toContain(line);
    // the reporter's account stays with Bawaslu, and the letter says so in its own language
    expect(t).not.toContain('Saya melihat sendiri');
    expect(t).toContain(REPORTER_ACCOUNT_WITHHELD.split(' / ')[0]);
    expect(t).not.toContain('withheld');
    expect(t).toContain('Pelapor (identitas dirahasiakan)');
    const kasn = text('forwarding', jayapuraCase({ authorityId: 'KASN' }));
    expect(kasn).toContain('Diteruskan kepada: Komisi Aparatur Sipil Negara (KASN)');
  });

  it('prints the free-text reported person when no registry record is linked, and the linked one only where BKN or the PPK act', () => {
    expect(text('forwarding')).toContain('Terlapor: Lurah Bintara');
    expect(text('forwarding')).not.toContain('NIP');
    expect(text('summons', jayapuraCase(), { reportedEmployee: EMPLOYEE })).not.toContain('NIP');
    expect(text('registration', jayapuraCase(), { reportedEmployee: EMPLOYEE })).not.toContain('NIP');
    const pppk = text('recommendation', jayapuraCase(), { reportedEmployee: { ...EMPLOYEE, employmentType: 'PPPK', nip: '199009132025242014' } });
    expect(pppk).toContain('NI PPPK: 199009132025242014');
    const nonAsn = text('recommendation', jayapuraCase(), { reportedEmployee: { ...EMPLOYEE, employmentType: 'NON_ASN', nip: null, internalId: 'PPNPN-0042' } });
    expect(nonAsn).toContain('Nomor pegawai (non-ASN): PPNPN-0042');
    expect(nonAsn).toContain('Jenis kepegawaian: Non-ASN');
  });

  it('recommendation: the act, the sanction and its level in words, the PPK deadline in local time', () => {
    const t = text('recommendation', jayapuraCase(), { reportedEmployee: EMPLOYEE });
    expect(t).toContain('Pemberi rekomendasi: Badan Kepegawaian Negara');
    expect(t).toContain('Bentuk pelanggaran: Memposting foto bersama bakal calon, tim sukses dengan simbol keberpihakan/atribut partai, atau alat peraga kampanye yang dapat diakses publik (KE-5, jalur kode etik)');
    expect(t).toContain('Jenis sanksi: Sanksi moral');
    expect(t).toContain('Rekomendasi sanksi: Pernyataan secara terbuka (PP 42/2004 Pasal 15(3))');
    expect(t).toContain('Tanggal rekomendasi: 1 November 2024');
    // the PPK's 14 days are not confirmed (domain.md §5.1 #5): the letter does not state them as fact
    expect(t).toContain('Batas tindak lanjut PPK: 15 November 2024 pukul 23.59 WIT (perkiraan; belum terkonfirmasi)');
    const confirmed = jayapuraCase();
    const settled = text('recommendation', { ...confirmed, deadlines: confirmed.deadlines.map((d) => ({ ...d, unconfirmed: false })) });
    expect(settled).toMatch(/Batas tindak lanjut PPK: 15 November 2024 pukul 23.59 WIT$/m);
    expect(t).not.toMatch(/tingkat moral|: moral$|KE-5$/m);
    const levels = { ringan: 'Hukuman disiplin ringan', sedang: 'Hukuman disiplin sedang', berat: 'Hukuman disiplin berat' };
    for (const [level, words] of Object.entries(levels))
      expect(text('recommendation', jayapuraCase({ recommendation: { actCode: 'D-7', sanctionId: 'pp94_written_reprimand', level, letterNumber: 'R-1' } }))).toContain(`Jenis sanksi: ${words}`);
    const bawaslu = text('recommendation', jayapuraCase({ recommendation: { actCode: 'D-7', sanctionId: 'contract_termination', level: 'contract', letterNumber: 'R-2', issuedBy: 'supervisor' } }));
    expect(bawaslu).toContain('Pemberi rekomendasi: Bawaslu Kota Jayapura');
    expect(bawaslu).toContain('Rekomendasi sanksi: Pemutusan hubungan kerja (PHK) (SE MenPANRB 01/2023)');
  });

  it('summons: the latest by default, any earlier one by its index, and no other', () => {
    const latest = text('summons');
    expect(latest).toContain('Kepada Yth.\nSdr. Lurah Bintara (Terlapor)\ndi tempat');
    expect(latest).toContain('Hari/tanggal: Selasa, 8 Oktober 2024');
    expect(latest).toContain('Tanggal undangan: 4 Oktober 2024');
    expect(latest).toContain('hak jawab');
    // no time was recorded: the letter does not make one up
    expect(latest).toContain('Waktu: sesuai pemberitahuan');
    expect(latest).not.toMatch(/Selasa, 8 Oktober 2024 pukul/);
    const first = text('summons', jayapuraCase(), { summonsIndex: 0 });
    expect(first).toContain('Kepada Yth.\nSdr. Pelapor (identitas dirahasiakan)');
    expect(first).toContain('Hari/tanggal: Senin, 7 Oktober 2024');
    expect(first).not.toContain('Reporter');
    for (const summonsIndex of [2, -1, 0.5]) {
      const err = (() => {
        try {
          text('summons', jayapuraCase(), { summonsIndex });
        } catch (e) {
          return e;
        }
      })();
      expect(err, String(summonsIndex)).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(404);
    }
    // states stored before summons were kept: the SUMMON events, dated by the office's day of entry
    const old = text('summons', jayapuraCase({ summons: [] }), { summonsIndex: 0 });
    expect(old).toContain('Tanggal undangan: 3 Oktober 2024');
    expect(old).toContain('Sdr. Pelapor (identitas dirahasiakan)');
  });

  it('summons: the time of day the office recorded, in its zone', () => {
    const withTime = (payload: Record<string, unknown>) => {
      const c = jayapuraCase({ summons: [] });
      const events = [...c.events.filter((e) => e.type !== 'SUMMON'), ev('SUMMON', '2024-10-04T02:00:00Z', { party: 'reported', personLabel: 'Lurah Bintara', scheduledOn: '2024-10-08', place: 'Kantor Bawaslu Kota Jayapura', ...payload }, 'under_review')];
      return text('summons', { ...c, events });
    };
    expect(withTime({ scheduledTime: '09:30' })).toContain('Waktu: pukul 09.30 WIT');
    expect(withTime({ time: '13.00' })).toContain('Waktu: pukul 13.00 WIT');
    expect(withTime({ scheduledAt: '2024-10-08T01:00:00Z' })).toContain('Waktu: pukul 10.00 WIT');
    expect(withTime({ time: 'pagi' })).toContain('Waktu: sesuai pemberitahuan');
  });

  it('every letter: the issuing office, the addressee and a signatory; the reporter is never named', () => {
    const letters = (c = jayapuraCase(), options: DocumentOptions = { reportedEmployee: EMPLOYEE }) =>
      Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, caseDocumentLines(kind, c, ISSUED, options).map((l) => l.text)])) as Record<DocumentKind, string[]>;
    const all = letters();
    for (const kind of ['receipt', 'registration', 'summons', 'forwarding'] as const) {
      expect(all[kind][0], kind).toBe('BADAN PENGAWAS PEMILIHAN UMUM KOTA JAYAPURA');
      expect(all[kind][1], kind).toBe(TITLES_OF[kind]);
      expect(all[kind][2], kind).toBe('Kepada Yth.');
      expect(all[kind], kind).toContain('di tempat');
    }
    for (const kind of ['registration', 'summons', 'forwarding'] as const) {
      expect(all[kind], kind).toContain('Ketua/Anggota Bawaslu Kota Jayapura,');
      expect(all[kind], kind).toContain('(....................................)');
      expect(all[kind].at(-1), kind).toMatch(/^Dibuat oleh Netra pada/);
    }
    expect(all.receipt[3]).toBe('Sdr. Pelapor');
    expect(all.registration[3]).toBe('Sdr. Pelapor');
    expect(all.registration).toContain('Jayapura, 3 Oktober 2024');
    expect(all.registration).toContain('Dicatat dalam Netra oleh petugas: bawaslu.jayapura');
    expect(all.summons[3]).toBe('Sdr. Lurah Bintara (Terlapor)');
    expect(all.summons).toContain('Jayapura, 4 Oktober 2024');
    expect(all.forwarding[3]).toBe('Pimpinan Badan Kepegawaian Negara (Deputi Bidang Pengawasan dan Pengendalian)');
    expect(all.forwarding).toContain('Jayapura, 29 Oktober 2024');
    // the recommendation is the authority's letter, to the PPK of the reported person's agency
    expect(all.recommendation.slice(0, 4)).toEqual(['BADAN KEPEGAWAIAN NEGARA', 'DEPUTI BIDANG PENGAWASAN DAN PENGENDALIAN', 'REKOMENDASI SANKSI', 'Kepada Yth.']);
    expect(all.recommendation).toContain('Pejabat Pembina Kepegawaian Pemerintah Kota Jayapura');
    expect(all.recommendation).toContain('Dicatat dalam Netra oleh petugas: bkn.officer');
    expect(letters(jayapuraCase(), {}).recommendation).toContain('Pejabat Pembina Kepegawaian instansi Terlapor');
    const bawaslu = letters(jayapuraCase({ recommendation: { actCode: 'D-7', sanctionId: 'contract_termination', level: 'contract', letterNumber: 'R-2', issuedBy: 'supervisor' } })).recommendation;
    expect(bawaslu[0]).toBe('BADAN PENGAWAS PEMILIHAN UMUM KOTA JAYAPURA');
    expect(bawaslu).toContain('Ketua/Anggota Bawaslu Kota Jayapura,');
    // letters to others are never addressed to the reporter
    for (const kind of ['forwarding', 'recommendation'] as const) expect(all[kind].join('\n'), kind).not.toContain('Sdr. Pelapor');
    // a province's office, and a finding (no reporter to write to)
    const province = letters(jayapuraCase({ regionCode: '91', regionName: 'Papua', source: 'finding' }));
    expect(province.registration[0]).toBe('BADAN PENGAWAS PEMILIHAN UMUM PROVINSI PAPUA');
    expect(province.registration).toContain('Ketua/Anggota Bawaslu Provinsi Papua,');
    expect(province.registration).not.toContain('Kepada Yth.');
  });

  it('receipt: the time of receipt in the office zone and the receiving officer (Form A.1 / B.1 item 7)', () => {
    const t = text('receipt');
    expect(t).toContain('Waktu penerimaan: 1 Oktober 2024 pukul 11.00 WIT');
    expect(t).toContain('Petugas penerima: bawaslu.jayapura');
    expect(t).toContain('Petugas penerima,\n(....................................)');
    // a report filed online: no officer received it yet, and none is made up
    const c = jayapuraCase();
    const online = text('receipt', { ...c, events: c.events.map((e) => (e.type === 'CREATED' ? { ...e, actorLabel: 'public' } : e)) });
    expect(online).toContain('Petugas penerima: (diisi petugas yang menerima)');
    // a report entered on a later day than it was received: the day alone, no time
    const later = text('receipt', jayapuraCase({ receivedOn: '2024-09-30' }));
    expect(later).toContain('Waktu penerimaan: 30 September 2024 (jam tidak tercatat)');
  });

  it('Gakkumdu minutes: recorded handover dates, else the office date of the entry; results and deadlines in words', () => {
    const t = text('gakkumdu_minutes');
    expect(t).toContain('- 9 Oktober 2024: Pembahasan pertama'); // 20:00 UTC on the 8th is the 9th in Jayapura
    expect(t).toContain('- 10 Oktober 2024: Pembahasan kedua'); // the recorded handover, not the day it was entered (12 October)
    expect(t).toContain('- 21 Oktober 2024: Pembahasan ketiga'); // 17:30 UTC on the 20th is the 21st in Jayapura
    expect(t).toContain('Kesimpulan (bawaslu.jayapura) - hasil: dihentikan; Penuntutan dihentikan.');
    expect(t).toContain('Batas waktu Tindak lanjut PPK atas rekomendasi: 15 November 2024 pukul 23.59 WIT (perkiraan; belum terkonfirmasi)');
  });

  it('Gakkumdu minutes: a returned file, the judgment with its verdict and an appeal, on the days recorded', () => {
    const c = jayapuraCase();
    const events = [
      ...c.events.filter((e) => e.type !== 'GAKKUMDU_CONCLUDE'),
      ev('GAKKUMDU_RETURN_FILE', '2024-10-23T03:00:00Z', { returnedOn: '2024-10-22' }, 'gakkumdu_investigation'),
      ev('GAKKUMDU_PROSECUTE', '2024-10-25T03:00:00Z', { handedOverOn: '2024-10-24' }, 'gakkumdu_prosecution'),
      ev('GAKKUMDU_TRIAL', '2024-10-28T03:00:00Z', {}, 'gakkumdu_trial'),
      ev('GAKKUMDU_JUDGMENT', '2024-11-05T03:00:00Z', { result: 'convicted', judgedOn: '2024-11-04' }, 'gakkumdu_judgment'),
      ev('GAKKUMDU_APPEAL', '2024-11-07T03:00:00Z', { filedOn: '2024-11-06' }, 'gakkumdu_appeal'),
    ];
    const t = text('gakkumdu_minutes', jayapuraCase({ events }));
    expect(t).toContain('- 22 Oktober 2024: Berkas perkara dikembalikan penuntut umum kepada penyidik untuk dilengkapi');
    expect(t).toContain('- 24 Oktober 2024: Pembahasan ketiga');
    expect(t).toContain('- 4 November 2024: Putusan Pengadilan Negeri (bawaslu.jayapura) - amar: terbukti / diputus bersalah');
    expect(t).toContain('- 6 November 2024: Banding diajukan ke Pengadilan Tinggi');
  });

  it('lays the lines out in a PDF whose text reads the same', async () => {
    const bytes = await renderCaseDocument('forwarding', jayapuraCase(), ISSUED, { reportedEmployee: EMPLOYEE });
    const drawn = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const words of ['Diteruskan kepada: Badan Kepegawaian Negara', 'NIP: 19860926 201505 1 001', 'Dasar hukum:', 'PP 42/2004 Pasal 11 huruf c dan Pasal 15(1)-(3) (sanksi moral)', 'Dibuat oleh Netra pada 3 November 2024 pukul 00.45 WIT.'])
      expect(drawn).toContain(words);
    expect(drawn).not.toMatch(INTERNAL);
    expect(drawn).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const summons = (await pdfText(await renderCaseDocument('summons', jayapuraCase(), ISSUED, { summonsIndex: 0 }))).replace(/\s+/g, ' ');
    expect(summons).toContain('Senin, 7 Oktober 2024');
  });
});
