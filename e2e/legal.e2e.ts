/**
 * "Periksa kasus" and the election timeline in Debian's Chromium: the seed-004 ruling explained
 * with its citations as users read them, an invalid date refused with its message, PP 94/2021
 * sanctions and the deadlines with their legal references, and the Pilkada stages on a time axis.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';

let server: Running;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage();
  // bawaslu.kota is a supervisor (no 2FA required)
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill('bawaslu.kota');
  await page.getByTestId('login-password').fill('netra-demo-2024');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/registry/);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Mantine Select: open it, then click the option. */
async function choose(testId: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function pickRegion(code: string, name: string) {
  const input = page.getByTestId('assess-region');
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name: new RegExp(code.replace('.', '\\.')) }).first().click();
}

describe('legal engine pages', () => {
  it('explains the Kabupaten Bekasi ruling of seed 004 with its citations', async () => {
    await page.getByTestId('nav-assess').click();
    await choose('assess-election', /Pemilu.*2024|Pemilihan Umum.*2024/i);
    await pickRegion('32.16', 'Bekasi');
    await page.getByTestId('assess-incident-date').fill('2022-11-20');
    await choose('assess-actor', /^PNS$/);
    await choose('assess-act', /KE-6/);
    await page.getByTestId('assess-submit').click();
    await page.getByTestId('assess-result').waitFor();
    expect((await page.getByTestId('assess-electoral-domain').textContent())?.trim()).toBe('tidak');
    // no report date given: timeliness is not judged, and the 2022 deadline has passed rather than being "late"
    expect(await page.getByTestId('assess-timely').textContent()).toContain('Isi tanggal laporan untuk menilainya');
    expect(await page.getByTestId('assess-report-deadline').textContent()).toMatch(/sudah lewat \d+ hari/);
    const routes = await page.getByTestId('assess-routes').locator('[data-route]').evaluateAll((els) => els.map((e) => e.getAttribute('data-route')));
    expect(routes).toContain('asn_ethics');
    expect(routes).not.toContain('election_crime');
    const explanation = (await page.getByTestId('assess-explanation').textContent()) ?? '';
    expect(explanation).toMatch(/SKB|PP 42\/2004|UU 7\/2017/);
    // read as users read it: dates in words, the ruling by its public name, no research notes
    expect(explanation).toContain('20 November 2022');
    expect(explanation).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(explanation).toContain('Hasil kajian Bawaslu Kabupaten Bekasi (Pemilu 2024)');
    expect(explanation).not.toMatch(/domain\.md|seed|UNCONFIRMED|\[S\d/);
    expect(await page.getByTestId('assess-explanation-unconfirmed').count()).toBeGreaterThan(0);
    // the moral sanctions name their article, not the research behind it
    expect(await page.getByTestId('assess-sanction-source').allTextContents()).toEqual(['PP 42/2004 Pasal 15(3)', 'PP 42/2004 Pasal 15(3)']);
  });

  it('shows the engine\'s message for an impossible date order', async () => {
    await page.getByTestId('assess-known-date').fill('2022-11-01');
    await page.getByTestId('assess-submit').click();
    await page.getByTestId('assess-error').waitFor();
    expect(await page.getByTestId('assess-error').textContent()).toContain('2022-11-01');
  });

  it('lists PP 94/2021 sanctions and the deadlines with the legal references users look up', async () => {
    await page.getByTestId('assess-known-date').fill('');
    await pickRegion('32.75', 'Kota Bekasi');
    await page.getByTestId('assess-incident-date').fill('2023-12-10');
    await choose('assess-act', /D-1\b/);
    await page.getByTestId('assess-submit').click();
    const sanctions = page.getByTestId('assess-sanctions');
    await expect.poll(async () => sanctions.textContent()).toContain('PP 94/2021 Pasal 8(4)');
    const text = `${await sanctions.textContent()}\n${await page.getByTestId('assess-deadlines').textContent()}`;
    expect(text).not.toMatch(/\[S\d|domain\.md|seed|UNCONFIRMED/);
    expect(await page.getByTestId('assess-deadline-source').allTextContents()).toContain('UU 7/2017 Pasal 454(6) ("7 hari kerja"); Perbawaslu 7/2022 Pasal 8(3) ("7 Hari")');
  });

  it('draws the Pilkada 2024 stages for Kota Bekasi with the voting day', async () => {
    await page.goto(`${server.url}/timeline?election=pilkada-2024&region=32.75`);
    await page.getByTestId('timeline-chart').waitFor();
    const stages = page.getByTestId('timeline-stage');
    await expect.poll(async () => stages.count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="timeline-stage"][data-role="voting"]').count()).toBe(1);
    expect(await page.getByTestId('timeline-today').getAttribute('data-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the "Sumber" column names the regulation, not the research notes behind it
    const sources = await page.getByTestId('timeline-stage-source').allTextContents();
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(source).toMatch(/PKPU 2\/2024|UU 10\/2016|Keppres/);
      expect(source).not.toMatch(/domain\.md|seed|UNCONFIRMED|\[S\d|signed/);
    }
  });
});
