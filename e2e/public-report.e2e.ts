/**
 * The anonymous reporter's pages and what a handler sees of their tip, in Debian's Chromium: the tip
 * form counts like the server, the follow page promises only the protection that exists and takes
 * the secret in any case, a tip turned into a case links to it and still takes questions, and the
 * custody log of its photo reads in words (dates, actions, actors, the UI language's half of a reason).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';
import { signedInContext } from './session.ts';

let server: Running;
let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-e2e-public-'));
let receipt: { code: string; secret: string };
let tipId: string;
let caseId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const photo = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#15803d' } }).jpeg().toBuffer();
  fs.writeFileSync(path.join(tmp, 'spanduk.jpg'), photo);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const signedIn = (username: string) => signedInContext(browser, server.url, username);

describe('the anonymous reporter and the handler', () => {
  it('counts the description like the server: "Uji tautan" has 9 visible characters and is marked on its field', async () => {
    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/lapor`);
    await page.getByTestId('tip-what').fill('Uji tautan');
    await page.getByTestId('tip-province').selectOption('32');
    await page.getByTestId('tip-regency').selectOption('32.75');
    await page.getByTestId('tip-district').selectOption('32.75.01');
    const sent: string[] = [];
    page.on('request', (r) => (r.url().endsWith('/api/v1/public/tips') ? sent.push(r.url()) : undefined));
    await page.getByTestId('tip-submit').click();
    await expect.poll(() => page.getByTestId('tip-what').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('tip-error').textContent()).not.toMatch(/body\.|what/);
    expect(sent).toEqual([]);

    await page.getByTestId('tip-what').fill('Camat memasang spanduk calon bupati di pagar kantor kecamatan.');
    await page.getByTestId('tip-file').setInputFiles(path.join(tmp, 'spanduk.jpg'));
    await page.getByTestId('tip-submit').click();
    await page.getByTestId('tip-receipt-code').waitFor();
    receipt = { code: (await page.getByTestId('tip-receipt-code').textContent())!, secret: (await page.getByTestId('tip-secret').textContent())! };
    await page.getByTestId('tip-file-result').waitFor();
    await ctx.close();
  });

  it('the follow page promises no lockout and takes the secret typed in lower case', async () => {
    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/lapor/pantau`);
    await page.getByTestId('follow-attempts').waitFor();
    const text = (await page.getByTestId('follow-attempts').textContent()) ?? '';
    expect(text).not.toMatch(/mengunci kode ini|15 sampai 30 menit/);
    expect(text).toContain('30 kali per menit');
    await page.getByTestId('follow-code').fill(receipt.code.toLowerCase());
    await page.getByTestId('follow-secret').fill(receipt.secret.toLowerCase());
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-status').waitFor();
    expect(await page.getByTestId('follow-status').getAttribute('data-status')).toBe('received');
    await ctx.close();
  });

  it('a tip turned into a case links to it and still takes questions for the reporter', async () => {
    const { ctx, page } = await signedIn('bawaslu.kota');
    const tips = (await (await page.request.get(`${server.url}/api/v1/tips`)).json()).items as { id: string; receiptCode: string }[];
    tipId = tips.find((t) => t.receiptCode === receipt.code)!.id;
    await page.goto(`${server.url}/tips/${tipId}`);
    await page.getByTestId('tip-to-finding').click();
    await page.getByTestId('intake-from-tip').waitFor();
    await page.getByTestId('intake-election').selectOption('pemilu-2024');
    await page.getByTestId('intake-title').fill('Spanduk calon di kantor kecamatan');
    await page.getByTestId('intake-summary').fill('Camat memasang spanduk calon bupati di pagar kantor kecamatan.');
    await page.getByTestId('intake-act').selectOption('KE-5');
    await page.getByTestId('intake-actor').selectOption('PNS');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;

    await page.goto(`${server.url}/tips/${tipId}`);
    await page.getByTestId('tip-case-link').waitFor();
    expect(await page.getByTestId('tip-case-link').getAttribute('href')).toBe(`/cases/${caseId}`);
    await page.getByTestId('tip-question').fill('Apakah spanduknya masih terpasang?');
    await page.getByTestId('tip-question-submit').click();
    await expect.poll(async () => (await page.getByTestId('tip-message').allTextContents()).join(' ')).toContain('Apakah spanduknya masih terpasang?');
    expect(await page.getByTestId('tip-detail-status').textContent()).toBe('Menjadi temuan');
    await ctx.close();
  });

  it('the custody log and the file kind read in words in the UI language', async () => {
    const { ctx, page } = await signedIn('bawaslu.kota');
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('case-evidence-item').waitFor();
    expect(await page.getByTestId('case-evidence-kind').textContent()).toBe('Foto JPEG');
    await page.getByTestId('case-evidence-custody').click();
    const log = page.getByTestId('case-evidence-custody-log');
    await log.waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toMatch(/received|sealed|handed_over|public|system|tip turned into/);
    for (const words of ['Diterima', 'Disegel', 'Diserahkan', 'Pelapor anonim', 'Sistem', 'Informasi awal dijadikan kasus']) expect(text).toContain(words);
    await ctx.close();
  });
  it('the reporter, asked for evidence, sends another photo from the follow page and it reaches the case', async () => {
    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/lapor/pantau`);
    await page.getByTestId('follow-code').fill(receipt.code);
    await page.getByTestId('follow-secret').fill(receipt.secret);
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-file').setInputFiles(path.join(tmp, 'spanduk.jpg'));
    await page.getByTestId('follow-file-submit').click();
    await page.getByTestId('follow-file-sent').waitFor();
    // ready for another file: the picker is cleared
    expect(await page.getByTestId('follow-file-submit').isDisabled()).toBe(true);
    await ctx.close();
    const officer = await signedIn('bawaslu.kota');
    await officer.page.goto(`${server.url}/cases/${caseId}`);
    await expect.poll(async () => officer.page.getByTestId('case-evidence-item').count()).toBe(2);
    await officer.ctx.close();
  });
});
