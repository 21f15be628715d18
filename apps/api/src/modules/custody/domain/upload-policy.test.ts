import { describe, expect, it } from 'vitest';
import { checkUpload, copyKindOf, storedFileName } from './upload-policy.ts';

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

describe('storedFileName', () => {
  it.each([
    ['photo.exe', 'image/jpeg', 'photo.jpg'],
    ['foto.svg', 'image/jpeg', 'foto.jpg'],
    ['catatan.html', 'text/plain', 'catatan.txt'],
    ['IMG_0001.JPEG', 'image/jpeg', 'IMG_0001.JPEG'],
    ['bukti', 'application/pdf', 'bukti.pdf'],
    ['Laporan R.T. 05', 'text/plain', 'Laporan R.T. 05.txt'],
    ['C:\\Users\\pelapor\\rekaman.mp4', 'video/mp4', 'rekaman.mp4'],
    ['../../etc/passwd', 'text/plain', 'passwd.txt'],
    ['.htaccess', 'text/plain', 'htaccess.txt'],
    ['a<b>"c".html', 'text/plain', 'a_b__c_.txt'],
    ['', 'image/png', 'bukti.png'],
  ])('%s as %s is kept as %s', (name, mime, expected) => expect(storedFileName(name, mime)).toBe(expected));
  it('keeps long names within 200 characters and the right extension', () => {
    const n = storedFileName(`${'x'.repeat(300)}.exe`, 'image/png');
    expect(n.length).toBeLessThanOrEqual(200);
    expect(n.endsWith('.png')).toBe(true);
  });
});

describe('copyKindOf', () => {
  it('offers a copy only when it is stripped or the format carries no metadata', () => {
    expect(copyKindOf('image/jpeg', true)).toBe('stripped');
    expect(copyKindOf('text/plain', false)).toBe('original');
    expect(copyKindOf('video/mp4', false)).toBe('none');
    expect(copyKindOf('application/pdf', false)).toBe('none');
  });
});
