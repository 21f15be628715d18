/// <reference lib="dom" />
/**
 * Users & roles in Debian's Chromium against the real product with the demo Pemda: the agency admin makes a
 * self-service account for an employee picked by NIP, looks after it (contacts, a new password the employee then
 * signs in with), sees scopes in words, cannot touch an account holding a role it cannot grant; the system admin
 * resets the two-step verification of an admin who lost their phone, who then enrols again.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';
import { DEMO_PASSWORD, signInAs } from './session.ts';

let server: Running;
let browser: Browser;
let kesbangpol: Page;
let admin: Page;
let staff: { name: string; nip: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  kesbangpol = await (await browser.newContext()).newPage();
  admin = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The users page, searched for one account; its row. */
async function userRow(page: Page, username: string): Promise<Locator> {
  if (!page.url().endsWith('/users')) await page.goto(`${server.url}/users`);
  await page.getByTestId('users-search').fill(username);
  const row = page.getByTestId('user-row').filter({ has: page.getByText(username, { exact: true }) });
  await row.waitFor();
  return row;
}

async function openActions(page: Page, row: Locator) {
  await row.getByRole('button', { name: /^Tindakan untuk / }).click();
}

/** A request with the signed-in session (and its CSRF token), as the web app makes it. */
async function apiAs<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(async ({ method, path, body }) => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    const res = await fetch(`/api/v1${path}`, {
      method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }, { method, path, body }) as Promise<T>;
}

describe('users and roles in the browser', () => {
  it('an agency admin makes a self-service account for an employee picked by NIP; the scope names the employee', async () => {
    await signInAs(kesbangpol, server.url, 'kesbangpol');
    // the demo employee account reads as its employee, not as "Nasional"
    const demo = await userRow(kesbangpol, 'pegawai');
    expect(await demo.getByTestId('user-grant-scope').textContent()).toMatch(/^Pegawai: .+ \(NIP \d{18}\)$/);

    const found = await apiAs<{ items: { name: string; nip: string | null }[] }>(kesbangpol, 'GET', '/employees?type=PNS&sort=-name&pageSize=5');
    const pick = found.items.find((e) => e.nip)!;
    staff = { name: pick.name, nip: pick.nip! };

    await kesbangpol.getByTestId('user-create').click();
    await kesbangpol.getByTestId('user-username').fill('staf.e2e');
    await kesbangpol.getByTestId('user-password').fill('sandi-sementara-1');
    await kesbangpol.getByTestId('grant-role').click();
    await kesbangpol.getByRole('option', { name: 'Pegawai', exact: true }).click();
    // no region, agency or unit to choose: the employee's record is the scope
    await kesbangpol.getByTestId('grant-self-scope').waitFor();
    expect(await kesbangpol.getByTestId('grant-agency').count()).toBe(0);
    const picker = kesbangpol.getByTestId('user-employee');
    await picker.click();
    await picker.fill(staff.nip);
    await kesbangpol.getByRole('option', { name: new RegExp(staff.nip) }).click();
    expect(await kesbangpol.getByTestId('user-display-name').inputValue()).toBe(staff.name);
    await kesbangpol.getByTestId('user-submit').click();
    await kesbangpol.getByTestId('user-submit').waitFor({ state: 'detached' });

    const row = await userRow(kesbangpol, 'staf.e2e');
    expect(await row.getByTestId('user-grant-scope').textContent()).toBe(`Pegawai: ${staff.name} (NIP ${staff.nip})`);
  });

  it('looks after the account: contacts, then a new password the employee signs in with', async () => {
    let row = await userRow(kesbangpol, 'staf.e2e');
    await openActions(kesbangpol, row);
    await kesbangpol.getByTestId('user-action-editContacts').click();
    await kesbangpol.getByTestId('contacts-email').fill('staf.e2e@bekasikota.go.id');
    await kesbangpol.getByTestId('contacts-phone').fill('+6281200001111');
    await kesbangpol.getByTestId('contacts-submit').click();
    await kesbangpol.getByTestId('contacts-submit').waitFor({ state: 'detached' });
    // opened again, the dialog shows what was saved
    row = await userRow(kesbangpol, 'staf.e2e');
    await openActions(kesbangpol, row);
    await kesbangpol.getByTestId('user-action-editContacts').click();
    await expect.poll(() => kesbangpol.getByTestId('contacts-email').inputValue()).toBe('staf.e2e@bekasikota.go.id');
    expect(await kesbangpol.getByTestId('contacts-phone').inputValue()).toBe('+6281200001111');
    await kesbangpol.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

    await openActions(kesbangpol, row);
    await kesbangpol.getByTestId('user-action-resetPassword').click();
    await kesbangpol.getByTestId('reset-password').fill(DEMO_PASSWORD);
    await kesbangpol.getByTestId('reset-password-submit').click();
    await kesbangpol.getByTestId('reset-password-submit').waitFor({ state: 'detached' });

    const own = await (await browser.newContext()).newPage();
    const r = await signInAs(own, server.url, 'staf.e2e');
    expect(r.totp).toBe(false);
    await own.context().close();
  });

  it('names regions in words, and keeps an agency admin off an account holding a role it cannot grant', async () => {
    await signInAs(admin, server.url, 'admin');
    const bawaslu = await userRow(admin, 'bawaslu.kota');
    expect(await bawaslu.getByTestId('user-grant-scope').textContent()).toBe('Wilayah: Kota Bekasi, Jawa Barat');

    // a BKN officer working on Kota Bekasi: only the system admin may grant that role
    const agencies = await apiAs<{ items: { id: string; name: string }[] }>(admin, 'GET', '/agencies?pageSize=200');
    const kota = agencies.items.find((a) => a.name === 'Pemerintah Kota Bekasi')!;
    await apiAs(admin, 'POST', '/users', { username: 'bkn.kota.e2e', displayName: 'Petugas BKN Kota', password: DEMO_PASSWORD, role: 'authority_officer', agencyId: kota.id });

    await kesbangpol.goto(`${server.url}/users`);
    const row = await userRow(kesbangpol, 'bkn.kota.e2e');
    expect(await row.getByRole('button', { name: /^Cabut peran/ }).count()).toBe(0);
    await openActions(kesbangpol, row);
    await kesbangpol.getByTestId('user-not-manageable').waitFor();
    expect(await kesbangpol.getByTestId('user-action-deactivate').count()).toBe(0);
    expect(await kesbangpol.getByTestId('user-action-editContacts').count()).toBe(0);
    await kesbangpol.keyboard.press('Escape');
  });

  it('the system admin resets the two-step verification of an admin who lost their phone; they enrol again', async () => {
    const row = await userRow(admin, 'kesbangpol');
    await row.getByText('2FA aktif').waitFor();
    await openActions(admin, row);
    await admin.getByTestId('user-action-resetTotp').click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Atur ulang verifikasi dua langkah' }).click();
    await row.getByText('2FA belum aktif').waitFor();
    // the lost phone's session is over too: the next sign-in sets up a new authenticator
    const r = await signInAs(kesbangpol, server.url, 'kesbangpol');
    expect(r.totp).toBe(true);
  });
});
