import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { invalid } from './errors.ts';

/** Reads text fields, then the single file part of a multipart request. */
export async function fileWithFields(req: FastifyRequest): Promise<{ fields: Record<string, string>; file: MultipartFile }> {
  if (!req.isMultipart()) throw invalid('MULTIPART_REQUIRED', { id: 'Kirim sebagai multipart/form-data.', en: 'Send as multipart/form-data.' });
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') return { fields, file: part };
    fields[part.fieldname] = String(part.value).slice(0, 200);
  }
  throw invalid('FILE_MISSING', { id: 'Tidak ada berkas yang diunggah.', en: 'No file was uploaded.' });
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
