/**
 * Socialization rules (pure): when a QR check-in token is accepted, when an attendance list or a
 * reminder activity may be recorded, how NIP lists are normalised, and the "briefed" coverage figures.
 */
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

/** A reminder activity is logged once it was done: its date may not be after today (the unit's local date). */
export function checkReminderDate(input: { today: string; doneOn: string }): Refusal | null {
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
