import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IsoDate, ReminderActivityInput } from '@netra/contracts';
import { CUSTOM_ID, findNul, issueMessageId } from './input-checks.ts';

describe('findNul', () => {
  it('names the first field holding U+0000, in nested objects, arrays and keys', () => {
    expect(findNul({ a: 'ok', b: [{ c: 'x\u0000' }] }, 'body')).toBe('body.b.0.c');
    expect(findNul({ ['k\u0000']: 1 }, 'body')).toBe('body.k\\0');
    expect(findNul({ a: 'ok', n: 3, z: null }, 'body')).toBeNull();
    expect(findNul(undefined, 'body')).toBeNull();
  });
});

describe('issueMessageId', () => {
  const first = (r: { success: boolean; error?: { issues: object[] } }) => r.error!.issues[0] as Parameters<typeof issueMessageId>[0] & { message: string };
  it("uses zod's Indonesian message for a standard issue", () => {
    const i = first(IsoDate.safeParse('2026-02-30'));
    expect(issueMessageId(i, i.message)).toBe('tanggal format ISO tidak valid');
  });
  it("translates the contracts' own messages and keeps an unknown custom message as written", () => {
    const i = first(IsoDate.safeParse('0000-01-01'));
    expect(issueMessageId(i, i.message)).toBe('tanggal antara 1900 dan 2199');
    const link = first(ReminderActivityInput.shape.link.safeParse('javascript:alert(1)'));
    expect(issueMessageId(link, link.message)).toBe('alamat http(s)');
    expect(issueMessageId({ code: 'custom', message: 'something else' } as Parameters<typeof issueMessageId>[0], 'something else')).toBe('something else');
  });
});

describe('messages the contracts write themselves', () => {
  it('each has its Indonesian version (an official never reads an English-only hint in Bahasa mode)', () => {
    const dir = path.resolve(import.meta.dirname, '../../../../packages/contracts/src');
    const written = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/\.(?:regex\(\/(?:[^/\\]|\\.)+\/[a-z]*|refine\((?:[^()]|\([^()]*\))*?), '([^']+)'\)/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((m) => !CUSTOM_ID[m])).toEqual([]);
  });
});
