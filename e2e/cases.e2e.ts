/**
 * Seed 003 end to end in Debian's Chromium: a citizen sends an anonymous tip with a photo carrying
 * GPS, Bawaslu turns it into a finding and takes it through review, BKN recommends, the PPK
 * decides, the case closes — and the reporter follows it with the receipt code. A second finding
 * about one person, filed twice, is merged into the first. The shared copy of the photo has no GPS
 * while the sealed original's hash still matches.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';
import { signedInContext } from './session.ts';

let server: Running;
let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-e2e-case-'));
let photo: Buffer;
let receipt: { code: string; secret: string };
let caseId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  photo = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#1d4ed8' } })
    .withExif({ IFD0: { Make: 'Samsung', Model: 'SM-A515F' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 59/1 4500/100' } })
    .jpeg().toBuffer();
  fs.writeFileSync(path.join(tmp, 'jersey-nomor-dua.jpg'), photo);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const signedIn = (username: string) => signedInContext(browser, server.url, username);

async function act(page: Page, type: string, fields: Record<string, string | boolean> = {}) {
  await page.getByTestId(`case-action-${type}`).click();
  for (const [name, value] of Object.entries(fields)) {
    const field = page.getByTestId(`action-field-${name}`);
    if (typeof value === 'boolean') await field.check();
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('case-action-submit').click();
  // on failure, say what the server answered rather than only that the button stayed
  const error = page.getByTestId('case-action-error');
  await expect.poll(async () => (await page.getByTestId(`case-action-${type}`).count()) === 0 || ((await error.count()) ? await error.textContent() : 'pending'), { timeout: 10_000 }).toBe(true);
}

describe('seed 003: the camat in jersey number two', () => {
  it('a citizen sends an anonymous tip with a photo and gets a receipt', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('link-report').click();
    await page.getByTestId('tip-what').fill('Pj Wali Kota dan sejumlah camat berpose dengan jersey nomor punggung dua usai main sepak bola.');
    await page.getByTestId('tip-province').selectOption('32');
    await page.getByTestId('tip-regency').selectOption('32.75');
    await page.getByTestId('tip-district').selectOption('32.75.01');
    await page.getByTestId('tip-where').fill('GOR Patriot Chandrabhaga');
    await page.getByTestId('tip-date').fill('2023-12-29');
    await page.getByTestId('tip-who').fill('Camat Bekasi Barat');
    await page.getByTestId('tip-file').setInputFiles(path.join(tmp, 'jersey-nomor-dua.jpg'));
    await page.getByTestId('tip-submit').click();
    await page.getByTestId('tip-receipt-code').waitFor();
    receipt = { code: (await page.getByTestId('tip-receipt-code').textContent())!, secret: (await page.getByTestId('tip-secret').textContent())! };
    expect(receipt.code).toMatch(/^NTR-/);
    expect(await page.getByTestId('tip-file-result').getAttribute('class')).toBeTruthy();
    expect((await ctx.cookies()).length).toBe(0);
    await ctx.close();
  });

  it('Bawaslu reviews, decides and forwards; BKN recommends; the PPK decides; the case closes', async () => {
    const bawaslu = await signedIn('bawaslu.kota');
    // the tip becomes Bawaslu's own finding through the intake form, which starts from the tip
    const tip = (await (await bawaslu.page.request.get(`${server.url}/api/v1/tips`)).json()).items[0];
    await bawaslu.page.goto(`${server.url}/tips/${tip.id}`);
    // the handler sees the sender's photo (with its GPS) before deciding what to make of the tip
    await expect.poll(async () => bawaslu.page.getByTestId('case-evidence-item').count()).toBe(1);
    expect(await bawaslu.page.getByTestId('case-evidence').textContent()).toMatch(/-6\.24/);
    await bawaslu.page.getByTestId('tip-to-finding').click();
    await bawaslu.page.getByTestId('intake-from-tip').waitFor();
    expect(await bawaslu.page.getByTestId('intake-reported').inputValue()).toBe('Camat Bekasi Barat');
    expect(await bawaslu.page.getByTestId('intake-incident').inputValue()).toBe('2023-12-29');
    expect(await bawaslu.page.getByTestId('intake-place').inputValue()).toBe('GOR Patriot Chandrabhaga');
    // Bawaslu learned of it when the tip came in; the tip's words are shown, not copied into what goes to BKN and the PPK
    expect(await bawaslu.page.getByTestId('intake-known').inputValue()).toBe(tip.receivedOn);
    expect(await bawaslu.page.getByTestId('intake-tip-text').textContent()).toBe(tip.what);
    expect(await bawaslu.page.getByTestId('intake-summary').inputValue()).toBe('');
    await bawaslu.page.getByTestId('intake-election').selectOption('pemilu-2024');
    // a title too short and no summary: the fields are marked with what is wrong, the summary names them by their labels, never by request paths
    await bawaslu.page.getByTestId('intake-title').fill('Cam');
    await bawaslu.page.getByTestId('intake-submit').click();
    const intakeError = bawaslu.page.getByTestId('intake-error');
    await intakeError.waitFor();
    expect(await intakeError.textContent()).toContain('Periksa isian berikut: Perihal, Uraian singkat.');
    expect(await intakeError.textContent()).not.toMatch(/body\.|title|summary/);
    for (const field of ['intake-title', 'intake-summary']) expect(await bawaslu.page.getByTestId(field).getAttribute('aria-invalid'), field).toBe('true');
    expect(await bawaslu.page.getByTestId('intake-place').getAttribute('aria-invalid')).not.toBe('true');
    const errorOf = (testId: string) => bawaslu.page.locator('.mantine-InputWrapper-root', { has: bawaslu.page.getByTestId(testId) }).locator('.mantine-InputWrapper-error');
    expect(await errorOf('intake-title').textContent()).toBe('minimal 5 karakter terlihat');
    expect(await errorOf('intake-summary').textContent()).toBe('minimal 10 karakter terlihat');
    // the first field to correct has the focus
    await expect.poll(() => bawaslu.page.getByTestId('intake-title').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await bawaslu.page.getByTestId('intake-title').fill('Camat berpose dengan jersey nomor dua');
    await bawaslu.page.getByTestId('intake-summary').fill('Camat Bekasi Barat berpose dengan kaus bernomor dua, nomor urut peserta, di ruang publik.');
    await bawaslu.page.getByTestId('intake-act').selectOption('KE-5');
    await bawaslu.page.getByTestId('intake-actor').selectOption('PNS');
    await bawaslu.page.getByTestId('intake-submit').click();
    await bawaslu.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = bawaslu.page.url().split('/').pop()!;
    await bawaslu.page.getByTestId('case-title').waitFor();
    expect(await bawaslu.page.getByTestId('case-title').textContent()).toBe('Camat berpose dengan jersey nomor dua');
    // the reporter wrote "Camat Bekasi Barat": the registry match proposes the camat, the handler confirms
    const page = bawaslu.page;
    await page.getByTestId('case-suggest').click();
    await page.getByTestId('case-suggestion').first().waitFor();
    expect(await page.getByTestId('case-suggestion').first().textContent()).toMatch(/Camat.*Bekasi Barat/s);
    await page.getByTestId('case-suggestion-confirm').first().click();
    await page.getByTestId('case-reported-employee').waitFor();
    await page.getByTestId('nav-cases').click();
    // a search that finds nothing says so (not "nothing in your scope") and clears in one click
    await page.getByTestId('cases-row').first().waitFor();
    await page.getByTestId('cases-search').fill('tidak ada kasus seperti ini');
    await expect.poll(async () => (await page.getByTestId('cases-empty').count()) ? page.getByTestId('cases-empty').textContent() : '').toBe('Tidak ada kasus yang cocok dengan pencarian atau filter ini.');
    await page.getByTestId('cases-clear-filters').click();
    expect(await page.getByTestId('cases-search').inputValue()).toBe('');
    await page.getByTestId('cases-row').first().click();
    await page.getByTestId('case-title').waitFor();
    // the place the tip named is on the file; the handler makes it precise before the initial review
    expect(await page.getByTestId('case-fact-incidentPlace').textContent()).toBe('GOR Patriot Chandrabhaga');
    await page.getByTestId('case-action-AMEND_INTAKE').click();
    expect(await page.getByTestId('case-action-submit').isVisible()).toBe(true);
    await page.getByTestId('action-field-incidentPlace').fill('Lapangan GOR Patriot Chandrabhaga, Jl. Ahmad Yani, Bekasi Selatan');
    await page.getByTestId('case-action-submit').click();
    await expect.poll(() => page.getByTestId('case-fact-incidentPlace').textContent()).toBe('Lapangan GOR Patriot Chandrabhaga, Jl. Ahmad Yani, Bekasi Selatan');
    // the dates left empty in the dialog stayed as they were
    expect(await page.getByTestId('case-fact-incidentOn').textContent()).toMatch(/29.*2023/);
    await act(page, 'START_REVIEW');
    await act(page, 'REGISTER', { caseNumber: '001/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true });
    await act(page, 'BEGIN_REVIEW');
    await page.getByTestId('case-action-RECORD_CLARIFICATION').click();
    await page.getByTestId('action-field-party').selectOption('reported');
    await page.getByTestId('action-field-personLabel').fill('Camat Bekasi Barat');
    await page.getByTestId('action-field-heldOn').fill(new Date().toISOString().slice(0, 10));
    await page.getByTestId('action-field-statement').fill('Foto diambil usai olahraga Jumat pagi; tidak bermaksud mendukung calon.');
    await page.getByTestId('case-action-submit').click();
    await expect.poll(async () => (await page.getByTestId('case-events').textContent()) ?? '').toContain('Catat klarifikasi');
    await act(page, 'DECIDE', { outcome: 'other_law', reasoning: 'Dugaan pelanggaran kode etik ASN (SKB 2022, KE-5).' });
    // the authority in office today is proposed (BKN since KASN's functions moved in 2024)
    await page.getByTestId('case-action-FORWARD').click();
    expect(await page.getByTestId('action-field-authorityId').inputValue()).toBe('BKN');
    await page.getByTestId('case-action-submit').click();
    await page.getByTestId('case-action-error').waitFor(); // the letter number is required
    // named by its label, and its input marked (not "Kolom letterNumber")
    expect(await page.getByTestId('case-action-error').textContent()).toContain('Nomor surat wajib diisi');
    expect(await page.getByTestId('case-action-error').textContent()).not.toContain('letterNumber');
    expect(await page.getByTestId('action-field-letterNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('action-field-authorityId').getAttribute('aria-invalid')).not.toBe('true');
    await page.getByTestId('action-field-letterNumber').fill('012/PP.01/K.JB-17/01/2024');
    await page.getByTestId('case-action-submit').click();
    await expect.poll(async () => page.getByTestId('case-action-FORWARD').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('forwarded');
    expect(await page.getByTestId('assess-explanation').textContent()).toMatch(/SKB|PP 42/);

    const bkn = await signedIn('bkn');
    // BKN's desk opens on the forwarding queue
    await bkn.page.getByTestId('nav-cases').click();
    await bkn.page.getByTestId('cases-row').first().click();
    await bkn.page.waitForURL(new RegExp(caseId));
    await bkn.page.getByTestId('case-action-RECOMMEND').click();
    // (the act list loads with the dialog: until it arrives the select has no option to show)
    await expect.poll(async () => bkn.page.getByTestId('action-field-actCode').inputValue()).toBe('KE-5');
    // an ethics act (KE-5) offers the moral sanctions of PP 42/2004 only
    await expect.poll(async () => bkn.page.getByTestId('action-field-sanctionId').locator('option').allTextContents()).toEqual([expect.stringContaining('tertutup'), expect.stringContaining('terbuka')]);
    // another act chosen, then the first again: the sanction the list shows is the one recorded, never an empty choice
    await bkn.page.getByTestId('action-field-actCode').selectOption('D-8');
    await expect.poll(async () => bkn.page.getByTestId('action-field-sanctionId').inputValue()).not.toBe('');
    await bkn.page.getByTestId('action-field-actCode').selectOption('KE-5');
    await expect.poll(async () => bkn.page.getByTestId('action-field-sanctionId').inputValue()).toBe('moral_closed');
    await bkn.page.getByTestId('action-field-letterNumber').fill('R-123/BKN/2024');
    await bkn.page.getByTestId('case-action-submit').click();
    await expect.poll(async () => bkn.page.getByTestId('case-action-RECOMMEND').count(), { timeout: 10_000 }).toBe(0);
    // the recommendation is on the case page: the sanction in words and the letter
    expect(await bkn.page.getByTestId('case-recommendation-sanction').textContent()).toMatch(/tertutup/);
    expect(await bkn.page.getByTestId('case-recommendation-letter').textContent()).toBe('R-123/BKN/2024');
    // the PPK's desk opens on the decisions it has to take; the recommended sanction is proposed
    const ppk = await signedIn('ppk');
    await ppk.page.getByTestId('nav-cases').click();
    await ppk.page.getByTestId('cases-row').first().click();
    await ppk.page.waitForURL(new RegExp(caseId));
    await act(ppk.page, 'PPK_DECIDE', { decreeNumber: '800/Kep.12-BKPSDM/2024', decidedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()) }); // the office's (WIB) date, as the recommendation's
    expect(await ppk.page.getByTestId('case-flag').count()).toBe(0); // imposed = recommended
    // and so is the PPK's decree: its number, the sanction and the date in words
    expect(await ppk.page.getByTestId('case-ppk-decision-number').textContent()).toBe('800/Kep.12-BKPSDM/2024');
    expect(await ppk.page.getByTestId('case-ppk-decision-sanction').textContent()).toMatch(/tertutup/);
    expect(await ppk.page.getByTestId('case-ppk-decision-date').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.reload();
    await act(page, 'CLOSE', { note: 'Sanksi moral telah dijatuhkan PPK.' });
    expect(await page.getByTestId('case-ppk-decision-number').textContent()).toBe('800/Kep.12-BKPSDM/2024');
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('closed');
    // the tip's photo travelled with the case: the handler sees it with its GPS as a plausibility signal
    await expect.poll(async () => page.getByTestId('case-evidence-item').count()).toBe(1);
    expect(await page.getByTestId('case-evidence').textContent()).toMatch(/-6\.24/);
    for (const c of [bawaslu, bkn, ppk]) await c.ctx.close();
  });

  it('a duplicate finding about the same person is merged into the open one, which records it', async () => {
    const bawaslu = await signedIn('bawaslu.kota');
    const req = bawaslu.page.request;
    const { csrfToken } = (await (await req.get(`${server.url}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const reported = ((await (await req.get(`${server.url}/api/v1/employees?pageSize=1`)).json()) as { items: { id: string }[] }).items[0]!;
    expect(reported).toBeTruthy();
    const finding = async (title: string) => {
      const r = await req.post(`${server.url}/api/v1/cases/findings`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { electionId: 'pemilu-2024', regionCode: '32.75', title, summary: 'Lurah membagikan kalender bergambar calon di kantor kelurahan.', incidentOn: '2024-01-10', actCode: 'KE-5', actorType: 'PNS', reportedText: 'Lurah Bintara', reportedEmployeeId: reported.id },
      });
      expect(r.status(), await r.text()).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    const first = await finding('Lurah Bintara membagikan kalender calon');
    const duplicate = await finding('Kalender calon dibagikan Lurah Bintara');
    const page = bawaslu.page;
    await page.goto(`${server.url}/cases/${duplicate}`);
    await page.getByTestId('case-action-MERGE').click();
    // the surviving case is offered among the same person's open cases, marked as a likely duplicate
    await expect.poll(async () => page.getByTestId('action-field-intoCaseId').locator('option').allTextContents()).toContainEqual(expect.stringContaining('Lurah Bintara membagikan kalender calon'));
    await page.getByTestId('action-field-intoCaseId').selectOption(first);
    await page.getByTestId('action-field-reason').fill('Laporan ganda atas peristiwa yang sama.');
    await page.getByTestId('case-action-submit').click();
    await expect.poll(async () => page.getByTestId('case-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('merged');
    expect(await page.getByTestId('case-action-MERGE').count()).toBe(0);
    // the surviving case records where the duplicate went
    await page.goto(`${server.url}/cases/${first}`);
    await expect.poll(async () => (await page.getByTestId('case-events').textContent()) ?? '').toContain('Kasus ganda digabungkan ke sini');
    await bawaslu.ctx.close();
  });

  it('"Kepala Dinas Pendidikan Kota Bekasi" is found in the registry, and a NIP typed by the handler finds that person', async () => {
    const { ctx, page } = await signedIn('bawaslu.kota');
    const { csrfToken } = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const r = await page.request.post(`${server.url}/api/v1/cases/findings`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { electionId: 'pemilu-2024', regionCode: '32.75', title: 'Kepala dinas mengarahkan guru', summary: 'Kepala dinas mengarahkan guru memilih calon tertentu.', incidentOn: '2024-01-10', actCode: 'KE-6', actorType: 'PNS', reportedText: 'Kepala Dinas Pendidikan Kota Bekasi' },
    });
    expect(r.status(), await r.text()).toBe(201);
    await page.goto(`${server.url}/cases/${((await r.json()) as { id: string }).id}`);
    await page.getByTestId('case-suggest').click();
    await page.getByTestId('case-suggestion').first().waitFor();
    const first = page.getByTestId('case-suggestion').first();
    expect(await first.textContent()).toMatch(/Kepala · Dinas Pendidikan/);
    const employeeId = await first.getAttribute('data-employee-id');
    const nip = (await first.textContent())!.match(/(\d{18}) · Kepala/)![1]!; // (the score badge's digits run into it in textContent)
    // the handler searches by NIP: that employee alone
    await page.getByTestId('case-suggest-text').fill(nip);
    await page.getByTestId('case-suggest').click();
    await expect.poll(async () => page.getByTestId('case-suggestion').evaluateAll((rows) => rows.map((x) => x.getAttribute('data-employee-id')))).toEqual([employeeId]);
    await page.getByTestId('case-suggestion-confirm').click();
    await page.getByTestId('case-reported-employee').waitFor();
    await ctx.close();
  });

  it('a report not registered is taken up as a finding, without the reporter\'s identity or account', async () => {
    const { ctx, page } = await signedIn('bawaslu.kota');
    await page.goto(`${server.url}/cases/new`);
    await page.getByTestId('intake-kind').getByText('Laporan resmi', { exact: false }).click();
    await page.getByTestId('intake-election').selectOption('pemilu-2024');
    await page.getByTestId('tip-province').selectOption('32');
    await page.getByTestId('tip-regency').selectOption('32.75');
    await page.getByTestId('intake-title').fill('Lurah mengajak warga memilih calon');
    await page.getByTestId('intake-summary').fill('Lurah Margahayu mengajak warga memilih calon nomor satu dalam rapat RT.');
    await page.getByTestId('intake-incident').fill('2024-01-05');
    await page.getByTestId('intake-known').fill('2024-01-06');
    await page.getByTestId('intake-place').fill('Balai Warga RW 03 Margahayu');
    await page.getByTestId('intake-reported').fill('Lurah Margahayu');
    await page.getByTestId('intake-reporter-name').fill('Siti Rahmawati');
    await page.getByTestId('intake-reporter-address').fill('Jl. Melati No. 7, Bekasi Timur');
    await page.getByTestId('intake-chronology').fill('Pada rapat RT tanggal 5 Januari 2024 Lurah mengajak warga memilih calon nomor satu.');
    // a KTP number that is no NIK is refused and the field says why
    await page.getByTestId('intake-reporter-idNumber').fill('1234');
    await page.getByTestId('intake-submit').click();
    await expect.poll(async () => page.getByTestId('intake-reporter-idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.mantine-InputWrapper-error').allTextContents()).toContainEqual(expect.stringContaining('NIK 16 angka'));
    await page.getByTestId('intake-reporter-idNumber').fill('3275014501900001');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/).catch(async (e: unknown) => {
      throw new Error(`report not opened: ${await page.getByRole('alert').allTextContents()}`, { cause: e });
    });
    const reportId = page.url().split('/').pop()!;
    // the assigned handler opens the sealed identity with a reason; it shows in the dialog only
    await page.getByTestId('case-reporter-identity').waitFor();
    expect(await page.content()).not.toContain('Siti Rahmawati');
    await page.getByTestId('case-reporter-identity').click();
    await page.getByTestId('reporter-identity-reason').fill('Memanggil pelapor untuk klarifikasi');
    await page.getByTestId('reporter-identity-submit').click();
    expect(await page.getByTestId('reporter-identity-name').textContent()).toBe('Siti Rahmawati');
    expect(await page.getByTestId('reporter-identity-idNumber').textContent()).toBe('3275014501900001');
    expect(page.url()).not.toContain('Siti');
    await page.getByTestId('reporter-identity-close').click();
    await expect.poll(async () => page.getByTestId('reporter-identity').count()).toBe(0);
    expect(await page.content()).not.toContain('Siti Rahmawati');
    // opening it again asks for a reason again: nothing was kept
    await page.getByTestId('case-reporter-identity').click();
    await page.getByTestId('reporter-identity-reason').waitFor();
    expect(await page.getByTestId('reporter-identity-name').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.getByTestId('reporter-identity-reason').count()).toBe(0);
    await act(page, 'START_REVIEW');
    await act(page, 'REJECT', { reason: 'Laporan disampaikan melewati batas waktu 7 hari kerja sejak diketahui.' });
    // not registered: Bawaslu may still take it up as initial information for its own finding (Perbawaslu 7/2022 Pasal 14)
    await page.getByTestId('case-take-up').click();
    await page.getByTestId('intake-from-case').waitFor();
    expect(await page.getByTestId('intake-from-case').textContent()).toContain('Lurah mengajak warga memilih calon');
    // the report's kind is not offered: a finding carries no reporter
    expect(await page.getByTestId('intake-reporter-name').count()).toBe(0);
    await page.getByTestId('intake-election').selectOption('pemilu-2024');
    await page.getByTestId('intake-title').fill('Temuan: Lurah mengajak warga memilih calon');
    await page.getByTestId('intake-summary').fill('Pengawas menindaklanjuti informasi tentang Lurah Margahayu yang mengajak warga memilih calon.');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL((url) => /\/cases\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(reportId));
    expect(await page.getByTestId('case-title').textContent()).toBe('Temuan: Lurah mengajak warga memilih calon');
    // nothing of the reporter travels with it
    expect(await page.content()).not.toContain('Siti Rahmawati');
    expect(await page.content()).not.toContain('Jl. Melati');
    await ctx.close();
  });

  it('the reporter follows the case with the receipt code', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/lapor/pantau`);
    await page.getByTestId('follow-code').fill(receipt.code);
    await page.getByTestId('follow-secret').fill(receipt.secret);
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-status').waitFor();
    expect(await page.getByTestId('follow-status').getAttribute('data-status')).toBe('converted_finding');
    await expect.poll(async () => page.locator('[data-testid="follow-message"][data-author="system"]').count()).toBeGreaterThanOrEqual(3);
    await ctx.close();
  });

  it('the shared copy of the photo has no GPS; the sealed original still matches its hash', async () => {
    const bawaslu = await signedIn('bawaslu.kota');
    const list = await (await bawaslu.page.request.get(`${server.url}/api/v1/cases/${caseId}/evidence`)).json();
    expect(list.items).toHaveLength(1);
    const ev = list.items[0];
    expect(ev.sha256).toBe(crypto.createHash('sha256').update(photo).digest('hex'));
    expect(ev.metadata.gps.lat).toBeCloseTo(-6.2417, 3);
    const copy = await (await bawaslu.page.request.get(`${server.url}/api/v1/evidence/${ev.id}/copy`)).body();
    expect(await exifr.gps(copy).catch(() => undefined)).toBeUndefined();
    // the handler opens the sealed original on the case page, with a reason the custody log keeps
    const page = bawaslu.page;
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('case-evidence-original').click();
    await page.getByTestId('case-evidence-original-reason').fill('Verifikasi keaslian foto untuk kajian');
    const download = page.waitForEvent('download');
    await page.getByTestId('case-evidence-original-open').click();
    const original = fs.readFileSync((await (await download).path())!);
    expect(crypto.createHash('sha256').update(original).digest('hex')).toBe(ev.sha256);
    await page.getByTestId('case-evidence-custody').click();
    await expect.poll(async () => (await page.getByTestId('case-evidence-custody-log').textContent()) ?? '').toContain('Verifikasi keaslian foto untuk kajian');
    await bawaslu.ctx.close();
  });
});
