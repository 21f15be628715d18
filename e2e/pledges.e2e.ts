/**
 * Issue 5 in Debian's Chromium: the Kesbangpol admin opens a pledge campaign for Kota Bekasi on the
 * standard text and adds the agency's own pakta integritas; an employee signs on the public page with
 * a one-time code delivered by e-mail (a real local SMTP server); the signed PDF's QR code opens a
 * valid verification page; coverage and its timeline move; the list of who has not signed exports;
 * an employee signed in with their own account signs with one button (verified as signed through the
 * account); the admin records a joint signing (date, place, witnesses) and attaches its scanned sheet.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Browser, Download, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInWords } from '@netra/rules';
import { pdfQr, pdfText } from '../apps/api/test/pdf-inspect.ts';
import { launchChromium, startServer, type Running } from './server.ts';
import { signInAs } from './session.ts';

/** The element lies within the page's width and its text is not cut off (a 360 px phone). */
async function fitsScreen(button: Locator): Promise<void> {
  const box = (await button.boundingBox())!;
  const width = button.page().viewportSize()!.width;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge').toBeLessThanOrEqual(width);
  // every part of the button (its label included) shows its whole content
  const clipped = await button.evaluate((el) => [el, ...Array.from(el.querySelectorAll('*'))].filter((x) => x.scrollWidth > x.clientWidth + 1).length);
  expect(clipped, 'parts whose content is cut off').toBe(0);
}

/** A table fits its panel: nothing to scroll sideways, and its last column (the %) lies inside the panel and the window. */
async function fitsPanel(panel: Locator): Promise<void> {
  const scroller = panel.locator('.mantine-ScrollArea-viewport, .mantine-Table-scrollContainer').first();
  const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'sideways overflow of the table (px)').toBeLessThanOrEqual(1);
  const box = (await panel.boundingBox())!;
  const last = (await panel.locator('th').last().boundingBox())!;
  expect(last.x + last.width, 'right edge of the last column').toBeLessThanOrEqual(box.x + box.width);
  expect(box.x + box.width, 'right edge of the panel').toBeLessThanOrEqual(panel.page().viewportSize()!.width);
}

/** The error text Mantine shows under an input. */
const inputError = (input: Locator) => input.page().locator('.mantine-InputWrapper-root', { has: input }).locator('.mantine-InputWrapper-error');

/** The whole content of a browser download. */
async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

let server: Running;
let browser: Browser;
let smtp: SMTPServer;
const mails: { to: string; body: string }[] = [];
/** The signing day in Kota Bekasi (WIB, UTC+7), as the timeline counts it. */
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const yesterdayWib = () => new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startServer({ NETRA_SMTP_URL: `smtp://127.0.0.1:${port}`, NETRA_MAIL_FROM: 'netra@bekasikota.go.id' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe('neutrality pledges: texts, campaign, self-service, account and joint signing, verification, coverage over time', () => {
  it('an admin opens a campaign on a chosen text and adds an own one, an employee signs with a one-time code, the QR verifies, coverage and its timeline move, the missing list exports, an employee signs with their account, the admin records a ceremony and attaches its signed sheet', async () => {
    const admin = await browser.newContext({ acceptDownloads: true });
    admin.setDefaultTimeout(15_000);
    const page = await admin.newPage();
    await signInAs(page, server.url, 'kesbangpol');

    await page.getByTestId('nav-pledges').click();
    await page.getByTestId('campaign-new').click();
    // the text to sign: the three national standard texts are offered, the standard surat pernyataan by default
    const template = page.getByTestId('campaign-template');
    await expect.poll(async () => template.locator('option').count()).toBeGreaterThanOrEqual(3);
    const options = await template.locator('option').allTextContents();
    for (const kind of ['Surat pernyataan', 'Pakta integritas', 'Ikrar']) expect(options).toContain(`${kind} v1 (standar)`);
    expect(await template.locator('option:checked').textContent()).toBe('Surat pernyataan v1 (standar)');
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('campaign-opens').fill(yesterdayWib()); // opened yesterday: the apel below was held then
    await page.getByTestId('campaign-closes').fill(later);
    await page.getByTestId('campaign-title').fill('Pernyataan Netralitas ASN Kota Bekasi');
    await page.getByTestId('campaign-submit').click();
    await page.waitForURL(/\/pledges\/[0-9a-f-]{36}$/).catch(async (e: unknown) => {
      throw new Error(`campaign not opened: ${await page.getByRole('alert').allTextContents()}`, { cause: e });
    });
    const campaignId = page.url().split('/').pop()!;
    await page.getByTestId('coverage-required').waitFor();
    const required = Number((await page.getByTestId('coverage-required').textContent())!.replace(/\D/g, ''));
    expect(required).toBeGreaterThan(1000);
    expect(await page.getByTestId('coverage-signed').textContent()).toBe('0');
    expect(await page.getByTestId('campaign-sign-link').textContent()).toContain(`/tandatangan/${campaignId}`);
    // by region as a tree: the city over all, opened onto its kecamatan, each opening onto its kelurahan; every line counts its whole area
    const regionLines = (depth: number) => page.locator(`[data-testid="coverage-region"][data-depth="${depth}"]`);
    const countOf = async (row: Locator) => Number((await row.locator('td').nth(1).textContent())!.replace(/\D/g, ''));
    const ownOf = async (code: string) => {
      const line = page.locator(`[data-testid="coverage-region-own"][data-code="${code}"]`);
      return (await line.count()) ? countOf(line) : 0;
    };
    const sumOf = async (rows: Locator) => { let n = 0; for (const row of await rows.all()) n += await countOf(row); return n; };
    const tops = regionLines(0);
    expect(await sumOf(tops)).toBe(required);
    if ((await tops.count()) === 1) expect(await sumOf(regionLines(1)) + await ownOf((await tops.first().getAttribute('data-code'))!)).toBe(required);
    const kecamatan = regionLines(1).filter({ has: page.getByTestId('coverage-region-toggle') }).first();
    const kecamatanTotal = await countOf(kecamatan);
    await kecamatan.getByTestId('coverage-region-toggle').click();
    expect(await kecamatan.getByTestId('coverage-region-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await sumOf(regionLines(2)) + await ownOf((await kecamatan.getAttribute('data-code'))!)).toBe(kecamatanTotal);
    // at 1280 px the region table fits its panel, its % column in view (no sideways scrolling), the kecamatan opened
    expect(page.viewportSize()!.width).toBe(1280);
    await fitsPanel(page.getByTestId('coverage-regions'));
    // over time: today's row, nothing signed yet
    const todayRow = page.locator(`[data-testid="pledge-timeline-row"][data-date="${todayWib()}"]`);
    await todayRow.waitFor();
    expect(await todayRow.getByTestId('pledge-timeline-signed').textContent()).toBe('0');

    // the agency's own pakta integritas: a new version through the form, listed, and offered for the next campaign
    await page.getByTestId('nav-pledges').click();
    await page.getByTestId('template-row').first().waitFor();
    await page.getByTestId('template-kind').selectOption('pakta_integritas');
    await page.getByTestId('template-title').fill('Pakta Integritas Netralitas Pegawai Kota Bekasi');
    await page.getByTestId('template-body').fill('Saya menyatakan akan menjaga netralitas dalam Pemilihan Wali Kota Bekasi dan tidak memihak pasangan calon mana pun.');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-saved').waitFor();
    expect(await page.getByTestId('template-saved').textContent()).toContain('Pakta integritas v1');
    const own = page.locator('[data-testid="template-row"][data-kind="pakta_integritas"][data-own="true"]');
    await own.waitFor();
    expect(await own.getByTestId('template-version').textContent()).toBe('v1');
    await page.getByTestId('campaign-new').click();
    await expect.poll(async () => page.getByTestId('campaign-template').locator('option').allTextContents()).toContain('Pakta integritas v1 (instansi)');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/pledges/${campaignId}`);

    // someone on the missing list who can receive a code
    await page.getByTestId('missing-row').first().waitFor();
    const rows = page.getByTestId('missing-row');
    let nip = '';
    for (let i = 0; i < (await rows.count()) && !nip; i++)
      if ((await rows.nth(i).textContent())!.includes('dapat diingatkan')) nip = (await rows.nth(i).locator('td').first().textContent())!.trim();
    expect(nip).toMatch(/^\d{18}$/);

    // the employee, on a small phone (360 px wide), without an account
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
    phone.setDefaultTimeout(15_000);
    const p = await phone.newPage();
    // a public page: no session is asked for (an anonymous /auth/me answers 401, logged as a console error)
    const consoleErrors: string[] = [];
    const sessionRequests: string[] = [];
    p.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    p.on('request', (r) => void (r.url().includes('/auth/') && sessionRequests.push(r.url())));
    await p.goto(`${server.url}/tandatangan/${campaignId}`);
    expect(await p.getByTestId('sign-text').textContent()).toMatch(/netral/i);
    await p.waitForLoadState('networkidle');
    expect(sessionRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // its buttons fit the screen, their labels not cut off
    await fitsScreen(p.getByTestId('sign-request'));
    await p.getByTestId('sign-nip').fill(nip);
    await p.getByTestId('sign-request').click();
    await p.getByTestId('sign-sent').waitFor();
    await expect.poll(() => mails.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const code = /Anda: (\d{6})/.exec(mails.at(-1)!.body.replace(/=\r?\n/g, ''))![1]!;
    await fitsScreen(p.getByTestId('sign-submit'));
    // a malformed e-meterai serial: its field is marked with what is wrong, the summary names it by its label
    await p.getByTestId('sign-code').fill(code);
    await p.getByTestId('sign-meterai').fill('ABC');
    await p.getByTestId('sign-submit').click();
    await p.getByTestId('sign-error').waitFor();
    expect(await p.getByTestId('sign-error').textContent()).toContain('Nomor seri e-meterai (bila ada)');
    expect(await p.getByTestId('sign-error').textContent()).not.toContain('body.');
    expect(await p.getByTestId('sign-meterai').getAttribute('aria-invalid')).toBe('true');
    expect(await p.getByTestId('sign-code').getAttribute('aria-invalid')).not.toBe('true');
    expect(await inputError(p.getByTestId('sign-meterai')).textContent()).toContain('22 karakter');
    await p.getByTestId('sign-meterai').fill('');
    // a wrong code is refused with a clear message, the code field marked; the right one signs
    await p.getByTestId('sign-code').fill(code === '000000' ? '111111' : '000000');
    await p.getByTestId('sign-submit').click();
    await expect.poll(async () => p.getByTestId('sign-error').textContent()).toMatch(/Kode salah|Wrong code/);
    expect(await p.getByTestId('sign-code').getAttribute('aria-invalid')).toBe('true');
    await p.getByTestId('sign-code').fill(code);
    await p.getByTestId('sign-submit').click();
    await p.getByTestId('sign-done').waitFor();
    const verifyCode = (await p.getByTestId('sign-verify-code').textContent())!.trim();
    await fitsScreen(p.getByTestId('sign-download'));
    expect(sessionRequests).toEqual([]);
    const download = p.waitForEvent('download');
    await p.getByTestId('sign-download').click();
    const pdf = await bytesOf(await download);
    expect(await pdfText(pdf)).toContain(verifyCode);
    // the download is one-time: no button offers it a second time, the page says how to get another copy
    await p.getByTestId('sign-download-used').waitFor();
    expect(await p.getByTestId('sign-download').count()).toBe(0);
    const qr = await pdfQr(pdf);
    expect(qr).toMatch(new RegExp(`/verify/${verifyCode}$`));
    // the QR leads to the public verification page: valid, name masked
    await p.goto(`${server.url}${new URL(qr!).pathname}`);
    expect(await p.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
    expect(await p.getByTestId('verify-name').textContent()).toContain('*');
    // the same code cannot be replayed
    await p.goto(`${server.url}/tandatangan/${campaignId}`);
    await p.getByTestId('sign-nip').fill(nip);
    await p.getByTestId('sign-request').click();
    await p.getByTestId('sign-error').waitFor();
    expect(await p.getByTestId('sign-error').textContent()).toMatch(/sudah menandatangani|already signed/);
    await phone.close();

    // coverage moved, and the missing list no longer holds the signer
    await page.reload();
    await expect.poll(async () => page.getByTestId('coverage-signed').textContent()).toBe('1');
    // the timeline counts the signature today
    await expect.poll(async () => todayRow.getByTestId('pledge-timeline-signed').textContent()).toBe('1');
    expect(await todayRow.getByTestId('pledge-timeline-cumulative').textContent()).toBe('1');
    await page.getByTestId('missing-search').fill(nip);
    await expect.poll(async () => page.getByTestId('missing-row').count()).toBe(0);
    const csv = page.waitForEvent('download');
    await page.getByTestId('missing-export-csv').click();
    const file = (await bytesOf(await csv)).toString('utf8');
    const lines = file.trim().split('\n');
    expect(lines.length - 1).toBe(required - 1);
    expect(file).not.toContain(nip);
    expect(file).not.toMatch(/@|\+62/); // no contact data in the export

    // an employee signed in with their own account signs with one button, no NIP and no code
    const account = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    account.setDefaultTimeout(15_000);
    const e = await account.newPage();
    await signInAs(e, server.url, 'pegawai');
    // "Data saya": the employee's own record, titled so, without the registry's filters, the region in words
    await e.getByTestId('self-card').waitFor();
    expect(await e.getByTestId('self-title').textContent()).toBe('Data saya');
    expect(await e.title()).toMatch(/^Data saya/);
    expect(await e.locator('main').textContent()).not.toContain('Registri Pegawai');
    for (const filter of ['registry-search', 'registry-unit', 'registry-region', 'registry-type', 'registry-sort']) expect(await e.getByTestId(filter).count(), filter).toBe(0);
    const selfRegion = e.getByTestId('self-region');
    await expect.poll(async () => selfRegion.textContent()).toMatch(/Bekasi/i);
    expect(await selfRegion.textContent()).not.toMatch(/\d/);
    // and on the full record, with the way back to "Data saya"
    await e.getByTestId('self-details').click();
    await expect.poll(async () => e.getByTestId('employee-region').textContent()).toMatch(/Bekasi/i);
    expect(await e.getByTestId('employee-region').textContent()).not.toMatch(/\d/);
    await e.getByText('Kembali ke Data saya').click();
    await e.getByTestId('self-card').waitFor();
    const mailsBefore = mails.length;
    // the employee's start page lists the campaign to sign and leads to it
    const mine = e.getByTestId('my-pledge').filter({ has: e.locator(`a[href="/tandatangan/${campaignId}"]`) });
    await mine.getByTestId('my-pledge-sign').click();
    await e.waitForURL(new RegExp(`/tandatangan/${campaignId}`));
    await e.getByTestId('sign-with-account').click();
    await e.getByTestId('sign-done').waitFor().catch(async (err: unknown) => {
      throw new Error(`account signing failed: ${await e.getByRole('alert').allTextContents()}`, { cause: err });
    });
    const accountCode = (await e.getByTestId('sign-verify-code').textContent())!.trim();
    expect(accountCode).not.toBe(verifyCode);
    // the one-time token is spent elsewhere first (another tab, a double submission): the page shows the server's own
    // message, not a generic error, and no longer offers the download
    let spentElsewhere: Buffer | null = null;
    await e.route('**/api/v1/public/pledges/document', async (route) => {
      const first = await fetch(`${server.url}/api/v1/public/pledges/document`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: route.request().postData()! });
      spentElsewhere = Buffer.from(await first.arrayBuffer());
      await route.continue();
    });
    await e.getByTestId('sign-download').click();
    await e.getByTestId('sign-error').waitFor();
    await expect.poll(async () => e.getByTestId('sign-error').textContent()).toContain('Tautan unduhan tidak berlaku (sudah dipakai atau kedaluwarsa)');
    expect(await e.getByTestId('sign-error').textContent()).not.toContain('Terjadi kesalahan');
    await e.getByTestId('sign-download-used').waitFor();
    expect(await e.getByTestId('sign-download').count()).toBe(0);
    await e.unroute('**/api/v1/public/pledges/document');
    expect(await pdfText(spentElsewhere!)).toContain(accountCode);
    expect(mails.length).toBe(mailsBefore); // no one-time code was needed
    // back on the page later, the employee is told they signed already, with the pledge's check page, and offered no form
    await e.reload();
    const already = e.getByTestId('sign-already');
    await already.waitFor();
    expect(await e.getByTestId('sign-already-date').textContent()).toContain('Anda sudah menandatangani pernyataan pada kampanye ini pada');
    expect(await already.textContent()).toContain(accountCode);
    expect(await e.getByTestId('sign-already-verify').getAttribute('href')).toBe(`/verify/${accountCode}`);
    for (const form of ['sign-with-account', 'sign-nip', 'sign-request']) expect(await e.getByTestId(form).count(), form).toBe(0);
    // opened from a bare link, the page does not ask for a session; signing in through it leads back to the same notice
    await e.goto('about:blank');
    const asked: string[] = [];
    e.on('request', (r) => void (r.url().endsWith('/auth/me') && asked.push(r.url())));
    await e.goto(`${server.url}/tandatangan/${campaignId}`);
    await e.getByTestId('sign-nip').waitFor();
    expect(asked).toEqual([]);
    await e.getByTestId('sign-use-account').click();
    await already.waitFor();
    expect(e.url()).toBe(`${server.url}/tandatangan/${campaignId}`);
    // back on the start page the pledge shows as signed, with its PDF and check page
    await e.goto(`${server.url}/registry`);
    const signedRow = e.getByTestId('my-pledge').filter({ has: e.locator(`a[href="/verify/${accountCode}"]`) });
    await signedRow.getByTestId('my-pledge-pdf').waitFor();
    expect(await signedRow.getByTestId('my-pledge-sign').count()).toBe(0);
    await account.close();
    // someone visiting without the employee role sees only the NIP form
    await page.goto(`${server.url}/tandatangan/${campaignId}`);
    await page.getByTestId('sign-nip').waitFor();
    expect(await page.getByTestId('sign-with-account').count()).toBe(0);
    // the account signature verifies as signed through the employee's account
    await page.goto(`${server.url}/verify/${accountCode}`);
    expect(await page.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
    expect(await page.getByTestId('verify-method').getAttribute('data-method')).toBe('account');
    expect(await page.getByTestId('verify-method').textContent()).toBe('Melalui akun pegawai');
    await page.goto(`${server.url}/pledges/${campaignId}`);
    await expect.poll(async () => todayRow.getByTestId('pledge-timeline-cumulative').textContent()).toBe('2');

    // the campaign is renamed and extended through its dialog (PATCH /pledge-campaigns/{id})
    await page.getByTestId('campaign-change').click();
    expect(await page.getByTestId('campaign-change-title').inputValue()).toBe('Pernyataan Netralitas ASN Kota Bekasi');
    expect(await page.getByTestId('campaign-change-closes').inputValue()).toBe(later);
    // closing it before a pledge already signed (today) is refused, the closing day marked
    await page.getByTestId('campaign-change-closes').fill(yesterdayWib());
    await page.getByTestId('campaign-change-submit').click();
    // dates in words, as the rest of the page writes them
    await expect.poll(async () => page.getByTestId('campaign-change-error').textContent())
      .toContain(`Tanggal tutup ${dateInWords(yesterdayWib(), 'id')} sebelum pernyataan terakhir yang ditandatangani (${dateInWords(todayWib(), 'id')}).`);
    expect(await page.getByTestId('campaign-change-closes').getAttribute('aria-invalid')).toBe('true');
    // a title too short: that field is marked and named by its label
    const extended = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('campaign-change-closes').fill(extended);
    await page.getByTestId('campaign-change-title').fill('AB');
    await page.getByTestId('campaign-change-submit').click();
    await expect.poll(async () => page.getByTestId('campaign-change-error').textContent()).toContain('Periksa isian berikut: Judul.');
    expect(await page.getByTestId('campaign-change-title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('campaign-change-closes').getAttribute('aria-invalid')).not.toBe('true');
    // a valid change closes the dialog; the page shows the new title and period, and keeps them
    await page.getByTestId('campaign-change-title').fill('Pernyataan Netralitas ASN Kota Bekasi 2024');
    await page.getByTestId('campaign-change-submit').click();
    await expect.poll(async () => page.getByTestId('campaign-change-submit').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => page.getByTestId('campaign-title-view').textContent()).toBe('Pernyataan Netralitas ASN Kota Bekasi 2024');
    await page.reload();
    await page.getByTestId('campaign-change').click();
    expect(await page.getByTestId('campaign-change-title').inputValue()).toBe('Pernyataan Netralitas ASN Kota Bekasi 2024');
    expect(await page.getByTestId('campaign-change-closes').inputValue()).toBe(extended);
    await page.keyboard.press('Escape');
    await page.getByTestId('campaign-change-submit').waitFor({ state: 'detached' });

    // a joint signing (apel) held yesterday: one employee still on the missing list, with place and witnesses
    await page.getByTestId('ceremony-list-empty').waitFor();
    await page.getByTestId('missing-row').first().waitFor();
    const present = (await page.getByTestId('missing-row').first().locator('td').first().textContent())!.trim();
    expect(present).not.toBe(nip);
    const heldOn = yesterdayWib();
    const witnesses = 'Sekda, Pj Wali Kota, Ketua Bawaslu Kota Bekasi';
    await page.getByTestId('ceremony-nips').fill(present);
    await page.getByTestId('ceremony-date').fill(heldOn);
    await page.getByTestId('ceremony-place').fill('Plaza Pemkot Bekasi');
    await page.getByTestId('ceremony-witnesses').fill(witnesses);
    await page.getByTestId('ceremony-submit').click();
    await page.getByTestId('ceremony-result').waitFor().catch(async (err: unknown) => {
      throw new Error(`ceremony not recorded: ${await page.getByRole('alert').allTextContents()}`, { cause: err });
    });
    expect(await page.getByTestId('ceremony-result').textContent()).toContain('1 tercatat, 0 sudah menandatangani sebelumnya, 0 tidak dapat dicatat');
    // it is listed at once, with its upload control
    const ceremonyRow = page.locator('[data-testid="ceremony-row"][data-new="true"]');
    await ceremonyRow.waitFor();
    expect(await page.getByTestId('ceremony-row').count()).toBe(1);
    expect(await ceremonyRow.getByTestId('ceremony-held-on').getAttribute('data-date')).toBe(heldOn);
    expect(await ceremonyRow.getByTestId('ceremony-row-place').textContent()).toBe('Plaza Pemkot Bekasi');
    expect(await ceremonyRow.getByTestId('ceremony-row-witnesses').textContent()).toBe(witnesses);
    expect(await ceremonyRow.getByTestId('ceremony-row-listed').textContent()).toBe('1');
    expect(await ceremonyRow.getByTestId('ceremony-row-signed').textContent()).toBe('1');
    expect(await ceremonyRow.getByTestId('ceremony-sheet-download').count()).toBe(0);
    // coverage counts the third signature, dated on the day of the apel: yesterday's row of the timeline
    await expect.poll(async () => page.getByTestId('coverage-signed').textContent()).toBe('3');
    await expect.poll(async () => todayRow.getByTestId('pledge-timeline-cumulative').textContent()).toBe('3');
    const yesterdayRow = page.locator(`[data-testid="pledge-timeline-row"][data-date="${heldOn}"]`);
    expect(await yesterdayRow.getByTestId('pledge-timeline-signed').textContent()).toBe('1');
    expect(await todayRow.getByTestId('pledge-timeline-signed').textContent()).toBe('2');
    await page.getByTestId('missing-search').fill(present);
    await expect.poll(async () => page.getByTestId('missing-row').count()).toBe(0);

    // the scanned signed sheet: a PNG made here, attached, its hash shown, downloadable as uploaded
    const scan = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 250, g: 250, b: 245 } } }).png().toBuffer();
    const scanHash = crypto.createHash('sha256').update(scan).digest('hex');
    await ceremonyRow.getByTestId('ceremony-sheet-file').setInputFiles({ name: 'lembar-apel.png', mimeType: 'image/png', buffer: scan });
    await ceremonyRow.getByTestId('ceremony-sheet-upload').click();
    await ceremonyRow.getByTestId('ceremony-sheet-sha256').waitFor().catch(async (err: unknown) => {
      throw new Error(`sheet not attached: ${await page.getByRole('alert').allTextContents()}`, { cause: err });
    });
    expect(await ceremonyRow.getByTestId('ceremony-sheet-sha256').textContent()).toBe(scanHash.slice(0, 12));
    expect(await ceremonyRow.getByTestId('ceremony-sheet-sha256').getAttribute('data-sha256')).toBe(scanHash);
    expect(await ceremonyRow.getByTestId('ceremony-sheet-name').textContent()).toBe('lembar-apel.png');
    expect(await ceremonyRow.getByTestId('ceremony-sheet-upload').count()).toBe(0);
    const sheet = page.waitForEvent('download');
    await ceremonyRow.getByTestId('ceremony-sheet-download').click();
    const sheetDownload = await sheet;
    expect(sheetDownload.suggestedFilename()).toBe('lembar-apel.png');
    expect((await bytesOf(sheetDownload)).equals(scan)).toBe(true);
    // after a reload it is still there
    await page.reload();
    await page.getByTestId('ceremony-sheet-sha256').waitFor();
    expect(await page.getByTestId('ceremony-sheet-sha256').textContent()).toBe(scanHash.slice(0, 12));

    // the apel's pledge is in the signed list: its PDF can be printed again, and it can be revoked with a reason
    await page.getByTestId('signed-search').fill(present);
    await expect.poll(async () => page.getByTestId('signed-row').count()).toBe(1);
    const row = page.getByTestId('signed-row').first();
    const reprint = page.waitForEvent('download');
    await row.getByTestId('signed-pdf').click();
    expect(await pdfText(await bytesOf(await reprint))).toContain(present);
    await row.getByTestId('signed-revoke').click();
    await page.getByTestId('signed-revoke-reason').fill('Tercatat hadir keliru pada daftar apel');
    await page.getByTestId('signed-revoke-confirm').click();
    await expect.poll(async () => row.textContent()).toMatch(/Dicabut/);
    await expect.poll(async () => page.getByTestId('coverage-signed').textContent()).toBe('2');
    await page.getByTestId('missing-search').fill(present);
    await expect.poll(async () => page.getByTestId('missing-row').count()).toBe(1);

    // a stale or mistyped ?unit= link: a notice, the whole campaign shown, and a link to the plain view
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'bukan-unit']) {
      await page.goto(`${server.url}/pledges/${campaignId}?unit=${bad}`);
      await page.getByTestId('coverage-unit-gone').waitFor();
      expect(await page.getByTestId('coverage-unit-gone').textContent()).toContain('tidak ditemukan atau di luar cakupan Anda');
      expect(Number((await page.getByTestId('coverage-required').textContent())!.replace(/\D/g, ''))).toBe(required);
      expect(await page.getByTestId('coverage-up').count()).toBe(0);
    }
    await page.getByTestId('coverage-unit-gone-link').click();
    await page.getByTestId('coverage-unit-gone').waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');

    // reminders from a unit drilled into: a confirmation names how many (that unit's missing count) and where; only that unit is reminded
    const missingShown = async () => Number((await page.getByTestId('coverage-missing').textContent())!.replace(/\D/g, ''));
    const wholeMissing = await missingShown();
    await page.getByTestId('coverage-drill').first().click();
    await page.waitForURL(/\?unit=/);
    const unit = new URL(page.url()).searchParams.get('unit')!;
    await page.getByTestId('coverage-up').waitFor();
    await expect.poll(missingShown).toBeLessThan(wholeMissing);
    const unitMissing = await missingShown();
    expect(unitMissing).toBeGreaterThan(0);
    const remindRequests: string[] = [];
    page.on('request', (r) => void (r.url().includes('/reminders') && remindRequests.push(r.url())));
    await page.getByTestId('missing-remind').click();
    const confirmText = page.getByTestId('remind-confirm-text');
    await confirmText.waitFor();
    expect(Number(await confirmText.getAttribute('data-missing'))).toBe(unitMissing);
    expect(await confirmText.textContent()).toContain(`kepada ${unitMissing.toLocaleString('id-ID')} pegawai yang belum menandatangani di `);
    expect(await confirmText.textContent()).toContain('Hanya pegawai unit ini');
    expect(remindRequests).toEqual([]); // nothing is sent by opening the dialog
    const mailsBeforeRemind = mails.length;
    const answered = page.waitForResponse((r) => r.url().includes('/reminders'));
    await page.getByTestId('remind-confirm').click();
    const run = await (await answered).json() as { employeesReminded: number; summaries: number; unreachable: number; withoutContact: number };
    expect(remindRequests).toEqual([`${server.url}/api/v1/pledge-campaigns/${campaignId}/reminders?unitId=${unit}`]);
    await page.getByTestId('missing-remind-result').waitFor();
    expect(run.employeesReminded + run.unreachable + run.withoutContact).toBeLessThanOrEqual(unitMissing);
    // this server sends e-mail only: every notice queued is one delivered, and who could not be reached is said, not counted as queued
    await expect.poll(() => mails.length - mailsBeforeRemind, { timeout: 20_000 }).toBe(run.employeesReminded + run.summaries);
    if (run.unreachable > 0) expect(await page.getByTestId('missing-remind-unreachable').textContent()).toContain(`${run.unreachable.toLocaleString('id-ID')} pegawai tidak diingatkan`);
    // from the whole campaign the dialog speaks of the whole campaign; cancelled, nothing is sent
    await page.getByTestId('coverage-up').click();
    await page.getByTestId('coverage-up').waitFor({ state: 'detached' });
    await page.getByTestId('missing-remind').click();
    await expect.poll(async () => confirmText.textContent()).toContain('di seluruh kampanye ini');
    expect(Number(await confirmText.getAttribute('data-missing'))).toBe(Number((await page.getByTestId('coverage-missing').textContent())!.replace(/\D/g, '')));
    await page.keyboard.press('Escape');
    await confirmText.waitFor({ state: 'detached' });
    expect(remindRequests).toHaveLength(1);
    await admin.close();
  });
});
