/// <reference lib="dom" />
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
    await expect.poll(async () => page.getByTestId('registry-row').count(), { timeout: 10_000 }).toBe(1);
  });

  it('shows the error report for a partly invalid file and writes nothing', async () => {
    const file = path.join(tmp, 'salah.csv');
    fs.writeFileSync(file, 'nip,nama,jenis\n198609262031131001,Salah Tmt,PNS\n197001011995032002,Benar,PNS\n');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-errors').waitFor({ timeout: 60_000 });
    // the message in Indonesian, not a code such as NIP_TMT
    expect(await page.getByTestId('import-error-message').allTextContents()).toEqual([expect.stringMatching(/^NIP digit 9-14: .*bukan/)]);
    expect(await page.getByTestId('import-errors').textContent()).not.toContain('NIP_TMT');
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-search').fill('197001011995032002');
    await expect.poll(async () => (await page.getByTestId('registry-total').textContent())?.replace(/\D/g, '')).toBe('0');
  });

  it('shows the import errors on a 360px phone with the message in view', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      const file = path.join(tmp, 'salah-hp.csv');
      fs.writeFileSync(file, 'nip,nama,jenis,email\n198609262031131001,Salah Tmt,PNS,\n197001011995032002,Benar,PNS,bukan-surel\n');
      await page.goto(`${server.url}/import`);
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-submit').click();
      // the message is the last cell of each row
      const messages = page.getByTestId('import-errors').locator('tbody td:last-child');
      await messages.first().waitFor({ timeout: 60_000 });
      expect(await messages.allTextContents()).toEqual([expect.stringContaining('NIP digit 9-14'), 'email bukan alamat surel yang valid']);
      const fits = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const cells = Array.from(document.querySelectorAll('[data-testid="import-errors"] tbody td:last-child')).map((c) => c.getBoundingClientRect());
        return { inView: cells.every((box) => box.left >= 0 && box.right <= width + 0.5 && box.width >= 120), sideways: document.documentElement.scrollWidth > width };
      });
      expect(fits).toEqual({ inView: true, sideways: false });
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('lists in a dry run the work units an import would create, with the unit a misspelling was meant to be', async () => {
    const file = path.join(tmp, 'unit-baru.csv');
    fs.writeFileSync(file, [
      'nip,nama,jenis,unit',
      '196001011985031901,Unit Satu,PNS,Dinas Contoh Ejaan',
      '196001011985031902,Unit Dua,PNS,Dinas Contoh Ejaan',
      '196001011985031903,Unit Tiga,PNS,Dinas Contoh Ejan',
      '196001011985031904,Unit Empat,PNS,Dinas Contoh Ejaan/Sekretariat',
    ].join('\n') + '\n');
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-dry-run').check();
    await page.getByTestId('import-submit').click();
    const units = page.getByTestId('import-new-units');
    await units.waitFor({ timeout: 60_000 });
    const text = (await units.textContent()) ?? '';
    expect(text).toContain('3 unit kerja baru akan dibuat');
    expect(text).toContain('2 di antaranya mirip unit lain');
    expect(await page.getByTestId('import-new-unit-suggestion').allTextContents()).toEqual([
      'Mungkin maksudnya: Dinas Contoh Ejaan / Sekretariat',
      'Mungkin maksudnya: Dinas Contoh Ejaan',
    ]);
    expect(text).toContain('Tanda “/” tanpa spasi adalah bagian dari nama unit');
    // the dry run created none of them
    const agencies = (await (await page.request.get(`${server.url}/api/v1/agencies?pageSize=200`)).json()) as { items: { id: string }[] };
    const list = (await (await page.request.get(`${server.url}/api/v1/agencies/${agencies.items[0]!.id}/units`)).json()) as { items: { path: string }[] };
    expect(list.items.filter((u) => u.path.startsWith('Dinas Contoh'))).toEqual([]);
  });

  it('offers "Tambah instansi" only to those who may create agencies', async () => {
    // kesbangpol is an agency admin: the API would refuse the new agency
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-file').waitFor({ state: 'attached' });
    expect(await page.getByTestId('agency-create').count()).toBe(0);
  });

  it('exports what the list shows, in its order, and tells Excel users to take XLSX', async () => {
    await page.goto(`${server.url}/registry?sort=-nip&type=PNS`);
    await page.getByTestId('registry-row').first().waitFor();
    const csv = page.getByTestId('export-csv');
    for (const link of [csv, page.getByTestId('export-xlsx')]) {
      const href = new URL((await link.getAttribute('href'))!, server.url);
      expect([href.searchParams.get('sort'), href.searchParams.get('type')]).toEqual(['-nip', 'PNS']);
    }
    expect(await page.getByTestId('export-csv-hint').textContent()).toMatch(/Untuk Excel pilih XLSX: NIP tetap utuh sebagai teks/);
    expect(await csv.getAttribute('aria-describedby')).toBe('export-csv-hint');
    // the file holds the screen's rows in the screen's order
    const shown = (await page.getByTestId('registry-row').locator('td:first-child').allTextContents()).map((t) => t.trim());
    const file = await page.request.get(new URL((await csv.getAttribute('href'))!, server.url).toString());
    const body = await file.text();
    expect(body.startsWith('\ufeffnip,')).toBe(true);
    const nips = body.replace(/^\ufeff/, '').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(nips.slice(0, shown.length)).toEqual(shown);
    expect(shown.length).toBeGreaterThan(10);
  });

  it('asks for the relation of a declared relative instead of assuming one', async () => {
    await page.goto(`${server.url}/registry`);
    await page.getByTestId('registry-row').first().click();
    await page.getByTestId('employee-name').waitFor();
    const kind = page.getByTestId('relative-kind');
    expect(await kind.inputValue()).toBe('');
    const before = await page.getByTestId('relative-row').allTextContents();
    await page.getByTestId('relative-name').fill('Siti Aminah');
    await page.getByTestId('relative-add').click();
    await page.getByText('Pilih hubungan keluarga terlebih dahulu.').waitFor();
    expect(await page.getByTestId('relative-row').allTextContents()).toEqual(before);
    await kind.selectOption('sibling');
    await page.getByTestId('relative-add').click();
    await expect.poll(async () => page.getByTestId('relative-row').count()).toBe(before.length + 1);
    expect(await page.getByTestId('relative-row').allTextContents()).toContain('Saudara kandung: Siti Aminah');
    // the next declaration is chosen afresh
    expect(await kind.inputValue()).toBe('');
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
    // the action filter speaks in words, grouped by kind: no codes such as employees.imported
    await own.goto(`${server.url}/audit`);
    await own.getByTestId('audit-filter-action').click();
    const options = await own.getByRole('option').allTextContents();
    expect(options).toContain('Registri diimpor');
    expect(options.filter((o) => /[a-z_]+\.[a-z_]+/.test(o))).toEqual([]);
    await own.getByRole('option', { name: 'Registri diimpor', exact: true }).click();
    await expect.poll(() => own.url()).toContain('action=employees.imported');
    await expect.poll(async () => (await own.getByTestId('audit-action').allTextContents()).every((t) => t === 'Registri diimpor')).toBe(true);
    // a range that ends before it starts is said on the field, not as a broken address
    await own.goto(`${server.url}/audit?from=2024-03-10&to=2024-03-01`);
    await expect.poll(async () => own.getByText('Tanggal akhir tidak boleh sebelum tanggal awal.').count()).toBe(1);
    expect(await own.getByText('Alamat halaman tidak valid', { exact: false }).count()).toBe(0);
    // nothing matches: the page says so and offers to clear the filters
    await own.goto(`${server.url}/audit?actor=tidak-ada-pengguna-ini`);
    await expect.poll(async () => own.getByTestId('audit-empty').textContent()).toContain('Tidak ada catatan yang cocok');
    await own.getByRole('button', { name: 'Hapus filter' }).last().click();
    await own.getByTestId('audit-row').first().waitFor();
    // a system admin may create agencies: the import page offers it
    await own.goto(`${server.url}/import`);
    await own.getByTestId('agency-create').waitFor();
    await context.close();
  });

  it('keeps the menu and offers a reload when a page fails to load, then loads it once the chunk is back', async () => {
    const context = await browser.newContext();
    const own = await context.newPage();
    await signInAs(own, server.url, 'bawaslu.kota'); // no 2FA enrolment for a supervisor
    // as after an update: the old build's chunk for the timeline page is gone
    const gone = '**/assets/timeline-page-*.js';
    await own.route(gone, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await own.getByTestId('nav-timeline').click();
    const failed = own.getByTestId('page-error');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Halaman belum dapat dimuat');
    // the app is not blank: the menu still works and another page opens, clearing the error
    await own.getByTestId('nav-registry').click();
    await own.getByTestId('registry-row').first().waitFor();
    expect(await failed.count()).toBe(0);
    await own.getByTestId('nav-timeline').click();
    await failed.waitFor();
    await own.unroute(gone);
    await own.getByTestId('page-error-reload').click();
    await own.getByTestId('timeline-table').waitFor();
    expect(await failed.count()).toBe(0);
    await context.close();
  });

  it('fits a 360px phone: no button on the public pages is cut off or pushes the page sideways', async () => {
    const res = await fetch(`${server.url}/api/v1/public/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ what: 'Kepala dinas mengajak staf ikut kampanye calon nomor satu.', regionCode: '32.16' }),
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { receiptCode: string; secret: string };
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const own = await phone.newPage();
    const overflowing = () =>
      own.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const cut = Array.from(document.querySelectorAll('button'))
          .filter((button) => button.offsetParent !== null)
          .filter((button) => {
            const box = button.getBoundingClientRect();
            const label = button.querySelector('.mantine-Button-label');
            return box.left < 0 || box.right > width + 0.5 || (label !== null && label.scrollWidth > label.clientWidth + 1);
          })
          .map((button) => button.textContent);
        return { cut, sideways: document.documentElement.scrollWidth > width };
      });
    await own.goto(`${server.url}/lapor`);
    await own.getByTestId('tip-submit').waitFor();
    expect(await overflowing()).toEqual({ cut: [], sideways: false });
    await own.goto(`${server.url}/lapor/pantau`);
    await own.getByTestId('follow-code').fill(receipt.receiptCode);
    await own.getByTestId('follow-secret').fill(receipt.secret);
    await own.getByTestId('follow-submit').click();
    await own.getByTestId('follow-consent').waitFor();
    expect(await overflowing()).toEqual({ cut: [], sideways: false });
    await phone.close();
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
