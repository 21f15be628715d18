/** Refreshes the README screenshots: `npm run screenshots -w e2e` (needs /usr/bin/chromium). */
import path from 'node:path';
import { authenticator } from 'otplib';
import { launchChromium, startServer } from './server.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const server = await startServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/login`);
  await page.screenshot({ path: path.join(out, 'login.png') });
  await page.getByTestId('login-username').fill('kesbangpol');
  await page.getByTestId('login-password').fill('netra-demo-2024');
  const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByTestId('login-submit').click();
  const secret = ((await (await login).json()) as { totpSetup: { secret: string } }).totpSetup.secret;
  await page.getByTestId('totp-code').fill(authenticator.generate(secret));
  await page.getByTestId('totp-submit').click();
  await page.getByTestId('registry-row').first().waitFor();
  await page.screenshot({ path: path.join(out, 'registry.png') });
  await page.getByTestId('nav-import').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, 'import.png') });
} finally {
  await browser.close();
  await server.stop();
}
