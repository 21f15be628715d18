/**
 * Issue 5 (conflicts of interest) in Debian's Chromium: Bawaslu imports a DCT list; the Kesbangpol
 * admin records an employee's spouse on the employee page, runs the matcher from the register,
 * sees the spouse suggested (and not the near-miss candidate), confirms it, and the register counts
 * one candidate related to ASN.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';
import { signInAs } from './session.ts';

let server: Running;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('conflict-of-interest register', () => {
  it('a declared spouse on the DCT list is suggested, confirmed and counted', async () => {
    // Bawaslu imports the DPRD Kota Bekasi list (the KPU DCT), with a near-miss name next to the real one
    const bawaslu = await browser.newContext();
    const bp = await bawaslu.newPage();
    await signInAs(bp, server.url, 'bawaslu.kota');
    const me = await (await bp.request.get(`${server.url}/api/v1/auth/me`)).json();
    const dct = 'Nama Calon;Nomor Urut Partai;Dapil;Kode Wilayah;Nomor Urut;Lembaga\nNur Aini;1;Kota Bekasi 1;32.75;1;DPRD Kota\nNur Aini Lubis;2;Kota Bekasi 1;32.75;1;DPRD Kota\n';
    const imported = await bp.request.post(`${server.url}/api/v1/elections/pemilu-2024/candidate-imports?kind=legislative`, {
      headers: { 'x-csrf-token': me.csrfToken }, multipart: { file: { name: 'dct.csv', mimeType: 'text/csv', buffer: Buffer.from(dct) } },
    });
    expect(imported.status(), await imported.text()).toBe(200);
    await bawaslu.close();

    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await signInAs(page, server.url, 'kesbangpol');
    await page.getByTestId('registry-row').first().click();
    // a mistyped declaration is withdrawn, then the right one is made
    await page.getByTestId('relative-name').fill('Hj. Nur Ani');
    await page.getByTestId('relative-add').click();
    await expect.poll(async () => page.getByTestId('relative-row').allTextContents()).toEqual(['Suami/istri: Hj. Nur Ani']);
    await page.getByTestId('relative-withdraw').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tarik' }).click();
    await expect.poll(async () => page.getByTestId('relative-row').count()).toBe(0);
    await page.getByTestId('relative-name').fill('Hj. Nur Aini, S.Pd.');
    await page.getByTestId('relative-add').click();
    await expect.poll(async () => page.getByTestId('relative-row').allTextContents()).toEqual(['Suami/istri: Hj. Nur Aini, S.Pd.']);
    const employee = (await page.locator('h1').first().textContent())!.trim();

    await page.getByTestId('nav-conflicts').click();
    await page.getByTestId('conflicts-election').selectOption('pemilu-2024');
    await page.getByTestId('conflicts-match').click();
    await page.getByTestId('conflicts-match-result').waitFor();
    await expect.poll(async () => page.getByTestId('conflict-row').count()).toBe(1);
    const row = page.getByTestId('conflict-row').first();
    expect(await row.textContent()).toContain('Nur Aini');
    expect(await row.textContent()).not.toContain('Lubis');
    expect(await row.textContent()).toContain(employee.slice(0, 10));
    await row.getByTestId('conflict-confirm').click();
    await expect.poll(async () => row.getByTestId('conflict-status').textContent()).toBe('Terkonfirmasi');
    expect(await page.getByTestId('conflicts-candidates').textContent()).toBe('1');
    await ctx.close();
  });
});
