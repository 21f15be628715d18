/**
 * Socialization rules (pure): when a QR check-in token is accepted, when an event, an attendance list,
 * a briefing or a reminder activity may be recorded or corrected, who may brief whom and when (the
 * cascade), how NIP lists are normalised, and the "briefed" coverage figures.
 */
import { shiftDate } from '@netra/rules';
import { normalizeEmployeeId } from '../../registry/domain/identifiers.ts';

export type Refusal = { code: string; message: { id: string; en: string } };

/**
 * The check-in token is accepted only on the event date (the agency's local date): a photo of the
 * QR code passed around a WhatsApp group after the event records nobody. Late or paper attendance
 * goes through the list import by an admin, which is audited under their name.
 */
export function checkCheckinWindow(input: { today: string; heldOn: string }): Refusal | null {
  if (input.today !== input.heldOn)
    return {
      code: 'CHECKIN_CLOSED',
      message: {
        id: `Presensi QR hanya dibuka pada tanggal acara (${input.heldOn}); minta panitia mencatat kehadiran Anda.`,
        en: `QR check-in is open only on the event date (${input.heldOn}); ask the organisers to record your attendance.`,
      },
    };
  return null;
}

/**
 * An attendance list (the paper list typed in, or a manual entry) is recorded only once the event
 * has taken place: on its date or later (the agency's local date). Attendance counts as "briefed"
 * coverage at once, so a list for an event still to come would report staff as briefed who were not.
 */
export function checkAttendanceImport(input: { today: string; heldOn: string }): Refusal | null {
  if (input.heldOn > input.today)
    return {
      code: 'ATTENDANCE_BEFORE_EVENT',
      message: {
        id: `Acara belum berlangsung (tanggal acara ${input.heldOn}); daftar hadir dapat dicatat mulai tanggal acara.`,
        en: `The event has not taken place yet (event date ${input.heldOn}); attendance can be recorded from the event date on.`,
      },
    };
  return null;
}

/**
 * The earliest date any socialization record may carry: the neutrality rules it socializes (UU 5/2014,
 * PP 94/2021, the SKB of 2022) and this register are of this century; an earlier date is a typing error.
 */
export const EARLIEST_RECORD_DATE = '2000-01-01';

/**
 * Socialization for an election starts before its first stage (tahapan): agencies brief their staff
 * ahead of the registration of candidates. This many days before the first stage in the region an
 * event may already be held for the election; after its last stage, not at all.
 */
export const EARLY_SOCIALIZATION_DAYS = 183;

/**
 * An event's date: not before 2000, and an event for an election within the election's plausible
 * window in the agency's region (from EARLY_SOCIALIZATION_DAYS before its first stage to its last
 * stage's end; `span` as electionSpan gives it).
 */
export function checkEventDate(input: { heldOn: string; election?: { name: { id: string; en: string }; span: { start: string; end: string } } | null }): Refusal | null {
  if (input.heldOn < EARLIEST_RECORD_DATE)
    return {
      code: 'EVENT_DATE_IMPLAUSIBLE',
      message: { id: `Tanggal acara (${input.heldOn}) tidak mungkin; periksa tahunnya.`, en: `The event date (${input.heldOn}) is not plausible; check the year.` },
    };
  const e = input.election;
  if (!e) return null;
  const from = shiftDate(e.span.start, -EARLY_SOCIALIZATION_DAYS);
  if (input.heldOn < from || input.heldOn > e.span.end)
    return {
      code: 'EVENT_OUTSIDE_ELECTION',
      message: {
        id: `Tanggal acara (${input.heldOn}) di luar masa ${e.name.id}: sosialisasinya dapat diadakan dari ${from} (sekitar enam bulan sebelum tahapan pertama, ${e.span.start}) sampai akhir tahapan (${e.span.end}).`,
        en: `The event date (${input.heldOn}) is outside the period of ${e.name.en}: its socialization can be held from ${from} (about six months before the first stage, ${e.span.start}) until the end of its stages (${e.span.end}).`,
      },
    };
  return null;
}

/**
 * A corrected event date may not come after what was already recorded for it: attendance recorded
 * (the local date of the earliest entry not withdrawn) or a briefing held before the new date would
 * be left before the event.
 */
export function checkEventDateChange(input: { heldOn: string; firstAttendanceOn: string | null; firstBriefingOn: string | null }): Refusal | null {
  const first = [input.firstAttendanceOn, input.firstBriefingOn].filter((d): d is string => !!d).sort()[0];
  if (first && input.heldOn > first)
    return {
      code: 'EVENT_DATE_ORPHANS_RECORDS',
      message: {
        id: `Kehadiran atau arahan sudah tercatat pada ${first}, sebelum tanggal baru (${input.heldOn}); tarik catatan tersebut lebih dahulu atau pilih tanggal paling lambat ${first}.`,
        en: `Attendance or briefings were already recorded on ${first}, before the new date (${input.heldOn}); withdraw them first or choose a date no later than ${first}.`,
      },
    };
  return null;
}

/** A reminder activity is logged once it was done: its date may not be after today (the unit's local date), nor before 2000. */
export function checkReminderDate(input: { today: string; doneOn: string }): Refusal | null {
  if (input.doneOn < EARLIEST_RECORD_DATE)
    return {
      code: 'REMINDER_DATE_IMPLAUSIBLE',
      message: { id: `Tanggal pelaksanaan (${input.doneOn}) tidak mungkin; periksa tahunnya.`, en: `The activity date (${input.doneOn}) is not plausible; check the year.` },
    };
  if (input.doneOn > input.today)
    return {
      code: 'REMINDER_IN_FUTURE',
      message: {
        id: `Tanggal pelaksanaan (${input.doneOn}) belum terjadi; catat kegiatan setelah dilaksanakan.`,
        en: `The activity date (${input.doneOn}) is in the future; log the activity once it has been done.`,
      },
    };
  return null;
}

/**
 * The cascade runs down the unit tree: the briefer belongs to the unit briefed or to a unit above it
 * (a camat briefs the kecamatan and its kelurahan; an OPD head their bidang). Staff without a unit sit
 * at the agency root, above every unit. Paths are materialised id paths ("/a/b/").
 */
export const brieferReachesUnit = (input: { brieferUnitIdPath: string | null; unitIdPath: string }) =>
  input.brieferUnitIdPath === null || input.unitIdPath.startsWith(input.brieferUnitIdPath);

/** The headcount on the minutes covers at least the staff named as briefed. */
export function checkBriefingHeadcount(input: { named: number; attendanceCount: number }): Refusal | null {
  if (input.attendanceCount < input.named)
    return {
      code: 'BRIEFING_HEADCOUNT_TOO_LOW',
      message: {
        id: `Jumlah hadir (${input.attendanceCount}) lebih kecil dari jumlah staf yang tercatat menerima arahan (${input.named}).`,
        en: `The headcount (${input.attendanceCount}) is lower than the number of staff recorded as briefed (${input.named}).`,
      },
    };
  return null;
}

/** A briefing as the cascade sees it: who briefed, when, and whom it named. */
export type CascadeBriefing = { id: string; brieferId: string; briefedOn: string; named: readonly string[] };

/**
 * Briefings the cascade does not reach: their briefer neither attended the event nor was named in a
 * reached briefing dated on or before theirs (someone briefs others only after being briefed). Computed
 * to a fixed point, so a ring of people "briefing" each other without an attendee is not reached.
 */
export function unreachedBriefings(input: { attendees: ReadonlySet<string>; briefings: readonly CascadeBriefing[] }): Set<string> {
  const since = new Map<string, string>([...input.attendees].map((id) => [id, '']));
  const open = new Map(input.briefings.map((b) => [b.id, b]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of open.values()) {
      const from = since.get(b.brieferId);
      if (from === undefined || from > b.briefedOn) continue;
      open.delete(b.id);
      changed = true;
      for (const n of b.named) if ((since.get(n) ?? '\uffff') > b.briefedOn) since.set(n, b.briefedOn);
    }
  }
  return new Set(open.keys());
}

/** Briefings that withdrawing an entry would leave unreached (those already unreached do not count). */
export function orphanedBy(input: { attendees: ReadonlySet<string>; briefings: readonly CascadeBriefing[] }, without: { attendee?: string; briefing?: string }): string[] {
  const before = unreachedBriefings(input);
  const attendees = new Set([...input.attendees].filter((a) => a !== without.attendee));
  const after = unreachedBriefings({ attendees, briefings: input.briefings.filter((b) => b.id !== without.briefing) });
  return [...after].filter((id) => !before.has(id));
}

/** "1986 0926 2015.05 1 001" -> "198609262015051001"; other ids (non-ASN) stay as typed, trimmed. */
export const normaliseNip = normalizeEmployeeId;

/** Distinct normalised NIPs, in first-seen order. */
export const distinctNips = (nips: readonly string[]) => [...new Set(nips.map(normaliseNip).filter(Boolean))];

/** Briefed coverage figures; percent has one decimal. */
export const briefedCounts = (c: { staff: number; attended: number; briefed: number }) => ({
  staff: c.staff,
  attended: c.attended,
  briefed: c.briefed,
  missing: c.staff - c.briefed,
  percent: c.staff ? Math.round((c.briefed / c.staff) * 1000) / 10 : 0,
});

/** A bilingual 400 listing the NIPs that could not be used (the first 20 in the message, all in `errors`). */
export function unknownNipsMessage(nips: readonly string[], what: { id: string; en: string }) {
  const shown = nips.slice(0, 20).join(', ') + (nips.length > 20 ? ` (+${nips.length - 20})` : '');
  return {
    id: `${nips.length} NIP tidak dikenal atau di luar ${what.id}: ${shown}. Tidak ada yang dicatat.`,
    en: `${nips.length} NIP(s) unknown or outside ${what.en}: ${shown}. Nothing was recorded.`,
  };
}
