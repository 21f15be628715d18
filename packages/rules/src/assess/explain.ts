import type { Bilingual } from '../shared/types.ts';
import { dateInWords, dateRangeInWords, localTimeInWords } from '../shared/date-words.ts';
import type { Election } from '../elections/types.ts';
import { contestsIn, electionSpan, stagesForRegion, type ElectionStatus } from '../elections/schedule.ts';
import { PP94_EFFECTIVE_DATE } from '../catalogue/sanctions.ts';
import type { Act } from '../catalogue/types.ts';
import type { ElectionArticle } from '../catalogue/election-law.ts';
import { isUnconfirmedSource, publicCitationList } from '../sources/public-citation.ts';
import type { Assessment, ExplanationLine } from './types.ts';

// The sources below are provenance (research notes and ids included): a line shows only their public
// references (`publicCitationList`) and keeps them whole in `provenance`.
const SKB_DUTY = 'SKB 2022 (MenPANRB 2/2022 et al.); PP 94/2021 Pasal 5 huruf n; domain.md §6.3 [S8, S123]';
const SEED_004 = 'Bawaslu Kabupaten Bekasi ruling, seed 004 (domain.md §6.3)';
const NO_AUTHORITY = 'UU 20/2023 Pasal 26(2) huruf d, 70(3); MK decision 121/PUU-XXII/2024; domain.md §3.1 [S26, S34, S40]';
const NO_HOLIDAY_DATA = 'domain.md §8.7 [S170, S172, S176]';

const yesNo = (value: boolean) => (value ? { id: 'ya', en: 'yes' } : { id: 'tidak', en: 'no' });
const LEVEL_WORDS: Record<Act['defaultSanction'], Bilingual> = {
  moral: { id: 'sanksi moral', en: 'moral sanction' },
  ringan: { id: 'ringan', en: 'light' },
  sedang: { id: 'sedang', en: 'moderate' },
  berat: { id: 'berat', en: 'severe' },
  ptdh: { id: 'pemberhentian tidak dengan hormat', en: 'dishonourable dismissal' },
  satgas: { id: 'diputuskan Satgas', en: 'decided by the Satgas' },
};

/** What is unsettled about an act the data flags unconfirmed, as a reader is told it (the data's own note is for developers). */
function unconfirmedActNote(act: Act): Bilingual {
  switch (act.conductKind) {
    case 'partisan_activities':
      return {
        id: `Catatan: tingkat hukuman disiplin ${act.code} belum terkonfirmasi (infografis KemenPANRB: sedang; sumber lain: berat); yang dipakai di sini: ${LEVEL_WORDS[act.defaultSanction].id}.`,
        en: `Note: the discipline level of ${act.code} is unconfirmed (KemenPANRB infographic: moderate; other sources: severe); used here: ${LEVEL_WORDS[act.defaultSanction].en}.`,
      };
    case 'campaign_team_before':
    case 'campaign_team':
      return {
        id: 'Catatan: pemisahan perbuatan sebelum dan setelah penetapan peserta (D-9 dan D-10) belum terkonfirmasi; infografis KemenPANRB menggabungkan keduanya.',
        en: 'Note: the split of this conduct before and after participants are determined (D-9 and D-10) is unconfirmed; the KemenPANRB infographic merges them.',
      };
    default:
      return { id: `Catatan: sebagian ketentuan ${act.code} belum terkonfirmasi.`, en: `Note: part of the rule on ${act.code} is unconfirmed.` };
  }
}

const isUnconfirmedArticle = (article: ElectionArticle) => article.unconfirmed === true || (article.note !== undefined && isUnconfirmedSource(article.note));

interface Context {
  readonly election: Election;
  readonly status: ElectionStatus;
  /** The region's name, when the caller has it ("Kabupaten Bekasi"): sentences then name it beside the code. */
  readonly regionName?: string;
}

/**
 * Cited sentences explaining an assessment, in the order a reviewer reads them: Indonesian and
 * English, dates in words ("20 November 2024"), each with the public legal references behind it and
 * the rules data's own sources as provenance.
 */
export function explain(result: Omit<Assessment, 'explanation'>, { election, status, regionName }: Context): ExplanationLine[] {
  const { input, act } = result;
  const lines: ExplanationLine[] = [];
  const line = (id: string, en: string, sources: readonly string[], unconfirmed = false) =>
    lines.push({ id, en, cites: publicCitationList(sources), unconfirmed: unconfirmed || sources.some(isUnconfirmedSource), provenance: [...new Set(sources)] });
  const day = (date: string) => ({ id: dateInWords(date, 'id'), en: dateInWords(date, 'en') });
  const period = (start: string, end: string) => ({ id: dateRangeInWords(start, end, 'id'), en: dateRangeInWords(start, end, 'en') });
  const date = day(input.incidentDate);
  const inForce = day(PP94_EFFECTIVE_DATE.date);
  const region = regionName
    ? { id: `${regionName} (${input.regionCode})`, en: `${regionName} (${input.regionCode})` }
    : { id: `Wilayah ${input.regionCode}`, en: `Region ${input.regionCode}` };

  // Participation and stage
  if (!result.takesPart) {
    const excluding = election.contests.filter((contest) => contest.excludedRegions.some((excluded) => input.regionCode.startsWith(excluded.prefix)));
    const exclusions = excluding.flatMap((contest) => contest.excludedRegions.filter((excluded) => input.regionCode.startsWith(excluded.prefix)));
    line(
      `${region.id} tidak menyelenggarakan ${election.name.id}${exclusions[0] ? `: ${exclusions[0].reason.id}` : ''}.`,
      `${region.en} holds no contest in the ${election.name.en}${exclusions[0] ? `: ${exclusions[0].reason.en}` : ''}.`,
      exclusions.length > 0 ? [...exclusions.map((excluded) => excluded.source), ...excluding.map((contest) => contest.source)] : election.contests.map((contest) => contest.source),
    );
  } else {
    const contests = contestsIn(election, input.regionCode);
    line(
      `${region.id} mengikuti ${election.name.id} (${contests.map((contest) => contest.name.id).join('; ')}).`,
      `${region.en} takes part in the ${election.name.en} (${contests.map((contest) => contest.name.en).join('; ')}).`,
      contests.map((contest) => contest.source),
    );
  }
  const stage = status.stages.find((active) => active.id === result.stage?.id);
  if (stage) {
    line(
      `Pada ${date.id} berlangsung tahapan "${stage.name.id}" (${period(stage.start, stage.end).id}).`,
      `On ${date.en} the stage "${stage.name.en}" (${period(stage.start, stage.end).en}) was under way.`,
      [stage.source],
    );
  } else if (result.takesPart) {
    line(`Pada ${date.id} tidak ada tahapan ${election.name.id} yang berlangsung.`, `On ${date.en} no stage of the ${election.name.en} was under way.`, [election.source]);
  }

  // Participants, campaign, quiet period
  const milestones = stagesForRegion(election, input.regionCode).filter((candidate) => candidate.role === 'participants');
  const first = [...milestones].sort((a, b) => a.start.localeCompare(b.start))[0];
  if (first) {
    const since = day(status.participantsSince ?? first.start);
    const firstOn = day(first.start);
    line(
      result.participantsDetermined
        ? `Peserta/calon telah ditetapkan sejak ${since.id} ("${first.name.id}").`
        : `Peserta/calon belum ditetapkan: penetapan pertama pada ${firstOn.id} ("${first.name.id}").`,
      result.participantsDetermined
        ? `Participants were determined from ${since.en} ("${first.name.en}").`
        : `No participants were determined yet: the first determination is on ${firstOn.en} ("${first.name.en}").`,
      [first.source],
    );
  }
  const campaign = stagesForRegion(election, input.regionCode).find((candidate) => candidate.role === 'campaign');
  if (campaign) {
    line(
      `Masa kampanye (${period(campaign.start, campaign.end).id}): ${yesNo(result.campaignPeriod).id}; masa tenang: ${yesNo(result.quietPeriod).id}; hari pemungutan suara: ${yesNo(result.votingDay).id}.`,
      `Campaign period (${period(campaign.start, campaign.end).en}): ${yesNo(result.campaignPeriod).en}; quiet period: ${yesNo(result.quietPeriod).en}; voting day: ${yesNo(result.votingDay).en}.`,
      [campaign.source],
    );
  }
  const ended = result.takesPart ? electionSpan(election, input.regionCode).end : null;
  if (!result.electoralDomain && ended && input.incidentDate > ended) {
    line(
      `Tidak lagi dalam ranah kepemiluan: tahapan ${election.name.id} berakhir pada ${dateInWords(ended, 'id')}, sehingga tindak pidana pemilihan tidak dapat diterapkan; kewajiban netralitas ASN tetap berlaku.`,
      `No longer within the electoral domain: the stages of the ${election.name.en} ended on ${dateInWords(ended, 'en')}, so election crimes cannot apply; the ASN neutrality duties still do.`,
      [election.source, SKB_DUTY],
    );
  } else {
    line(
      result.electoralDomain
        ? 'Sudah masuk ranah kepemiluan: peserta/pasangan calon sudah ada, sehingga unsur tindak pidana pemilihan dapat diperiksa.'
        : 'Belum masuk ranah kepemiluan: belum ada peserta/pasangan calon yang ditetapkan (atau wilayah tidak mengikuti pemilihan), sehingga tindak pidana pemilihan tidak dapat diterapkan.',
      result.electoralDomain
        ? 'Within the electoral domain: participants/pairs exist, so election-crime elements can be examined.'
        : 'Not yet within the electoral domain: no participants/pairs were determined (or the region holds no contest), so election crimes cannot apply.',
      [SEED_004, ...(first ? [first.source] : [])],
    );
  }

  // Act and actor
  line(
    `Perbuatan ${act.code}: ${act.conduct.id} (jalur ${act.track === 'asn_ethics' ? 'kode etik' : 'disiplin'}).`,
    `Act ${act.code}: ${act.conduct.en} (${act.track === 'asn_ethics' ? 'code-of-ethics' : 'discipline'} track).`,
    [act.source, act.legalBasis],
  );
  if (act.counterpart) {
    line(
      `SKB mencantumkan perbuatan yang sama sebagai ${act.counterpart}; pemilihan jalur etik atau disiplin diputuskan pengkaji berdasarkan fakta (waktu, intensitas).`,
      `The SKB lists the same conduct as ${act.counterpart}; the reviewer chooses the ethics or discipline track on the facts (timing, intensity).`,
      ['SKB 2022 Lampiran; domain.md §2.2 (UNCONFIRMED practice) [S41]'],
    );
  }
  if (act.unconfirmed) {
    const note = unconfirmedActNote(act);
    line(note.id, note.en, [act.source, ...(act.note ? [act.note] : [])], true);
  }
  // D-9 is the campaign-team conduct before participants are determined, D-10 after: a code that
  // contradicts the date drops (or wrongly adds) the 280(3) -> 494 check, so the reviewer is told
  if (act.conductKind === 'campaign_team_before' && result.participantsDetermined) {
    line(
      `Perhatian: ${act.code} berlaku sebelum penetapan peserta, sedangkan pada ${date.id} peserta sudah ditetapkan; periksa kembali kodenya (D-10, dengan unsur Pasal 280(3) dan 494).`,
      `Warning: ${act.code} applies before participants are determined, but on ${date.en} they were determined; check the code (D-10, with the 280(3) and 494 elements).`,
      [act.source, ...(first ? [first.source] : [])],
    );
  }
  if (act.conductKind === 'campaign_team' && !result.participantsDetermined && result.takesPart) {
    line(
      `Perhatian: ${act.code} berlaku setelah penetapan peserta, sedangkan pada ${date.id} peserta belum ditetapkan; periksa kembali kodenya (D-9).`,
      `Warning: ${act.code} applies after participants are determined, but on ${date.en} none were determined yet; check the code (D-9).`,
      [act.source, ...(first ? [first.source] : [])],
    );
  }

  switch (input.actorType) {
    case 'PNS':
    case 'PPPK':
      line(
        'Kewajiban netralitas ASN berlaku setiap saat, termasuk sebelum penetapan calon dan di luar masa kampanye; jalur etik/disiplin ASN tetap terbuka.',
        'ASN neutrality duties apply at all times, including before candidates are determined and outside the campaign; the ASN ethics/discipline track stays open.',
        [SKB_DUTY],
      );
      if (input.actorType === 'PPPK') {
        line('PPPK tunduk pada prosedur disiplin PNS; padanan sanksinya belum terkonfirmasi.', 'PPPK follow the PNS discipline procedure; exact sanction equivalents are unconfirmed.', ['PP 49/2018 Pasal 51-52 [S7, S53]'], true);
      }
      line(
        input.incidentDate < PP94_EFFECTIVE_DATE.date
          ? `Kejadian sebelum ${inForce.id}: hukuman disiplin mengikuti PP 53/2010.`
          : `Kejadian sejak ${inForce.id}: hukuman disiplin mengikuti PP 94/2021.`,
        input.incidentDate < PP94_EFFECTIVE_DATE.date
          ? `Incident before ${inForce.en}: discipline follows PP 53/2010.`
          : `Incident on or after ${inForce.en}: discipline follows PP 94/2021.`,
        [PP94_EFFECTIVE_DATE.source, 'PP 53/2010 [S45]'],
      );
      break;
    case 'NON_ASN':
      line(
        'Pegawai non-ASN (PPNPN) bukan ASN: pelanggaran ditangani PPK/PyB dengan sanksi bertingkat sesuai perjanjian kerja sampai PHK.',
        'Non-ASN staff (PPNPN) are not ASN: violations are handled by the PPK/authorised official with graded sanctions under the work agreement, up to termination (PHK).',
        ['SE MenPANRB 01/2023 [S11]'],
      );
      break;
    case 'VILLAGE_HEAD':
      line(
        'Kepala desa bukan ASN: tidak ada jalur etik/disiplin ASN; hanya pasal pemilihan yang menyebut kepala desa yang dapat diterapkan.',
        'A village head is not ASN: no ASN ethics/discipline track; only election-law articles that name village heads can apply.',
        ['UU 7/2017 Pasal 280(2), 282, 490, 494; UU 10/2016 Pasal 70(1), 71, 188 [S65, S67, S16, S18]'],
      );
      break;
  }

  // Election offences
  for (const offence of result.offences) {
    const articles = [...offence.prohibits.map((candidate) => candidate.id), offence.penalisedBy.id].join(', ');
    const missing = !result.electoralDomain
      ? { id: 'belum ada peserta/pasangan calon', en: 'no participants/pairs exist yet' }
      : { id: 'di luar masa kampanye', en: 'outside the campaign period' };
    const liableText = offence.liable === 'candidate_pair'
      ? { id: ' (yang dipidana adalah pasangan calon yang melibatkan)', en: ' (criminal liability falls on the candidate pair who involved them)' }
      : offence.liable === 'campaign_organiser'
        ? { id: ' (yang dipidana adalah pelaksana/tim kampanye yang melibatkan; perbuatan ASN sendiri ditangani sebagai pelanggaran netralitas)', en: " (criminal liability falls on the campaign organiser/team who involved them; the ASN's own conduct is a neutrality breach)" }
        : { id: '', en: '' };
    line(
      offence.applies
        ? `Unsur waktu ${articles} terpenuhi: diteruskan ke Sentra Gakkumdu untuk dikaji${liableText.id}.`
        : `${articles} tidak dapat diterapkan: ${missing.id}.`,
      offence.applies
        ? `The date elements of ${articles} are met: refer to Sentra Gakkumdu for review${liableText.en}.`
        : `${articles} cannot apply: ${missing.en}.`,
      [...offence.prohibits.map((candidate) => candidate.source), offence.penalisedBy.source],
      [...offence.prohibits, offence.penalisedBy].some(isUnconfirmedArticle),
    );
  }
  // Pasal 71(1)/188 names "pejabat ASN": an ASN holding a position, which the engine does not know
  if (result.offences.some((o) => o.linkId === 'pilkada_decisions' && o.applies) && (input.actorType === 'PNS' || input.actorType === 'PPPK')) {
    line(
      'Pasal 71(1) dan 188 UU 10/2016 mengenai pejabat ASN: periksa apakah terlapor memegang jabatan (mis. camat, kepala dinas, lurah); ASN tanpa jabatan tidak memenuhi unsur subjek pasal ini.',
      'UU 10/2016 Pasal 71(1) and 188 concern ASN officials (pejabat ASN): check whether the reported person holds a position (e.g. camat, head of an agency, lurah); an ASN without one does not meet the subject element.',
      ['UU 10/2016 Pasal 71(1), 188; domain.md §3.3 [S16, S18, S75]'],
    );
  }
  if (result.offences.length === 0 && input.actorType !== 'NON_ASN') {
    line(
      `Tidak ada pasal pidana ${election.regime === 'pemilu' ? 'UU 7/2017' : 'UU 10/2016'} yang mengancam perbuatan ini bagi pelaku ini; pelanggaran ditangani sebagai pelanggaran peraturan perundang-undangan lainnya.`,
      `No ${election.regime === 'pemilu' ? 'UU 7/2017' : 'UU 10/2016'} criminal article covers this act by this actor; it is handled as a breach of other laws.`,
      [election.regime === 'pemilu' ? 'UU 7/2017 Pasal 455(1) huruf c; domain.md §3.2 note [S13, S74]' : 'UU 10/2016; domain.md §3.3 note [S16, S75]'],
    );
  }

  // Authority
  if (result.asnAuthority) {
    const onDate = day(result.asnAuthority.onDate);
    line(
      `Kasus jalur ASN pada ${onDate.id} diteruskan kepada ${result.asnAuthority.name.id}.`,
      `On ${onDate.en}, ASN-track cases go to ${result.asnAuthority.name.en}.`,
      [result.asnAuthority.source],
      result.asnAuthority.unconfirmed,
    );
  } else if (result.routes.some((route) => route === 'asn_ethics' || route === 'asn_discipline')) {
    line(
      `Tidak ada lembaga penerima kasus ASN yang dikonfigurasi untuk tanggal tersebut.`,
      `No body receiving ASN cases is configured for that date.`,
      [NO_AUTHORITY],
    );
  }

  // Deadlines
  const report = result.reportDeadline;
  const basis = report.basis === 'working' ? { id: 'hari kerja', en: 'working days' } : { id: 'hari kalender', en: 'calendar days' };
  const known = day(report.from);
  const reported = input.reportDate ? day(input.reportDate) : null;
  line(
    `Batas waktu laporan: ${report.days} ${basis.id} sejak diketahui pada ${known.id}, yaitu sampai ${localTimeInWords(report.dueAt, 'id')}.` +
      (result.timely === null || !reported ? '' : result.timely ? ` Laporan tanggal ${reported.id} tepat waktu.` : ` Laporan tanggal ${reported.id} melewati batas waktu.`),
    `Report deadline: ${report.days} ${basis.en} from the day it became known (${known.en}), i.e. until ${localTimeInWords(report.dueAt, 'en')}.` +
      (result.timely === null || !reported ? '' : result.timely ? ` The report of ${reported.en} is timely.` : ` The report of ${reported.en} is late.`),
    [report.source],
    report.unconfirmed,
  );
  for (const deadline of result.deadlines) {
    if (!deadline.calendarCovered) {
      line(
        `Data hari libur tidak tersedia untuk periode ${period(deadline.from, deadline.dueDate).id}; penghitungan hari kerja hanya mengecualikan akhir pekan.`,
        `No holiday data for ${period(deadline.from, deadline.dueDate).en}; the working-day count only skips weekends.`,
        [deadline.source, NO_HOLIDAY_DATA],
      );
      break;
    }
  }
  return lines;
}
