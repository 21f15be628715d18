/**
 * Dates as people read them in pledge and case texts, messages and documents: "10 Desember 2026" in
 * Indonesian, "10 December 2026" in English, never the ISO form the data keeps (pure).
 */
export type Language = 'id' | 'en';

const MONTHS: Record<Language, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2026-12-02" (or the date part of an ISO timestamp) -> "2 Desember 2026" / "2 December 2026"; anything else as it is. */
export function dateInWords(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[language][Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * An instant as the local time of a zone, in Indonesian: "2 Desember 2026 pukul 22.48 WIB" (the
 * hour and minute separated by a dot, as Indonesian official documents write them).
 */
export function timeInWords(at: Date, zone: { offsetHours: number; name: string }): string {
  const local = new Date(at.getTime() + zone.offsetHours * 3_600_000).toISOString();
  return `${dateInWords(local, 'id')} pukul ${local.slice(11, 13)}.${local.slice(14, 16)} ${zone.name}`;
}
