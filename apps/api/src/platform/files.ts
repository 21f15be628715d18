import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { invalid } from './errors.ts';

/** Reads text fields, then the single file part of a multipart request. */
export async function fileWithFields(req: FastifyRequest): Promise<{ fields: Record<string, string>; file: MultipartFile }> {
  if (!req.isMultipart()) throw invalid('MULTIPART_REQUIRED', { id: 'Kirim sebagai multipart/form-data.', en: 'Send as multipart/form-data.' });
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') return { fields, file: part };
    const value = String(part.value);
    // the JSON check for NUL characters never sees multipart fields: refuse one here, by name
    if (value.includes('\u0000')) throw invalid('VALIDATION_FAILED', { id: `Kolom ${part.fieldname} berisi karakter NUL.`, en: `Field ${part.fieldname} contains a NUL character.` });
    fields[part.fieldname] = value.slice(0, 200);
  }
  throw invalid('FILE_MISSING', { id: 'Tidak ada berkas yang diunggah.', en: 'No file was uploaded.' });
}

/**
 * An uploaded file's name as it may be stored and shown: no control characters (NUL included), no
 * path, at most 255 characters without cutting a character in two; a fallback when nothing is left.
 */
export function uploadName(raw: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = (raw ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').split(/[\\/]/).pop()!.trim();
  return Array.from(clean).slice(0, 255).join('') || fallback;
}

/** Sends a stored file: always an attachment, with the browser told not to guess the type or run it. */
export function sendFile(reply: FastifyReply, f: { stream: NodeJS.ReadableStream; fileName: string; mime: string }) {
  const safeName = f.fileName.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'berkas';
  return reply
    .header('content-type', f.mime.startsWith('image/') || f.mime === 'application/pdf' ? f.mime : 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(f.stream);
}
