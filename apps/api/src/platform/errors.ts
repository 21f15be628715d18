/**
 * Neutral application errors, mapped to HTTP once (app.ts) as application/problem+json.
 * Every error carries a stable SCREAMING_SNAKE code and a bilingual message.
 */
export type Msg = { id: string; en: string };
/** One field at fault, by its request path: the English text, and the Indonesian where it is worded. */
export type FieldError = { path: string; message: string; messageId?: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly msg: Msg,
    readonly fieldErrors?: FieldError[],
  ) {
    super(msg.en);
  }
}

export const invalid = (code: string, msg: Msg, fieldErrors?: FieldError[]) =>
  new AppError(400, code, msg, fieldErrors);
export const unauthorized = (code = 'UNAUTHENTICATED', msg: Msg = { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' }) =>
  new AppError(401, code, msg);
export const forbidden = (code = 'FORBIDDEN', msg: Msg = { id: 'Anda tidak berwenang untuk tindakan ini.', en: 'You are not allowed to do this.' }) =>
  new AppError(403, code, msg);
/** Out-of-scope records answer 404, so their existence is not revealed. */
/** `what` is "Indonesian / English" (e.g. "Kampanye / Campaign"), or one word both languages share ("Unit"). */
export const notFound = (what: string, id?: string) => {
  const [whatId, whatEn = whatId] = what.split(' / ');
  return new AppError(404, 'NOT_FOUND', {
    id: `${whatId} tidak ditemukan${id ? `: ${id}` : ''}.`,
    en: `${whatEn} not found${id ? `: ${id}` : ''}.`,
  });
};
export const conflict = (code: string, msg: Msg) => new AppError(409, code, msg);
export const tooMany = (code: string, msg: Msg) => new AppError(429, code, msg);
