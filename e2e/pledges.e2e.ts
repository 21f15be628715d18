/**
 * Issue 5 in Debian's Chromium: the Kesbangpol admin opens a pledge campaign for Kota Bekasi; an
 * employee signs on the public page with a one-time code delivered by e-mail (a real local SMTP
 * server); the signed PDF's QR code opens a valid verification page; coverage moves; the list of
 * who has not signed exports.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfQr, pdfText } from '../apps/api/test/pdf-inspect.ts';
import { launchChromium, startServer, type Running } from './server.ts';
import { signInAs } from './session.ts';

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

describe('neutrality pledges: campaign, self-service signing, verification, coverage', () => {
  it('an admin opens a campaign, an employee signs with a one-time code, the QR verifies, coverage moves, the missing list exports', async () => {
    const admin = await browser.newContext({ acceptDownloads: true });
    admin.setDefaultTimeout(15_000);
    const page = await admin.newPage();
    await signInAs(page, server.url, 'kesbangpol');

    await page.getByTestId('nav-pledges').click();
    await page.getByTestId('campaign-new').click();
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
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

    // someone on the missing list who can receive a code
    await page.getByTestId('missing-row').first().waitFor();
    const rows = page.getByTestId('missing-row');
    let nip = '';
    for (let i = 0; i < (await rows.count()) && !nip; i++)
      if ((await rows.nth(i).textContent())!.includes('dapat diingatkan')) nip = (await rows.nth(i).locator('td').first().textContent())!.trim();
    expect(nip).toMatch(/^\d{18}$/);

    // the employee, on a phone, without an account
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    phone.setDefaultTimeout(15_000);
    const p = await phone.newPage();
    await p.goto(`${server.url}/tandatangan/${campaignId}`);
    expect(await p.getByTestId('sign-text').textContent()).toMatch(/netral/i);
    await p.getByTestId('sign-nip').fill(nip);
    await p.getByTestId('sign-request').click();
    await p.getByTestId('sign-sent').waitFor();
    await expect.poll(() => mails.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const code = /Anda: (\d{6})/.exec(mails.at(-1)!.body.replace(/=\r?\n/g, ''))![1]!;
    // a wrong code is refused with a clear message; the right one signs
    await p.getByTestId('sign-code').fill(code === '000000' ? '111111' : '000000');
    await p.getByTestId('sign-submit').click();
    await p.getByTestId('sign-error').waitFor();
    expect(await p.getByTestId('sign-error').textContent()).toMatch(/Kode salah|Wrong code/);
    await p.getByTestId('sign-code').fill(code);
    await p.getByTestId('sign-submit').click();
    await p.getByTestId('sign-done').waitFor();
    const verifyCode = (await p.getByTestId('sign-verify-code').textContent())!.trim();
    const download = p.waitForEvent('download');
    await p.getByTestId('sign-download').click();
    const pdf = await bytesOf(await download);
    expect(await pdfText(pdf)).toContain(verifyCode);
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
    await page.getByTestId('missing-search').fill(nip);
    await expect.poll(async () => page.getByTestId('missing-row').count()).toBe(0);
    const csv = page.waitForEvent('download');
    await page.getByTestId('missing-export-csv').click();
    const file = (await bytesOf(await csv)).toString('utf8');
    const lines = file.trim().split('\n');
    expect(lines.length - 1).toBe(required - 1);
    expect(file).not.toContain(nip);
    expect(file).not.toMatch(/@|\+62/); // no contact data in the export
    await admin.close();
  });
});
