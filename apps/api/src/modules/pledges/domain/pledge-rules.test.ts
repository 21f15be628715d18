import { describe, expect, it } from 'vitest';
import { DEFAULT_PLEDGE, EMPLOYMENT_TYPE_WORDS, IDENTITY_LABELS, STANDARD_PLEDGES, checkCanSign, listedId, tallyAttendance, checkCeremonyDate, dailySeries, checkPeriod, countsOf, employeeReminder, isEMeteraiSerial, maskName, unitSummary, verifyUrl } from './pledge-rules.ts';

const ok = { today: '2023-11-04', opensOn: '2023-11-02', closesOn: '2023-11-13', employee: { active: true, employmentType: 'PPPK', inScope: true }, employmentTypes: ['PNS', 'PPPK', 'NON_ASN'], alreadySigned: false };

describe('checkCanSign', () => {
  it('allows an employee in scope during the period', () => expect(checkCanSign(ok)).toBeNull());
  it.each([
    [{ today: '2023-11-14' }, 'PLEDGE_OUTSIDE_PERIOD'],
    [{ today: '2023-11-01' }, 'PLEDGE_OUTSIDE_PERIOD'],
    [{ employee: { ...ok.employee, inScope: false } }, 'PLEDGE_OUT_OF_SCOPE'],
    [{ employee: { ...ok.employee, active: false } }, 'PLEDGE_OUT_OF_SCOPE'],
    [{ employmentTypes: ['PNS'] }, 'PLEDGE_OUT_OF_SCOPE'],
    [{ alreadySigned: true }, 'PLEDGE_ALREADY_SIGNED'],
  ])('refuses %o', (over, code) => expect(checkCanSign({ ...ok, ...over })?.code).toBe(code));
  it('names an employment type left out in words, not by its code', () => {
    const refusal = checkCanSign({ ...ok, employee: { ...ok.employee, employmentType: 'NON_ASN' }, employmentTypes: ['PNS', 'PPPK'] });
    expect(refusal?.message).toEqual({ id: 'Kampanye ini tidak untuk pegawai Non-ASN.', en: 'This campaign is not for Non-ASN staff.' });
  });
});

describe('words for employment types', () => {
  it('prints types as people write them and labels the signer\'s number by type', () => {
    expect(EMPLOYMENT_TYPE_WORDS).toEqual({ PNS: 'PNS', PPPK: 'PPPK', NON_ASN: 'Non-ASN' });
    expect(IDENTITY_LABELS).toEqual({ PNS: 'NIP', PPPK: 'NI PPPK', NON_ASN: 'Nomor pegawai' });
  });
});

describe('helpers', () => {
  it('masks names for the public page', () => expect(maskName('Budi Santoso')).toBe('B*** S******'));
  it('checks the 22-character e-meterai serial', () => {
    expect(isEMeteraiSerial('ABCDEFGHIJ0123456789XY')).toBe(true);
    expect(isEMeteraiSerial('ABC')).toBe(false);
  });
  it('the default text has the four commitments and a source', () => {
    expect(DEFAULT_PLEDGE.body.match(/^\d\./gm)).toHaveLength(4);
    expect(DEFAULT_PLEDGE.source.length).toBeGreaterThan(0);
  });
});

describe('follow-up helpers', () => {
  it('checks the campaign period on the local date, both ends inclusive', () => {
    const period = { opensOn: '2023-11-02', closesOn: '2023-11-13' };
    expect(checkPeriod({ ...period, today: '2023-11-02' })).toBeNull();
    expect(checkPeriod({ ...period, today: '2023-11-13' })).toBeNull();
    expect(checkPeriod({ ...period, today: '2023-11-14' })?.code).toBe('PLEDGE_OUTSIDE_PERIOD');
  });
  it('says when signing is open in words, in each language', () => {
    expect(checkPeriod({ opensOn: '2026-12-10', closesOn: '2026-12-20', today: '2026-12-21' })?.message).toEqual({
      id: 'Penandatanganan hanya dibuka 10 Desember 2026 s.d. 20 Desember 2026.',
      en: 'Signing is open only from 10 December 2026 to 20 December 2026.',
    });
  });
  it('computes missing and a one-decimal percentage, 0 when nobody is required', () => {
    expect(countsOf({ required: 3, signed: 1 })).toEqual({ required: 3, signed: 1, missing: 2, percent: 33.3 });
    expect(countsOf({ required: 0, signed: 0 })).toEqual({ required: 0, signed: 0, missing: 0, percent: 0 });
  });
  it('builds the verification link from the public base', () => expect(verifyUrl('https://netra.example.go.id/', 'ABC23')).toBe('https://netra.example.go.id/verify/ABC23'));
  it('reminders carry the campaign and deadline, summaries the counts', () => {
    const c = { title: 'Pernyataan Pemilu 2024', closesOn: '2023-11-13', agency: 'Pemerintah Kota Bekasi', publicBase: 'https://netra.test' };
    expect(employeeReminder(c).body).toContain('Penandatanganan ditutup 13 November 2023.');
    expect(employeeReminder(c).body).not.toContain('2023-11-13');
    const summary = unitSummary({ ...c, unitPath: 'Kecamatan A', missing: 3, required: 10, missingUrl: 'https://netra.test/pledges/c1?unit=u1' }).body;
    expect(summary).toContain('Penandatanganan ditutup 13 November 2023.');
    expect(summary).not.toContain('2023-11-13');
    expect(summary).toContain('3 dari 10 pegawai di Kecamatan A');
    // the unit head is sent to the missing list of their unit, not to the public signing page
    expect(summary).toContain('https://netra.test/pledges/c1?unit=u1');
    expect(summary).not.toContain('tandatangan');
  });
});

describe('standard pledge texts', () => {
  it('has one text per form, each with the four commitments and a source', () => {
    expect(STANDARD_PLEDGES.map((t) => t.kind)).toEqual(['surat_pernyataan', 'pakta_integritas', 'ikrar']);
    for (const t of STANDARD_PLEDGES) {
      expect(t.body.match(/^\d\./gm)).toHaveLength(4);
      expect(t.body).toMatch(/politik uang/);
      expect(t.source.length).toBeGreaterThan(10);
    }
    expect(new Set(STANDARD_PLEDGES.map((t) => t.body)).size).toBe(3);
  });
  it('writes each source as "Indonesian / English", one separator, so a page shows only its language\'s half', () => {
    for (const t of STANDARD_PLEDGES) {
      const halves = t.source.split(' / ');
      expect(halves, t.kind).toHaveLength(2);
      expect(halves[0], t.kind).toMatch(/SKB|Teks ikrar/);
      expect(halves[1], t.kind).toMatch(/Joint Decree|Regional pledge/);
    }
  });
});

describe('dailySeries', () => {
  it('fills every day of the range with the running total', () => {
    expect(dailySeries([{ date: '2024-01-03', n: 5 }, { date: '2024-01-01', n: 2 }], '2024-01-01', '2024-01-04')).toEqual([
      { date: '2024-01-01', signed: 2, cumulative: 2 }, { date: '2024-01-02', signed: 0, cumulative: 2 },
      { date: '2024-01-03', signed: 5, cumulative: 7 }, { date: '2024-01-04', signed: 0, cumulative: 7 },
    ]);
  });
  it('widens the range to take in signatures outside it (a ceremony recorded early, a late clock)', () => {
    const s = dailySeries([{ date: '2023-12-31', n: 1 }, { date: '2024-01-05', n: 1 }], '2024-01-01', '2024-01-02');
    expect(s.map((d) => d.date)).toEqual(['2023-12-31', '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    expect(s.at(-1)).toEqual({ date: '2024-01-05', signed: 1, cumulative: 2 });
  });
  it('is empty before the period starts when nothing was signed, and crosses month and leap days', () => {
    expect(dailySeries([], '2024-03-01', '2024-02-28')).toEqual([]);
    expect(dailySeries([], '2024-02-28', '2024-03-01').map((d) => d.date)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
});

describe('checkCeremonyDate', () => {
  const period = { today: '2023-11-04', opensOn: '2023-11-02', closesOn: '2023-11-13' };
  it.each([
    ['2023-11-01', 'PLEDGE_OUTSIDE_PERIOD'], ['2023-11-02', null], ['2023-11-04', null], ['2023-11-05', 'CEREMONY_IN_FUTURE'],
  ])('held on %s -> %s', (heldOn, code) => expect(checkCeremonyDate({ ...period, heldOn })?.code ?? null).toBe(code));
  it('refuses a day after the period even when it is not in the future', () => {
    expect(checkCeremonyDate({ heldOn: '2023-11-14', today: '2023-11-20', opensOn: '2023-11-02', closesOn: '2023-11-13' })?.code).toBe('PLEDGE_OUTSIDE_PERIOD');
  });
});

describe('attendance lists', () => {
  it('reads a NIP in its written forms and keeps an internal id as typed', () => {
    expect(listedId(' 19860926 201505.1-001 ')).toEqual({ nip: '198609262015051001', internalId: '19860926 201505.1-001' });
    expect(listedId(' THL-0001 ').internalId).toBe('THL-0001');
  });
  it('counts each person once and lists the others once, in the order first seen', () => {
    const found = [{ id: 'e1', nip: '198609262015051001', internal_id: null }, { id: 'e2', nip: null, internal_id: 'THL-0001' }];
    expect(tallyAttendance(['19860926 201505 1 001', '198609262015051001', 'THL-0001', ' THL-0001', '1999 0101', '19990101', 'X-1'], found))
      .toEqual({ listed: 4, notCovered: ['19990101', 'X-1'] });
  });
  it('answers entries naming no one the recorder may sign for (unknown, or outside the recorder\'s units) alike, each once', () => {
    // only e1 is the recorder's to sign: the two others, covered but in other units, are not found, like an unknown NIP
    const found = [{ id: 'e1', nip: '198609262015051001', internal_id: null }];
    expect(tallyAttendance(['198609262015051001', '19900101 202101 2 001', '199001012021012001', '19700101 199503 1 002', '19990101'], found))
      .toEqual({ listed: 4, notCovered: ['199001012021012001', '197001011995031002', '19990101'] });
  });
});
