/** Signs a demo account in through the login page, completing the TOTP enrolment admin roles require. */
import { authenticator } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'netra-demo-2024';

export async function signInAs(page: Page, baseUrl: string, username: string): Promise<{ totp: boolean }> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  const loginResponse = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByTestId('login-submit').click();
  const body = (await (await loginResponse).json()) as { status: string; totpSetup?: { secret: string } };
  if (body.status === 'totp_setup_required') {
    // the secret is shown to the user for their authenticator app
    const secret = body.totpSetup!.secret;
    for (let i = 0; !(await page.content()).includes(secret); i++) {
      if (i > 50) throw new Error('the TOTP secret was not shown to the user');
      await page.waitForTimeout(100);
    }
    await page.getByTestId('totp-code').fill(authenticator.generate(body.totpSetup!.secret));
    await page.getByTestId('totp-submit').click();
  }
  await page.waitForURL(/\/registry/);
  return { totp: body.status === 'totp_setup_required' };
}

/**
 * A demo account signed in in a context of its own (its own cookies), where a missing element fails with its
 * name after 15 s, well inside a test's time.
 */
export async function signedInContext(browser: Browser, baseUrl: string, username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await signInAs(page, baseUrl, username);
  return { ctx, page };
}
