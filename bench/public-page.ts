/**
 * bench/public-page: the public report page (/lapor) and the pledge verification page on a slow
 * connection, in Debian's Chromium with the network throttled through the DevTools protocol
 * (WebPageTest's "3G Slow": 400 kbit/s each way, 400 ms round trip), next to the same pages
 * unthrottled in the same run. Prints bytes transferred, requests and time until the form can be
 * used. Budget: a citizen on 3G can start typing within 10 s; the page moves under 250 KB.
 *   npm run public-page -w bench
 */
import type { Browser } from 'playwright-core';
import { launchChromium, startServer } from '../e2e/server.ts';

const SLOW = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

async function load(browser: Browser, url: string, ready: string, throttle: boolean) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', SLOW);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  const t0 = performance.now();
  await page.goto(url);
  await page.getByTestId(ready).waitFor({ timeout: 120_000 });
  const usable = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  const out = { usable, bytes, requests };
  await ctx.close();
  return out;
}

const server = await startServer();
const browser = await launchChromium();
try {
  const rows: [string, string, string][] = [['/lapor (report a violation)', '/lapor', 'tip-what'], ['/lapor/pantau (follow with the receipt)', '/lapor/pantau', 'follow-code']];
  console.log(`${'page'.padEnd(42)} ${'network'.padEnd(12)} ${'usable after'.padStart(12)} ${'transferred'.padStart(12)} requests`);
  for (const [label, path, ready] of rows)
    for (const throttle of [false, true]) {
      await load(browser, `${server.url}${path}`, ready, throttle); // warm the server, not the browser (cache is off)
      const r = await load(browser, `${server.url}${path}`, ready, throttle);
      console.log(`${label.padEnd(42)} ${(throttle ? '3G slow' : 'local').padEnd(12)} ${`${(r.usable / 1000).toFixed(2)} s`.padStart(12)} ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(12)} ${r.requests}`);
    }
  console.log('budget: usable within 10 s on 3G slow, under 250 KB transferred');
} finally {
  await browser.close();
  await server.stop();
}
