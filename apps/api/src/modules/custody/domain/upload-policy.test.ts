import { describe, expect, it } from 'vitest';
import { checkUpload } from './upload-policy.ts';

const base = { fileName: 'foto.jpg', sniffedMime: 'image/jpeg', sniffedLabel: 'JPEG', size: 1000, looksLikeMarkup: false };
describe('checkUpload', () => {
  it('accepts a photo by its content', () => expect(checkUpload(base)).toEqual({ ok: true, mime: 'image/jpeg' }));
  it.each([
    [{ size: 0 }, 'EVIDENCE_EMPTY'],
    [{ fileName: 'bukti.pdf', sniffedMime: 'image/png', sniffedLabel: 'PNG' }, 'EVIDENCE_DISGUISED'],
    [{ fileName: 'gambar.svg', sniffedMime: null, sniffedLabel: null, looksLikeMarkup: true }, 'EVIDENCE_TYPE_NOT_ALLOWED'],
    [{ fileName: 'foto.jpg', sniffedMime: 'application/zip', sniffedLabel: 'ZIP' }, 'EVIDENCE_TYPE_NOT_ALLOWED'],
    [{ size: 26 * 2 ** 20 }, 'EVIDENCE_TOO_LARGE'],
  ])('refuses %o', (over, code) => {
    const r = checkUpload({ ...base, ...over });
    expect(r.ok ? 'ok' : r.code).toBe(code);
    if (!r.ok) expect(r.message.en).toContain((over as { fileName?: string }).fileName ?? 'foto.jpg');
  });
  it('names what the file really is', () => {
    const r = checkUpload({ ...base, fileName: 'bukti.pdf', sniffedMime: 'image/png', sniffedLabel: 'PNG' });
    expect(!r.ok && r.message.en).toBe('bukti.pdf is really a PNG file, not .pdf.');
  });
});
