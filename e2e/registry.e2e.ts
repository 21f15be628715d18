/**
 * Golden path in Debian's Chromium against the real product on a fresh embedded database with
 * the demo Pemda: sign in with 2FA, find an employee, import a file and watch the progress bar
 * finish, then find an imported employee; a broken file shows its error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInAs } from './session.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';

let server: Running;
let browser: Browser;
let page: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-e2e-files-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function signInWithTotp(username: string) {
  const r = await signInAs(page, server.url, username);
  expect(r.totp).toBe(true);
}

describe('registry in the browser', () => {
  it('serves the UI from npm start with the demo data', async () => {
    expect(server.output()).toContain('kesbangpol');
    const res = await fetch(`${server.url}/registry`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('signs in with 2FA and finds an employee by name and by NIP', async () => {
    await signInWithTotp('kesbangpol');
    await expect.poll(async () => Number((await page.getByTestId('registry-total').textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThan(1000);
    const withNip = page.getByTestId('registry-row').filter({ hasText: /\d{18}/ }).first();
    await withNip.waitFor();
    const text = (await withNip.textContent()) ?? '';
    const nip = text.match(/\d{18}/)![0];
    const name = (await withNip.locator('td').nth(1).textContent())!.trim();
    await page.getByTestId('registry-search').fill(name);
    await expect.poll(async () => (await page.getByTestId('registry-row').filter({ hasText: nip }).count())).toBe(1);
    await page.getByTestId('registry-search').fill(nip);
    await expect.poll(async () => page.getByTestId('registry-row').count()).toBe(1);
    await page.getByTestId('registry-row').first().click();
    await page.getByTestId('employee-name').waitFor();
    expect(page.url()).toMatch(/\/registry\/[0-9a-f-]{36}$/);
  });

  it('imports a CSV with a progress bar that finishes, then finds an imported employee', async () => {
    const rows = ['nip,nama,jenis,jabatan,unit'];
    for (let i = 0; i < 3000; i++) {
      const seq = String((i % 999) + 1).padStart(3, '0');
      const day = String(1 + Math.floor(i / 999)).padStart(2, '0');
      rows.push(`196${(i % 9) + 1}01${day}19900${(i % 9) + 1}1${seq},Peserta Impor ${i},PNS,Staf,Dinas Uji Coba / Bidang ${i % 5}`);
    }
    rows.push('THL-E2E-1,Zulkifli Honorer,NON_ASN,Pengemudi,Dinas Uji Coba');
    const file = path.join(tmp, 'pegawai.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await expect.poll(async () => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(async () => page.getByTestId('import-inserted').textContent()).toBe('3.001'); // Indonesian grouping
    expect(await page.getByTestId('import-rejected').textContent()).toBe('0');
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-search').fill('Zulkifli Honorer');
    await expect.poll(async () => page.getByTestId('registry-row').count()).toBe(1);
  });

  it('shows the error report for a partly invalid file and writes nothing', async () => {
    const file = path.join(tmp, 'salah.csv');
    fs.writeFileSync(file, 'nip,nama,jenis\n198609262031131001,Salah Tmt,PNS\n197001011995032002,Benar,PNS\n');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-errors').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-errors').textContent()).toContain('NIP_TMT');
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-search').fill('197001011995032002');
    await expect.poll(async () => (await page.getByTestId('registry-total').textContent())?.replace(/\D/g, '')).toBe('0');
  });
  it('shows the audit trail in words, filtered by actor and by one object', async () => {
    const context = await browser.newContext();
    const own = await context.newPage();
    await signInAs(own, server.url, 'admin');
    await own.goto(`${server.url}/audit`);
    await own.getByTestId('audit-row').first().waitFor();
    await own.getByTestId('audit-filter-actor').fill('kesbangpol');
    // the import above, said in words, by kesbangpol only
    const imported = own.getByTestId('audit-row').filter({ hasText: 'Registri diimpor' });
    await expect.poll(() => imported.count()).toBeGreaterThan(0);
    await expect.poll(async () => (await own.getByTestId('audit-row').allTextContents()).every((t) => t.includes('kesbangpol'))).toBe(true);
    expect(await own.getByTestId('audit-matches').textContent()).toMatch(/\d+ catatan cocok/);
    expect(own.url()).toContain('actor=kesbangpol');
    // one object's history: its id becomes the filter
    await imported.first().getByRole('button').first().click();
    await expect.poll(() => own.url()).toContain('entityId=');
    await expect.poll(async () => (await own.getByTestId('audit-row').allTextContents()).every((t) => t.includes('Instansi'))).toBe(true);
    await context.close();
  });

  it('switches to English, loading that catalogue only when chosen, and keeps the choice on reload', async () => {
    await page.goto(`${server.url}/lapor`);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    const catalogue = page.waitForResponse((r) => /\/assets\/en-[\w-]+\.js$/.test(r.url()));
    await page.getByTestId('lang-switch').click();
    await catalogue;
    await expect.poll(async () => page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expect.poll(async () => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => page.locator('html').getAttribute('lang')).toBe('id');
  });
});
