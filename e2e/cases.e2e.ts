/**
 * Seed 003 end to end in Debian's Chromium: a citizen sends an anonymous tip with a photo carrying
 * GPS, Bawaslu turns it into a finding and takes it through review, BKN recommends, the PPK
 * decides, the case closes — and the reporter follows it with the receipt code. The shared copy
 * of the photo has no GPS while the sealed original's hash still matches.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';

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

async function signedIn(username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('netra-demo-2024');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/registry/);
  return { ctx, page };
}

async function act(page: Page, type: string, fields: Record<string, string | boolean> = {}) {
  await page.getByTestId(`case-action-${type}`).click();
  for (const [name, value] of Object.entries(fields)) {
    const field = page.getByTestId(`action-field-${name}`);
    if (typeof value === 'boolean') await field.check();
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('case-action-submit').click();
  await expect.poll(async () => page.getByTestId(`case-action-${type}`).count(), { timeout: 10_000 }).toBe(0);
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
    // the tip becomes Bawaslu's own finding (the tip inbox is API-only for now)
    const tips = await bawaslu.page.request.get(`${server.url}/api/v1/tips`);
    const tip = (await tips.json()).items[0];
    const me = await (await bawaslu.page.request.get(`${server.url}/api/v1/auth/me`)).json();
    const opened = await bawaslu.page.request.post(`${server.url}/api/v1/cases/findings`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { tipId: tip.id, electionId: 'pemilu-2024', regionCode: '32.75', title: 'Camat berpose dengan jersey nomor dua', summary: tip.what, incidentOn: '2023-12-29', actCode: 'KE-5', actorType: 'PNS', reportedText: tip.who },
    });
    expect(opened.status()).toBe(201);
    caseId = (await opened.json()).id;
    // the reporter wrote "Camat Bekasi Barat": the registry match proposes the camat, the handler confirms
    const sugg = await (await bawaslu.page.request.get(`${server.url}/api/v1/cases/${caseId}/reported-suggestions`)).json();
    expect(sugg.items[0].position).toBe('Camat');
    expect(sugg.items[0].unitPath).toContain('Bekasi Barat');
    const confirmed = await bawaslu.page.request.post(`${server.url}/api/v1/cases/${caseId}/reported-person`, { headers: { 'x-csrf-token': me.csrfToken }, data: { employeeId: sugg.items[0].employeeId } });
    expect(confirmed.status()).toBe(200);
    const page = bawaslu.page;
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-row').first().click();
    await page.getByTestId('case-title').waitFor();
    await act(page, 'START_REVIEW');
    await act(page, 'REGISTER', { caseNumber: '001/Reg/TM/PL/Kota/13.13/I/2024', formal: true, material: true });
    await act(page, 'BEGIN_REVIEW');
    await page.getByTestId('case-action-RECORD_CLARIFICATION').click();
    await page.getByTestId('action-field-party').selectOption('reported');
    await page.getByTestId('action-field-personLabel').fill('Camat Bekasi Barat');
    await page.getByTestId('action-field-heldOn').fill(new Date().toISOString().slice(0, 10));
    await page.getByTestId('action-field-statement').fill('Foto diambil usai olahraga Jumat pagi; tidak bermaksud mendukung calon.');
    await page.getByTestId('case-action-submit').click();
    await expect.poll(async () => (await page.getByTestId('case-events').textContent()) ?? '').toContain('RECORD_CLARIFICATION');
    await act(page, 'DECIDE', { outcome: 'other_law', reasoning: 'Dugaan pelanggaran kode etik ASN (SKB 2022, KE-5).' });
    await act(page, 'FORWARD', { authorityId: 'BKN', letterNumber: '012/PP.01/K.JB-17/01/2024' });
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('forwarded');
    expect(await page.getByTestId('assess-explanation').textContent()).toMatch(/SKB|PP 42/);

    const bkn = await signedIn('bkn');
    await bkn.page.goto(`${server.url}/cases/${caseId}`);
    await act(bkn.page, 'RECOMMEND', { actCode: 'KE-5', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-123/BKN/2024' });
    const ppk = await signedIn('ppk');
    await ppk.page.goto(`${server.url}/cases/${caseId}`);
    await act(ppk.page, 'PPK_DECIDE', { decreeNumber: '800/Kep.12-BKPSDM/2024', sanctionId: 'moral_open', level: 'moral', decidedOn: new Date().toISOString().slice(0, 10) });
    await page.reload();
    await act(page, 'CLOSE', { note: 'Sanksi moral telah dijatuhkan PPK.' });
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('closed');
    // the tip's photo travelled with the case: the handler sees it with its GPS as a plausibility signal
    await expect.poll(async () => page.getByTestId('case-evidence-item').count()).toBe(1);
    expect(await page.getByTestId('case-evidence').textContent()).toMatch(/-6\.24/);
    for (const c of [bawaslu, bkn, ppk]) await c.ctx.close();
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
    const me = await (await bawaslu.page.request.get(`${server.url}/api/v1/auth/me`)).json();
    const original = await (await bawaslu.page.request.post(`${server.url}/api/v1/evidence/${ev.id}/original`, { headers: { 'x-csrf-token': me.csrfToken }, data: { reason: 'Verifikasi keaslian foto untuk kajian' } })).body();
    expect(crypto.createHash('sha256').update(original).digest('hex')).toBe(ev.sha256);
    await bawaslu.ctx.close();
  });
});
