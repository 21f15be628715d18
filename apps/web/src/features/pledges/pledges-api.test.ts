import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { attendanceEntries, downloadSigned } from './pledges-api.ts';

describe('attendanceEntries', () => {
  it('keeps a NIP written with spaces as one entry', () => {
    expect(attendanceEntries('19780314 200302 1 510')).toEqual(['19780314 200302 1 510']);
  });

  it('splits on newlines, commas and semicolons, trims, drops empty entries and keeps each entry once', () => {
    const pasted = '19780314 200302 1 510\r\n 198609262015051001 ,THL-000758;\n\n198609262015051001;;  \n19780314 200302 1 510';
    expect(attendanceEntries(pasted)).toEqual(['19780314 200302 1 510', '198609262015051001', 'THL-000758']);
  });

  it('is empty for blank input', () => expect(attendanceEntries(' \n , ; ')).toEqual([]));
});

describe('downloadSigned', () => {
  it("gives the server's own message when the one-time download is refused (used or expired), not a generic error", async () => {
    const problem = {
      type: 'https://netra.example/problems/pledge-download-token-invalid', title: 'PLEDGE_DOWNLOAD_TOKEN_INVALID', status: 400, code: 'PLEDGE_DOWNLOAD_TOKEN_INVALID',
      detail: 'The download token is not valid (already used or expired).', message: { id: 'Tautan unduhan tidak berlaku (sudah dipakai atau kedaluwarsa).', en: 'The download token is not valid (already used or expired).' },
    };
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = async () => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } });
    try {
      const err = await downloadSigned('x'.repeat(43)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('PLEDGE_DOWNLOAD_TOKEN_INVALID');
      expect((err as ApiError).problem?.message.id).toContain('sudah dipakai');
      // a body that is no problem (a proxy's HTML page): no message to show, the status stays
      globalThis.fetch = async () => new Response('<html>Bad gateway</html>', { status: 502 });
      const other = await downloadSigned('x'.repeat(43)).catch((e: unknown) => e);
      expect([(other as ApiError).status, (other as ApiError).problem]).toEqual([502, null]);
    } finally {
      globalThis.fetch = fetchBefore;
    }
  });
});
