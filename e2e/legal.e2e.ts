/**
 * "Periksa kasus" and the election timeline in Debian's Chromium: the seed-004 ruling explained
 * with its citations, an invalid date refused with its message, and the Pilkada stages on a time axis.
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
    const routes = await page.getByTestId('assess-routes').locator('[data-route]').evaluateAll((els) => els.map((e) => e.getAttribute('data-route')));
    expect(routes).toContain('asn_ethics');
    expect(routes).not.toContain('election_crime');
    expect(await page.getByTestId('assess-explanation').textContent()).toMatch(/SKB|PP 42\/2004|UU 7\/2017/);
  });

  it('shows the engine\'s message for an impossible date order', async () => {
    await page.getByTestId('assess-known-date').fill('2022-11-01');
    await page.getByTestId('assess-submit').click();
    await page.getByTestId('assess-error').waitFor();
    expect(await page.getByTestId('assess-error').textContent()).toContain('2022-11-01');
  });

  it('draws the Pilkada 2024 stages for Kota Bekasi with the voting day', async () => {
    await page.goto(`${server.url}/timeline?election=pilkada-2024&region=32.75`);
    await page.getByTestId('timeline-chart').waitFor();
    const stages = page.getByTestId('timeline-stage');
    await expect.poll(async () => stages.count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="timeline-stage"][data-role="voting"]').count()).toBe(1);
    expect(await page.getByTestId('timeline-today').getAttribute('data-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
