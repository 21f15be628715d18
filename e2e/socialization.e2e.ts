/**
 * Issue 5 item 4 in Debian's Chromium: the Kesbangpol admin creates a socialization event; its QR
 * check-in link opens on a phone without an account and records an OPD head's attendance; the head's
 * briefing of their staff is confirmed; "briefed" coverage reaches those staff, drilled down by unit;
 * a pasted attendance list adds who came without the QR; a new check-in link retires the old one;
 * a banner is logged for the unit. Corrections: the event's title is corrected, the banner and the
 * briefing are withdrawn with a reason and stay listed as withdrawn.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Running } from './server.ts';
import { signInAs } from './session.ts';

let server: Running;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Employee = { nip: string | null; position: string | null; unitId: string | null; unitPath: string | null; employmentType: string; active: boolean };

describe('socialization: event, QR check-in, briefing cascade, briefed coverage', () => {
  it('an OPD head checks in by QR, confirms briefing their staff, and coverage of briefed reaches them', async () => {
    const admin = await browser.newContext({ timezoneId: 'Asia/Jakarta' }); // the event date is Bekasi's local date
    admin.setDefaultTimeout(15_000);
    const page = await admin.newPage();
    await signInAs(page, server.url, 'kesbangpol');
    const get = async <T>(path: string) => (await (await admin.request.get(`${server.url}/api/v1${path}`)).json()) as T;
    const agency = (await get<{ items: { id: string }[] }>('/agencies')).items[0]!;
    const opd = (await get<{ items: { id: string; path: string; kind: string }[] }>(`/agencies/${agency.id}/units`)).items.find((u) => u.kind === 'opd')!;
    const staff = await get<{ items: Employee[] }>(`/employees?unitId=${opd.id}&pageSize=200`);
    const head = staff.items.find((e) => e.position === 'Kepala' && e.nip && e.unitId === opd.id)!;
    expect(head).toBeTruthy();

    await page.getByTestId('nav-socialization').click();
    await page.getByTestId('event-new').click();
    await page.getByTestId('event-title').fill('Sosialisasi netralitas ASN bagi kepala OPD');
    await page.getByTestId('event-organiser').fill('Kesbangpol Kota Bekasi');
    await page.getByTestId('event-place').fill('Aula Pemkot Bekasi');
    await page.getByTestId('event-submit').click();
    await page.waitForURL(/\/socialization\/events\/[0-9a-f-]{36}$/).catch(async (e: unknown) => {
      throw new Error(`event not created: ${await page.getByRole('alert').allTextContents()}`, { cause: e });
    });
    // the QR code is drawn and carries the check-in link shown beside it
    await page.getByRole('img', { name: /QR/ }).waitFor();
    const link = (await page.getByTestId('checkin-link').textContent())!.trim();
    expect(link).toMatch(/\/hadir\/[\w-]{20,}$/);
    const eventUrl = page.url();
    // a typo in the title is corrected by its manager
    await page.getByTestId('event-edit').click();
    await page.getByTestId('event-edit-title').fill('Sosialisasi netralitas ASN bagi kepala OPD dan camat');
    await page.getByTestId('event-edit-submit').click();
    await expect.poll(() => page.getByTestId('event-title-view').textContent()).toBe('Sosialisasi netralitas ASN bagi kepala OPD dan camat');

    // the head, on a phone, without an account
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    phone.setDefaultTimeout(15_000);
    const p = await phone.newPage();
    await p.goto(link);
    expect(await p.getByTestId('checkin-event').textContent()).toContain('Aula Pemkot Bekasi');
    // a text keyboard: non-ASN staff type ids such as THL-003841
    expect(await p.getByTestId('checkin-nip').getAttribute('inputmode')).toBe('text');
    expect(await p.getByText(/non-ASN/).count()).toBeGreaterThan(0);
    await p.getByTestId('checkin-nip').fill(head.nip!);
    await p.getByTestId('checkin-submit').click();
    await p.getByTestId('checkin-done').waitFor();
    expect(await p.getByTestId('checkin-done').textContent()).toMatch(/tercatat|recorded/);
    await phone.close();

    // the head appears in the attendance; their briefing of the OPD is confirmed
    await page.reload();
    await page.getByTestId('attendance-row').first().waitFor();
    expect(await page.getByTestId('attendance-row').first().textContent()).toContain(head.nip);

    // attendance from a pasted list (the paper list typed in): one new attendee, the head already present;
    // an active member of the same OPD, whom the head's briefing below reaches anyway
    const other = staff.items.find((e) => e.nip && e.nip !== head.nip && e.active)!;
    await page.getByTestId('attendance-nips').fill(`${other.nip}\n${head.nip}`);
    await page.getByTestId('attendance-submit').click();
    await page.getByTestId('attendance-result').waitFor();
    expect((await page.getByTestId('attendance-result').textContent())!.match(/\d+/g)).toEqual(['1', '1']);
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(2);

    // a new check-in link: the QR shared earlier stops working, the new one opens the event
    await page.getByTestId('checkin-rotate').click();
    await expect.poll(async () => (await page.getByTestId('checkin-link').textContent())!.trim()).not.toBe(link);
    const rotated = (await page.getByTestId('checkin-link').textContent())!.trim();
    const phone2 = await browser.newContext({ viewport: { width: 390, height: 844 } });
    phone2.setDefaultTimeout(15_000);
    const old = await phone2.newPage();
    await old.goto(link);
    await old.getByTestId('checkin-error').waitFor();
    expect(await old.getByTestId('checkin-nip').count()).toBe(0);
    await old.goto(rotated);
    expect(await old.getByTestId('checkin-event').textContent()).toContain('Aula Pemkot Bekasi');
    await old.getByTestId('checkin-nip').waitFor();
    await phone2.close();
    await page.getByTestId('briefing-briefer').fill(head.nip!);
    await page.getByTestId('briefing-unit').selectOption(head.unitId!);
    await page.getByTestId('briefing-submit').click();
    await page.getByTestId('briefing-result').waitFor();
    const briefed = Number((await page.getByTestId('briefing-result').textContent())!.replace(/\D/g, ''));
    expect(briefed).toBeGreaterThan(1);
    await page.getByTestId('briefing-row').first().waitFor();

    // coverage of briefed: the whole OPD is reached; drill down into it
    await page.getByTestId('nav-socialization').click();
    await page.getByTestId('socialization-tab-coverage').click();
    await expect.poll(async () => Number((await page.getByTestId('briefed-briefed').textContent())!.replace(/\D/g, ''))).toBe(briefed + 1);
    await page.getByTestId('briefed-drill').filter({ hasText: head.unitPath! }).click();
    await page.waitForURL(/unit=/);
    await expect.poll(async () => page.getByTestId('briefed-percent').textContent()).toBe('100%');

    // a banner logged for the OPD
    await page.getByTestId('socialization-tab-reminders').click();
    await page.getByTestId('reminder-unit').selectOption(head.unitId!);
    await page.getByTestId('reminder-description').fill('Spanduk netralitas ASN di halaman kantor');
    // a link that is not a web address is refused on its field, by the field's label (not "body.link")
    await page.getByTestId('reminder-link').fill('javascript:alert(1)');
    await page.getByTestId('reminder-submit').click();
    await expect.poll(async () => (await page.getByTestId('reminder-error').count()) ? page.getByTestId('reminder-error').textContent() : '').toMatch(/Periksa isian berikut: /);
    expect(await page.getByTestId('reminder-error').textContent()).not.toContain('body.');
    expect(await page.getByTestId('reminder-link').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('reminder-link').fill('');
    await page.getByTestId('reminder-submit').click();
    await page.getByTestId('reminder-row').first().waitFor();
    expect(await page.getByTestId('reminder-row').first().textContent()).toContain(head.unitPath);

    // withdrawn with a reason: still listed, marked
    const withdraw = async (row: ReturnType<typeof page.getByTestId>, reason: string) => {
      await row.getByTestId('withdraw').click();
      await page.getByTestId('withdraw-reason').fill(reason);
      await page.getByTestId('withdraw-confirm').click();
      await row.getByTestId('withdrawn').waitFor();
      expect(await row.textContent()).toContain(reason);
      expect(await row.getByTestId('withdraw').count()).toBe(0);
    };
    await withdraw(page.getByTestId('reminder-row').first(), 'Spanduk belum terpasang, tercatat keliru');
    await page.goto(eventUrl);
    await page.getByTestId('briefing-row').first().waitFor();
    await withdraw(page.getByTestId('briefing-row').first(), 'Arahan dicatat untuk unit yang salah');
    await admin.close();
  });
});
