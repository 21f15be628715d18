/**
 * Issue 5 (conflicts of interest) in Debian's Chromium, on the demo `npm start` loads.
 * 1. The Kesbangpol admin opens the register: the demo's KPU lists are counted per election and the
 *    seeded relations are suggested (not the near-miss names beside them), their evidence in Indonesian;
 *    one is confirmed through the decision dialog; a relation with a pair's running mate names the running mate.
 * 2. A system admin opens an agency with no candidate list: the page says to import the KPU list
 *    instead of matching against 0 candidates; the admin imports a DCT file through the page (first
 *    refused with the bad row named by row and column, then with invalid rows skipped), records an
 *    employee's spouse, runs the matcher, sees the spouse suggested (not the near miss) and confirms it,
 *    then reopens the confirmation with a reason.
 * 3. An employee declares a relative on their own record ("Data saya") and may withdraw it.
 */
import type { Browser, Page } from 'playwright-core';
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

const rowTexts = async (page: Page) => page.getByTestId('conflict-row').allTextContents();

describe('conflict-of-interest register', () => {
  it('the demo opens with its KPU lists counted and the seeded relations suggested, not the near misses', async () => {
    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await signInAs(page, server.url, 'kesbangpol');
    await page.getByTestId('nav-conflicts').click();
    await page.getByTestId('conflicts-election').selectOption('pemilu-2024');
    await expect.poll(async () => page.locator('[data-testid="candidate-count"][data-election="pemilu-2024"]').getAttribute('data-count')).toBe('36');
    expect(await page.locator('[data-testid="candidate-count"][data-election="pilkada-2024"]').textContent()).toContain('3 pasangan calon');
    // the agency admin runs the matcher but does not import lists (Bawaslu does)
    expect(await page.getByTestId('candidates-import-toggle').count()).toBe(0);
    await expect.poll(async () => (await rowTexts(page)).length).toBe(5);
    const rows = (await rowTexts(page)).join('\n');
    for (const name of ['Hotman Parulian Sitompul', 'Rangga Aditya Pratama', 'Sulaiman Effendi', 'binti Darto Wiyono', 'Bonifasius Hutagalung']) expect(rows).toContain(name);
    for (const name of ['Hotman Sitompul', 'Rangga Aditya Putra', 'Sulaiman Hadi', 'Darto Wibowo', 'Hutabarat']) expect(rows).not.toContain(name);

    const spouse = page.getByTestId('conflict-row').filter({ hasText: 'Hotman Parulian Sitompul' });
    expect(await spouse.textContent()).toContain('Dewi Anggraini Sitompul');
    // the evidence in the page's language, not machine text
    expect(await spouse.getByTestId('conflict-evidence').textContent()).toBe('Dilaporkan sebagai Suami/istri: Hotman Parulian Sitompul; calon di wilayah yang sama');
    // a decision is asked in a dialog (relation and note), never one click
    await spouse.getByTestId('conflict-confirm').click();
    const dialog = page.getByTestId('conflict-decide-dialog');
    expect(await dialog.textContent()).toContain('Dewi Anggraini Sitompul akan tercatat berhubungan dengan calon Ir. Hotman Parulian Sitompul, M.M.');
    expect(await spouse.getByTestId('conflict-status').textContent()).toBe('Usulan');
    await dialog.getByTestId('conflict-decide-note').fill('Sesuai kartu keluarga');
    await dialog.getByTestId('conflict-decide-submit').click();
    await expect.poll(async () => spouse.getByTestId('conflict-status').textContent()).toBe('Terkonfirmasi');
    expect(await spouse.getByTestId('conflict-note').textContent()).toBe('Catatan: Sesuai kartu keluarga');
    expect(await page.getByTestId('conflicts-candidates').textContent()).toBe('1');

    // Yayah's husband is the running mate of pair 2: named as himself, not as the head of the pair
    await page.getByTestId('conflicts-election').selectOption('pilkada-2024');
    await expect.poll(async () => rowTexts(page)).toEqual([expect.stringContaining('Mukhtar Sobari')]);
    expect((await rowTexts(page))[0]).toContain('Yayah Rukoyah');
    expect(await page.getByTestId('conflict-person').textContent()).toBe('Drs. H. Mukhtar Sobari, M.M.');
    expect((await rowTexts(page))[0]).toContain('Calon wakil, pasangan dari Dr. H. Wahyu Adinegoro, M.Si.');
    await ctx.close();
  });

  it('an admin imports a KPU list through the page where none was loaded, and the matcher suggests from it', async () => {
    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await signInAs(page, server.url, 'admin');
    const agencies = (await (await page.request.get(`${server.url}/api/v1/agencies`)).json()).items as { id: string; regionCode: string }[];
    const kab = agencies.find((a) => a.regionCode === '32.16')!.id;

    await page.getByTestId('nav-conflicts').click();
    await page.getByTestId('conflicts-agency').selectOption(kab);
    await page.getByTestId('conflicts-election').selectOption('pemilu-2024');
    // no list: the page says what to do rather than "matched against 0 candidates"
    const empty = page.getByTestId('candidates-empty');
    await expect.poll(async () => empty.textContent()).toContain('Belum ada daftar calon');
    expect(await empty.textContent()).toContain('Impor Daftar Calon Tetap (DCT)');
    expect(await page.getByTestId('conflicts-empty').textContent()).toContain('daftar calon untuk pemilihan ini belum dimuat');
    expect(await page.getByTestId('conflicts-match').isDisabled()).toBe(true);
    // the expected columns and a template
    expect(await page.getByTestId('candidates-columns').textContent()).toContain('Nomor Urut Partai');
    expect(decodeURIComponent((await page.getByTestId('candidates-template').getAttribute('href'))!)).toContain('Nama Calon;Nomor Urut Partai;Dapil;Kode Wilayah;Nomor Urut;Lembaga');

    const dct = 'Nama Calon;Nomor Urut Partai;Dapil;Kode Wilayah;Nomor Urut;Lembaga\nNur Aini;1;Bekasi 1;32.16;1;DPRD Kabupaten\nNur Aini Lubis;2;Bekasi 1;32.16;1;DPRD Kabupaten\nSiti Tanpa Dapil;3;;32.16;1;DPRD Kabupaten\n';
    await page.getByTestId('candidates-file').setInputFiles({ name: 'dct-kab-bekasi.csv', mimeType: 'text/csv', buffer: Buffer.from(dct) });
    await page.getByTestId('candidates-submit').click();
    const result = page.getByTestId('candidates-import-result');
    await expect.poll(async () => result.getAttribute('data-status')).toBe('rejected');
    const errors = await page.getByTestId('import-errors').locator('tbody tr').allTextContents();
    expect(errors).toEqual([expect.stringMatching(/^4Dapil.*wajib diisi/)]);
    expect(await page.locator('[data-testid="candidate-count"][data-election="pemilu-2024"]').getAttribute('data-count')).toBe('0');

    await page.getByTestId('candidates-skip-invalid').check();
    await page.getByTestId('candidates-submit').click();
    await expect.poll(async () => result.getAttribute('data-status')).toBe('succeeded');
    expect(await result.textContent()).toContain('2 ditambahkan, 0 diperbarui, 0 tidak berubah, 1 baris ditolak');
    await expect.poll(async () => page.locator('[data-testid="candidate-count"][data-election="pemilu-2024"]').textContent()).toContain('2 calon legislatif');
    expect(await page.getByTestId('candidates-empty').count()).toBe(0);

    // an employee of Kabupaten Bekasi declares his wife (a mistyped name is withdrawn first)
    const employees = (await (await page.request.get(`${server.url}/api/v1/employees?agencyId=${kab}&pageSize=1`)).json()).items as { id: string; name: string }[];
    await page.goto(`${server.url}/registry/${employees[0]!.id}`);
    await page.getByTestId('relative-name').fill('Hj. Nur Ani');
    await page.getByTestId('relative-kind').selectOption('spouse');
    await page.getByTestId('relative-add').click();
    await expect.poll(async () => page.getByTestId('relative-row').allTextContents()).toEqual(['Suami/istri: Hj. Nur Ani']);
    await page.getByTestId('relative-withdraw').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tarik' }).click();
    await expect.poll(async () => page.getByTestId('relative-row').count()).toBe(0);
    await page.getByTestId('relative-name').fill('Hj. Nur Aini, S.Pd.');
    await page.getByTestId('relative-kind').selectOption('spouse');
    await page.getByTestId('relative-add').click();
    await expect.poll(async () => page.getByTestId('relative-row').allTextContents()).toEqual(['Suami/istri: Hj. Nur Aini, S.Pd.']);

    await page.getByTestId('nav-conflicts').click();
    await page.getByTestId('conflicts-agency').selectOption(kab);
    await page.getByTestId('conflicts-election').selectOption('pemilu-2024');
    await expect.poll(async () => page.getByTestId('conflicts-match').isDisabled()).toBe(false);
    await page.getByTestId('conflicts-match').click();
    await expect.poll(async () => page.getByTestId('conflicts-match-result').textContent()).toMatch(/dengan 2 calon: 1 usulan, 1 baru/);
    await expect.poll(async () => (await rowTexts(page)).length).toBe(1);
    const row = page.getByTestId('conflict-row').first();
    expect(await row.textContent()).toContain('Nur Aini');
    expect(await row.textContent()).not.toContain('Lubis');
    expect(await row.textContent()).toContain(employees[0]!.name);
    await row.getByTestId('conflict-confirm').click();
    await page.getByTestId('conflict-decide-dialog').getByTestId('conflict-decide-submit').click();
    await expect.poll(async () => row.getByTestId('conflict-status').textContent()).toBe('Terkonfirmasi');
    expect(await page.getByTestId('conflicts-candidates').textContent()).toBe('1');

    // the confirmation is reopened, with a reason, and is a suggestion again
    await row.getByTestId('conflict-reopen').click();
    const reopen = page.getByTestId('conflict-reopen-dialog');
    await reopen.getByTestId('conflict-reopen-reason').fill('Salah');
    expect(await reopen.getByTestId('conflict-reopen-submit').isDisabled()).toBe(true);
    await reopen.getByTestId('conflict-reopen-reason').fill('Istri pegawai lain yang bernama sama');
    await reopen.getByTestId('conflict-reopen-submit').click();
    await expect.poll(async () => row.getByTestId('conflict-status').textContent()).toBe('Usulan');
    expect(await page.getByTestId('conflicts-candidates').textContent()).toBe('0');
    expect(await row.getByTestId('conflict-history').textContent()).toContain('dibuka kembali');
    expect(await row.getByTestId('conflict-history').textContent()).toContain('Istri pegawai lain yang bernama sama');
    await ctx.close();
  });

  it('an employee declares a relative on their own record', async () => {
    const ctx = await browser.newContext();
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await signInAs(page, server.url, 'pegawai');
    const own = (await (await page.request.get(`${server.url}/api/v1/employees?pageSize=1`)).json()).items as { id: string }[];
    await page.goto(`${server.url}/registry/${own[0]!.id}`);
    await page.getByTestId('relative-name').fill('Rahmat Hidayat');
    await page.getByTestId('relative-kind').selectOption('spouse');
    await page.getByTestId('relative-add').click();
    await expect.poll(async () => page.getByTestId('relative-row').allTextContents()).toEqual(['Suami/istri: Rahmat Hidayat']);
    // what they declared themselves they may withdraw
    expect(await page.getByTestId('relative-withdraw').count()).toBe(1);
    await ctx.close();
  });
});
