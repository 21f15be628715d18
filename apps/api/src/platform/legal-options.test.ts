import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, SYSTEM, SYSTEM_PRINCIPAL, TestClock, addUser, freshDb, makeDeps, signIn, type TestApp } from '../../test/harness.ts';
import { createAgency } from '../modules/agencies/agencies.service.ts';
import { createEmployee } from '../modules/registry/employees.service.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import type { Deps } from '../deps.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-rules-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('NETRA_RULES_FILE', () => {
  it('is read and checked at start; a wrong file stops the start naming the field', () => {
    const ok = loadConfig({ NETRA_RULES_FILE: write('ok.json', { authority: { kasnEndDate: '2024-09-15' }, deadlines: { 'civil_service.ppk_follow_up': { days: 30 } } }) });
    expect(ok.legalOptions).toEqual({ authority: { kasnEndDate: '2024-09-15' }, deadlines: { 'civil_service.ppk_follow_up': { days: 30 } } });
    expect(loadConfig({}).legalOptions).toEqual({});
    const bad = (content: unknown) => {
      try {
        loadConfig({ NETRA_RULES_FILE: write('bad.json', content) });
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ authority: { kasnEndDate: '2024-02-30' } })).toContain('authority.kasnEndDate');
    expect(bad({ catalogue: { d8SanctionLevel: 'ringan' } })).toContain('catalogue.d8SanctionLevel');
    expect(bad({ deadlines: { 'pemilu.lapor': { days: 5 } } })).toContain('unknown rule(s) pemilu.lapor');
    expect(bad({ typo: true })).toMatch(/typo|Unrecognized/i);
    expect(bad('{ not json')).toContain('bad.json');
    expect(() => loadConfig({ NETRA_RULES_FILE: path.join(dir, 'missing.json') })).toThrow(/missing\.json/);
  });
});

describe.each(DB_KINDS)('legal settings in force on %s', (kind) => {
  let deps: Deps;
  let app: TestApp;
  let drop: () => Promise<void>;
  const clock = new TestClock(new Date('2024-09-20T02:00:00Z'));
  let s: Awaited<ReturnType<typeof signIn>>;
  let lurah: string;

  beforeAll(async () => {
    const f = await freshDb(kind);
    drop = f.drop;
    // KASN's last day set earlier than the default (BKN was receiving cases by 17-18 Sep 2024, domain.md §3.1),
    // a holiday the built-in calendar does not have, and D-8 as a heavy breach
    deps = makeDeps(f.db, clock, { legalOptions: {
      authority: { kasnEndDate: '2024-09-15' },
      calendar: { extraHolidays: [{ date: '2024-09-23', kind: 'holiday', name: { id: 'Libur daerah', en: 'Local holiday' }, source: 'test' }] },
      catalogue: { d8SanctionLevel: 'berat' },
    } });
    await addUser(deps, 'bawaslu.kota', 'supervisor', { regionCode: '32.75' });
    // an ASN case goes to the authority only with its reported person found in the registry
    const kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
    lurah = (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: kota, employmentType: 'PNS', nip: '197505052000031004', name: 'Lurah Contoh', position: 'Lurah', active: true })).id;
    app = await buildApp(deps);
    s = await signIn(app, 'bawaslu.kota');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('the case workflow, its clocks and the assessments use them', async () => {
    const c = await app.inject({ method: 'POST', url: '/api/v1/cases/findings', ...s, payload: {
      electionId: 'pilkada-2024', regionCode: '32.75', title: 'Lurah hadir di kampanye', summary: 'Lurah hadir dalam kampanye pasangan calon.', incidentOn: '2024-09-19', reportedText: 'Lurah', reportedEmployeeId: lurah,
    } });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    const ev = (event: object) => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/events`, ...s, payload: { event } });
    for (const event of [{ type: 'START_REVIEW' }, { type: 'REGISTER', caseNumber: '001/Reg/TM/PW/Kota/13.13/IX/2024', formal: true, material: true }, { type: 'BEGIN_REVIEW' },
      { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Lurah', heldOn: '2024-09-20', statement: 'Saya hanya lewat.' },
      { type: 'DECIDE', outcome: 'other_law', reasoning: 'Pelanggaran netralitas.' }])
      expect((await ev(event)).statusCode, JSON.stringify(event)).toBe(200);
    // by default KASN would still receive it on 20 Sep 2024; with the setting, BKN does
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, ...s })).json().forwardTo).toMatchObject({ id: 'BKN' });
    expect((await ev({ type: 'FORWARD', authorityId: 'KASN', letterNumber: 'F-1' })).statusCode).toBe(400);
    expect((await ev({ type: 'FORWARD', authorityId: 'BKN', letterNumber: 'F-1' })).statusCode).toBe(200);

    // a Pemilu report known on Friday 20 Sep: 7 working days skip the added holiday (Mon 23 Sep)
    const a = await app.inject({ method: 'POST', url: '/api/v1/assessments', ...s, payload: { election: 'pemilu-2024', regionCode: '32.75', incidentDate: '2024-09-20', actorType: 'PNS', act: 'D-8' } });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().deadlines.find((d: { ruleId: string }) => d.ruleId === 'pemilu.report').dueDate).toBe('2024-10-02');
    expect(a.json().sanctionOptions.map((o: { level: string }) => o.level)).toContain('berat');
    expect((await app.inject({ method: 'GET', url: '/api/v1/catalogue/sanctions?act=D-8&actorType=PNS&date=2024-09-20', ...s })).json().items.every((o: { level: string }) => o.level === 'berat')).toBe(true);
    const settings = (await app.inject({ method: 'GET', url: '/api/v1/legal/settings', ...s })).json();
    expect(settings.options.authority).toEqual({ kasnEndDate: '2024-09-15' });
    expect(settings.unconfirmed.map((u: { option: string }) => u.option)).toContain('authority.kasnEndDate');
  });
});
