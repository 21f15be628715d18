import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES, EVENT_WORDS, FIELD_WORDS, FINAL_STATUSES, REPORTER_LABEL, STATUS_WORDS, TRANSITIONS, allowedEvents, canChangeReportedPerson, describeDue, handlingOffice, isCalendarDate, newCaseState, periodFlags,
  sealReporterLabel, sealReporterLabels, sweepActions, transition, withholdReporterAccount,
  type CaseEvent, type CaseEventType, type CaseRole, type CaseState, type CaseStatus, type TransitionContext,
} from './workflow.ts';

const ALL_ROLES: CaseRole[] = ['supervisor', 'authority_officer', 'employing_official', 'system_admin', 'system'];
const ctx = (roles: CaseRole[] = ALL_ROLES, today = '2024-01-08') => ({ today, roles });

/** A valid payload for every event type. */
const SAMPLE: Record<CaseEventType, CaseEvent> = {
  START_REVIEW: { type: 'START_REVIEW' },
  REQUEST_COMPLETION: { type: 'REQUEST_COMPLETION', missing: ['fotokopi KTP'] },
  COMPLETE: { type: 'COMPLETE' },
  AMEND_INTAKE: { type: 'AMEND_INTAKE', incidentPlace: 'Aula Kantor Kecamatan Bekasi Barat' },
  REGISTER: { type: 'REGISTER', caseNumber: '001/Reg/LP/PL/Kota/13.13/I/2024', formal: true, material: true },
  REJECT: { type: 'REJECT', reason: 'tidak memenuhi syarat materiel' },
  WITHDRAW: { type: 'WITHDRAW', reason: 'dicabut pelapor' },
  MERGE: { type: 'MERGE', intoCaseId: '00000000-0000-4000-8000-000000000001', reason: 'laporan ganda atas peristiwa yang sama' },
  BEGIN_REVIEW: { type: 'BEGIN_REVIEW' },
  EXTEND_REVIEW: { type: 'EXTEND_REVIEW', reason: 'keterangan tambahan' },
  SUMMON: { type: 'SUMMON', party: 'reported', personLabel: 'Camat Bekasi Barat', scheduledOn: '2024-01-10', place: 'Kantor Bawaslu Kota Bekasi' },
  RECORD_CLARIFICATION: { type: 'RECORD_CLARIFICATION', party: 'reported', personLabel: 'Camat Bekasi Barat', heldOn: '2024-01-08', statement: 'Foto diambil usai olahraga.' },
  DECIDE: { type: 'DECIDE', outcome: 'other_law', reasoning: 'Pelanggaran netralitas ASN' },
  // in January 2024 ASN cases still went to KASN (BKN from the KASN end date on)
  FORWARD: { type: 'FORWARD', authorityId: 'KASN', letterNumber: '012/PP.01/K.JB-17/01/2024' },
  FORWARD_TO_PPK: { type: 'FORWARD_TO_PPK', actCode: 'KE-5', sanctionId: 'contract_termination', level: 'contract', letterNumber: '013/PP.01/K.JB-17/01/2024' },
  GAKKUMDU_INVESTIGATE: { type: 'GAKKUMDU_INVESTIGATE' },
  GAKKUMDU_PROSECUTE: { type: 'GAKKUMDU_PROSECUTE' },
  GAKKUMDU_TRIAL: { type: 'GAKKUMDU_TRIAL' },
  GAKKUMDU_CONCLUDE: { type: 'GAKKUMDU_CONCLUDE', result: 'stopped', note: 'unsur tidak terpenuhi' },
  GAKKUMDU_RETURN_FILE: { type: 'GAKKUMDU_RETURN_FILE' },
  GAKKUMDU_JUDGMENT: { type: 'GAKKUMDU_JUDGMENT', result: 'convicted' },
  GAKKUMDU_APPEAL: { type: 'GAKKUMDU_APPEAL' },
  RECOMMEND: { type: 'RECOMMEND', actCode: 'KE-5', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-123/BKN/2024' },
  AUTHORITY_DISMISS: { type: 'AUTHORITY_DISMISS', reasoning: 'tidak terbukti' },
  PPK_DECIDE: { type: 'PPK_DECIDE', decreeNumber: '800/Kep.12-BKPSDM/2024', sanctionId: 'moral_open', level: 'moral', decidedOn: '2024-01-08' },
  PPK_FAIL: { type: 'PPK_FAIL' },
  ESCALATE: { type: 'ESCALATE', letterNumber: 'B-77/BKN/2024' },
  CLOSE: { type: 'CLOSE', note: 'selesai' },
};

/** Where each allowed (status, event) pair leads. */
const EXPECTED: Partial<Record<`${CaseStatus} ${CaseEventType}`, CaseStatus>> = {
  'received START_REVIEW': 'initial_review',
  'received AMEND_INTAKE': 'received',
  'initial_review AMEND_INTAKE': 'initial_review',
  'incomplete AMEND_INTAKE': 'incomplete',
  'received WITHDRAW': 'withdrawn',
  'initial_review REQUEST_COMPLETION': 'incomplete',
  'initial_review REGISTER': 'registered',
  'initial_review REJECT': 'not_registered',
  'initial_review WITHDRAW': 'withdrawn',
  'incomplete COMPLETE': 'initial_review',
  'incomplete REJECT': 'not_registered',
  'incomplete WITHDRAW': 'withdrawn',
  'received MERGE': 'merged',
  'initial_review MERGE': 'merged',
  'incomplete MERGE': 'merged',
  'registered MERGE': 'merged',
  'under_review MERGE': 'merged',
  'registered BEGIN_REVIEW': 'under_review',
  'under_review EXTEND_REVIEW': 'under_review',
  'under_review SUMMON': 'under_review',
  'under_review RECORD_CLARIFICATION': 'under_review',
  'under_review DECIDE': 'decided_other_law',
  'decided_other_law FORWARD': 'forwarded',
  'decided_other_law FORWARD_TO_PPK': 'recommended',
  'gakkumdu_concluded FORWARD': 'forwarded',
  'gakkumdu_concluded FORWARD_TO_PPK': 'recommended',
  'gakkumdu_discussion GAKKUMDU_INVESTIGATE': 'gakkumdu_investigation',
  'gakkumdu_discussion GAKKUMDU_CONCLUDE': 'gakkumdu_concluded',
  'gakkumdu_investigation GAKKUMDU_PROSECUTE': 'gakkumdu_prosecution',
  'gakkumdu_investigation GAKKUMDU_CONCLUDE': 'gakkumdu_concluded',
  'gakkumdu_prosecution GAKKUMDU_TRIAL': 'gakkumdu_trial',
  'gakkumdu_prosecution GAKKUMDU_CONCLUDE': 'gakkumdu_concluded',
  'gakkumdu_trial GAKKUMDU_CONCLUDE': 'gakkumdu_concluded',
  'gakkumdu_prosecution GAKKUMDU_RETURN_FILE': 'gakkumdu_investigation',
  'gakkumdu_trial GAKKUMDU_JUDGMENT': 'gakkumdu_judgment',
  'gakkumdu_judgment GAKKUMDU_APPEAL': 'gakkumdu_appeal',
  'gakkumdu_judgment GAKKUMDU_CONCLUDE': 'gakkumdu_concluded',
  'gakkumdu_appeal GAKKUMDU_CONCLUDE': 'gakkumdu_concluded',
  'forwarded RECOMMEND': 'recommended',
  'forwarded AUTHORITY_DISMISS': 'closed',
  'recommended PPK_DECIDE': 'ppk_decided',
  'recommended PPK_FAIL': 'ppk_non_compliant',
  'ppk_non_compliant PPK_DECIDE': 'ppk_decided',
  'ppk_non_compliant ESCALATE': 'escalated',
  'escalated PPK_DECIDE': 'ppk_decided',
  'decided_no_violation CLOSE': 'closed',
  'decided_election_admin CLOSE': 'closed',
  'decided_organiser_ethics CLOSE': 'closed',
  'gakkumdu_concluded CLOSE': 'closed',
  'ppk_decided CLOSE': 'closed',
};

const base = (status: CaseStatus, regime: 'pemilu' | 'pilkada' = 'pemilu'): CaseState => ({
  ...newCaseState({ regime, regionCode: '32.75', receivedOn: '2024-01-05' }),
  status,
  recommendation: { actCode: 'KE-5', sanctionId: 'moral_open', level: 'moral', letterNumber: 'R-1' },
  clarifications: [{ party: 'reported', personLabel: 'Camat Bekasi Barat', heldOn: '2024-01-08' }],
});

describe('every (status, event) pair', () => {
  const pairs = CASE_STATUSES.flatMap((s) => (Object.keys(SAMPLE) as CaseEventType[]).map((e) => [s, e] as const));
  it.each(pairs)('%s + %s', (status, type) => {
    // Bawaslu forwards straight to the PPK only about non-ASN staff
    const r = transition(base(status), SAMPLE[type], type === 'FORWARD_TO_PPK' ? { ...ctx(), subject: { actorType: 'NON_ASN', incidentOn: '2024-01-03' } } : ctx());
    const want = EXPECTED[`${status} ${type}`];
    if (want) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.next.status).toBe(want);
    } else {
      expect(r).toMatchObject({ ok: false, code: 'CASE_INVALID_TRANSITION' });
      // the status and the step in words, never their codes
      if (!r.ok) expect([r.message.id, r.message.en]).toEqual([expect.stringContaining(`"${STATUS_WORDS[status].id}"`), expect.stringContaining(`"${EVENT_WORDS[type].en}"`)]);
      if (!r.ok) expect(r.message.en).not.toContain(`(${status})`);
    }
  });
  it('the table and the machine agree', () => {
    const fromTable = Object.entries(TRANSITIONS).flatMap(([t, spec]) => spec.from.map((s) => `${s} ${t}`)).sort();
    expect(fromTable).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('roles and payloads', () => {
  it('refuses an event to a role that may not fire it', () => {
    expect(transition(base('forwarded'), SAMPLE.RECOMMEND, ctx(['supervisor']))).toMatchObject({ ok: false, code: 'CASE_FORBIDDEN' });
    expect(transition(base('recommended'), SAMPLE.PPK_DECIDE, ctx(['authority_officer']))).toMatchObject({ ok: false, code: 'CASE_FORBIDDEN' });
    expect(transition(base('recommended'), SAMPLE.PPK_DECIDE, ctx(['employing_official'])).ok).toBe(true);
    expect(allowedEvents(base('forwarded'), ['authority_officer']).sort()).toEqual(['AUTHORITY_DISMISS', 'RECOMMEND']);
    expect(allowedEvents(base('forwarded'), ['supervisor'])).toEqual([]);
  });
  it.each([
    [{ ...SAMPLE.REGISTER, material: false }, 'materiel'],
    [{ ...SAMPLE.RECORD_CLARIFICATION, heldOn: '2099-01-01' }, 'Tanggal klarifikasi 1 Januari 2099 ada di masa depan (hari ini 8 Januari 2024)'],
    [{ ...SAMPLE.DECIDE, outcome: 'maybe' }, 'maybe'],
    [{ ...SAMPLE.DECIDE, reasoning: ' ' }, 'Pertimbangan wajib diisi'],
  ] as [CaseEvent, string][])('rejects a bad payload (%#)', (event, fragment) => {
    const status = event.type === 'REGISTER' ? 'initial_review' : 'under_review';
    const r = transition(base(status), event, ctx());
    expect(r).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!r.ok) expect(r.message.id).toContain(fragment);
  });
  // every required text of every event, left blank: refused naming the field by its label (never its JSON key), and the field marked
  const required = (Object.keys(SAMPLE) as CaseEventType[]).flatMap((type) =>
    Object.keys(FIELD_WORDS).filter((k) => k in SAMPLE[type]).map((field) => [type, field as keyof typeof FIELD_WORDS] as const),
  );
  it.each(required)('%s without %s names the field by its label', (type, field) => {
    const from = TRANSITIONS[type].from[0]!;
    const subject = { actorType: type === 'FORWARD_TO_PPK' ? 'NON_ASN' : 'PNS', incidentOn: '2024-01-03' };
    for (const blank of ['', '   ', undefined]) {
      const r = transition(base(from), { ...SAMPLE[type], [field]: blank } as CaseEvent, { ...ctx(), subject });
      expect(r).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD', field, message: { id: `${FIELD_WORDS[field].id} wajib diisi`, en: `${FIELD_WORDS[field].en} is required` } });
      if (!r.ok) expect(`${r.message.id} ${r.message.en}`).not.toContain(field);
    }
  });
  it('names the labels of the web form and says when a text is too long rather than missing', () => {
    expect(required.map(([, field]) => field)).toEqual(expect.arrayContaining(['reasoning', 'letterNumber', 'reason', 'note', 'caseNumber', 'decreeNumber']));
    expect(FIELD_WORDS.reasoning).toEqual({ id: 'Pertimbangan', en: 'Reasoning' });
    expect(FIELD_WORDS.letterNumber).toEqual({ id: 'Nomor surat', en: 'Letter number' });
    const long = transition(base('under_review'), { ...SAMPLE.DECIDE, reasoning: 'x'.repeat(5001) } as CaseEvent, ctx());
    expect(long).toMatchObject({ ok: false, field: 'reasoning', message: { id: 'Pertimbangan terlalu panjang (maks. 5000 karakter)', en: 'Reasoning is too long (max 5000 characters)' } });
    const huge = transition(base('under_review'), { ...SAMPLE.EXTEND_REVIEW, reason: 'x'.repeat(20_001) } as CaseEvent, ctx());
    expect(huge).toMatchObject({ ok: false, field: 'reason', message: { id: 'Alasan terlalu panjang (maks. 20000 karakter)' } });
    // a refusal about no one field carries none
    const unknown = transition(base('under_review'), { ...SAMPLE.DECIDE, outcome: 'maybe' } as unknown as CaseEvent, ctx());
    expect(unknown.ok || 'field' in unknown).toBe(false);
  });
  it('registration checks a report\'s reported party, its date and whether it came in time', () => {
    const report = { ...base('initial_review'), source: 'report' as const };
    const intake = { hasReportedParty: true, hasDate: true, hasPlace: true, receivedOn: '2024-01-05', reportDue: '2024-01-12' };
    const reg = (state: CaseState, over: object, ev: object = {}) => transition(state, { ...SAMPLE.REGISTER, ...ev } as CaseEvent, { ...ctx(['supervisor']), intake: { ...intake, ...over } });
    expect(reg(report, {}).ok).toBe(true);
    expect(reg(report, { hasReportedParty: false })).toMatchObject({ ok: false, message: { en: expect.stringContaining('no reported party') } });
    expect(reg(report, { hasDate: false })).toMatchObject({ ok: false, message: { en: expect.stringContaining('incident date') } });
    // time and place of the incident are both material requirements (UU 7/2017 454(4), UU 10/2016 134(3))
    expect(reg(report, { hasPlace: false })).toMatchObject({ ok: false, message: { en: expect.stringContaining('place of the incident is not recorded') } });
    // late: a formal requirement is not met, whatever reason is given (it may become initial information instead)
    const late = { receivedOn: '2026-01-05', reportDue: '2024-01-12' };
    expect(reg(report, late)).toMatchObject({ ok: false, message: { en: expect.stringContaining('after the last day to report (12 January 2024') } });
    expect(reg(report, late, { lateReason: 'Pelapor baru mengetahui pada 2026-01-02 (bukti baru)' })).toMatchObject({ ok: false, message: { id: expect.stringContaining('tidak dapat diregistrasi') } });
    expect(reg(report, { receivedOn: '2024-01-12', reportDue: '2024-01-12' }).ok).toBe(true);
    // a supervisor's finding names no separate reported party field; a late one is refused, and called a finding
    const finding = { ...base('initial_review'), source: 'finding' as const };
    expect(reg(finding, { hasReportedParty: false, hasDate: true }).ok).toBe(true);
    expect(reg(finding, late)).toMatchObject({ ok: false, message: { id: expect.stringMatching(/^Temuan/), en: expect.not.stringContaining('report') } });
  });
  it('records the report facts brought to complete it or missed at intake, checked like the intake form', () => {
    const report = { ...base('initial_review'), source: 'report' as const, dates: { receipt: '2024-01-05' } };
    const amend = (over: object, state: CaseState = report, subject?: { actorType: null; incidentOn: string }) =>
      transition(state, { type: 'AMEND_INTAKE', ...over } as CaseEvent, { ...ctx(['supervisor']), ...(subject ? { subject } : {}) });
    expect(amend({})).toMatchObject({ ok: false, message: { en: expect.stringContaining('at least one fact') } });
    expect(amend({ incidentOn: '2024-02-30' })).toMatchObject({ ok: false, message: { en: expect.stringContaining('not a valid date') } });
    expect(amend({ knownOn: '2024-01-09' })).toMatchObject({ ok: false, message: { en: 'Date known 9 January 2024 is in the future (today is 8 January 2024)' } });
    // the incident may come from the record: a date known before it is impossible either way
    expect(amend({ knownOn: '2024-01-01' }, report, { actorType: null, incidentOn: '2024-01-03' })).toMatchObject({ ok: false, message: { en: expect.stringContaining('before the incident date (3 January 2024)') } });
    expect(amend({ incidentPlace: '\u200b\u200b\u200b\u200b' })).toMatchObject({ ok: false, message: { en: expect.stringContaining('Place of the incident') } });
    expect(amend({ reportedText: 'Camat\u202eX' })).toMatchObject({ ok: false, message: { en: expect.stringContaining('Reported party') } });
    expect(amend({ incidentPlace: { a: 1 } })).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    // a valid amendment keeps the status; the date known drives the clocks that count from it
    const ok = amend({ incidentOn: '2024-01-02', knownOn: '2024-01-04', incidentPlace: 'Aula Kantor Kecamatan Bekasi Barat' });
    expect(ok).toMatchObject({ ok: true, next: { status: 'initial_review', dates: { known: '2024-01-04' } } });
    // with no date known yet, the incident stands in, as at intake
    expect(amend({ incidentOn: '2024-01-02' })).toMatchObject({ ok: true, next: { dates: { known: '2024-01-02' } } });
    // a finding's 7 days count from the corrected date of discovery
    const finding = newCaseState({ regime: 'pemilu', regionCode: '32.75', receivedOn: '2024-01-05', knownOn: '2024-01-05', source: 'finding' });
    const moved = transition(finding, { type: 'AMEND_INTAKE', knownOn: '2024-01-02' }, ctx(['supervisor']));
    expect(moved.ok && moved.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pemilu.finding', '2024-01-11']]);
    // the completion may carry what the reporter brought, under the same checks
    const incomplete = { ...report, status: 'incomplete' as const };
    expect(transition(incomplete, { type: 'COMPLETE', incidentPlace: 'Balai RW 05 Kelurahan Jakasampurna' }, ctx(['supervisor']))).toMatchObject({ ok: true, next: { status: 'initial_review' } });
    expect(transition(incomplete, { type: 'COMPLETE', knownOn: 'kemarin' } as CaseEvent, ctx(['supervisor']))).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    // nobody outside Bawaslu's handlers amends a report, and never after registration
    expect(transition(report, { type: 'AMEND_INTAKE', incidentPlace: 'Aula' }, ctx(['authority_officer']))).toMatchObject({ ok: false, code: 'CASE_FORBIDDEN' });
    expect(transition(base('registered'), { type: 'AMEND_INTAKE', incidentPlace: 'Aula kantor' }, ctx(['supervisor']))).toMatchObject({ ok: false, code: 'CASE_INVALID_TRANSITION' });
  });
  it('extends the review only once', () => {
    const once = transition(base('under_review'), SAMPLE.EXTEND_REVIEW, ctx());
    expect(once.ok).toBe(true);
    if (once.ok) expect(transition(once.next, SAMPLE.EXTEND_REVIEW, ctx())).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
  });
});

describe('clocks', () => {
  it('Pemilu: initial review 2 working days from receipt, review 7 (+7) from registration, at 23:59 WIB', () => {
    // received Friday 5 Jan 2024 in Kota Bekasi
    const s = newCaseState({ regime: 'pemilu', regionCode: '32.75', receivedOn: '2024-01-05' });
    expect(s.deadlines.map((d) => [d.ruleId, d.dueAt])).toEqual([['pemilu.initial_review', '2024-01-09T23:59:00+07:00']]);
    const reg = transition({ ...s, status: 'initial_review' }, SAMPLE.REGISTER, ctx(['supervisor'], '2024-01-08'));
    if (!reg.ok) throw new Error('register failed');
    expect(reg.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pemilu.review', '2024-01-17']]);
    const review = transition(reg.next, SAMPLE.BEGIN_REVIEW, ctx(['supervisor']));
    if (!review.ok) throw new Error();
    const ext = transition(review.next, SAMPLE.EXTEND_REVIEW, ctx(['supervisor']));
    if (!ext.ok) throw new Error();
    expect(ext.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pemilu.review_extended', '2024-01-26']]);
  });
  it('a Pemilu finding must be set within 7 (working) days of its discovery; once registered, the review clock runs', () => {
    const s = newCaseState({ regime: 'pemilu', regionCode: '32.75', receivedOn: '2024-01-05', knownOn: '2024-01-03', source: 'finding' });
    expect(s.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pemilu.finding', '2024-01-12']]);
    const started = transition(s, SAMPLE.START_REVIEW, ctx(['supervisor'], '2024-01-08'));
    if (!started.ok) throw new Error();
    expect(started.next.deadlines.map((d) => d.ruleId)).toEqual(['pemilu.finding']);
    const reg = transition(started.next, SAMPLE.REGISTER, ctx(['supervisor'], '2024-01-08'));
    expect(reg.ok && reg.next.deadlines.map((d) => d.ruleId)).toEqual(['pemilu.review']);
    // a report keeps the 2-day initial review; a Pilkada finding keeps the Pilkada clock
    expect(newCaseState({ regime: 'pemilu', regionCode: '32.75', receivedOn: '2024-01-05', source: 'report' }).deadlines.map((d) => d.ruleId)).toEqual(['pemilu.initial_review']);
    expect(newCaseState({ regime: 'pilkada', regionCode: '32.75', receivedOn: '2024-10-18', source: 'tip' }).deadlines.map((d) => d.ruleId)).toEqual(['pilkada.review']);
  });
  it('Pilkada in a WITA region: review 3 days from receipt at 23:59 +08:00, then +2', () => {
    const s = newCaseState({ regime: 'pilkada', regionCode: '73.71', receivedOn: '2024-10-18' });
    expect(s.deadlines.map((d) => d.dueAt)).toEqual(['2024-10-21T23:59:00+08:00']);
    const ext = transition({ ...s, status: 'under_review' }, SAMPLE.EXTEND_REVIEW, ctx(['supervisor'], '2024-10-20'));
    if (!ext.ok) throw new Error();
    expect(ext.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pilkada.review_extended', '2024-10-23']]);
  });
  it('a recommendation starts the PPK clock (14 days, UNCONFIRMED)', () => {
    const r = transition(base('forwarded'), SAMPLE.RECOMMEND, ctx(['authority_officer'], '2024-02-01'));
    if (!r.ok) throw new Error();
    expect(r.next.deadlines).toMatchObject([{ ruleId: 'civil_service.ppk_follow_up', dueDate: '2024-02-15', unconfirmed: true }]);
  });
  it('describes due dates as sisa / terlambat N hari', () => {
    expect(describeDue('2024-01-10', '2024-01-08').label.id).toBe('sisa 2 hari');
    expect(describeDue('2024-01-08', '2024-01-08').label.id).toBe('hari ini');
    expect(describeDue('2024-01-05', '2024-01-08')).toMatchObject({ overdue: true, label: { id: 'terlambat 3 hari', en: '3 days overdue' } });
  });
  it('the sweep warns once before and escalates once after, with stable keys', () => {
    const s = newCaseState({ regime: 'pemilu', regionCode: '32.75', receivedOn: '2024-01-05' });
    expect(sweepActions('c1', s, '2024-01-05')).toEqual([]);
    const warn = sweepActions('c1', s, '2024-01-08');
    expect(warn.map((a) => a.kind)).toEqual(['warn']);
    expect(sweepActions('c1', s, '2024-01-08')).toEqual(warn);
    const late = sweepActions('c1', s, '2024-01-12');
    expect(late.map((a) => a.kind)).toEqual(['escalate']);
    expect(late[0]!.key).not.toBe(warn[0]!.key);
    expect(sweepActions('c1', { ...s, status: 'closed' }, '2024-01-12')).toEqual([]);
  });
});

describe('outcomes', () => {
  it('flags a PPK decree lighter than the recommendation', () => {
    const rec = { ...base('recommended'), recommendation: { actCode: 'D-12', sanctionId: 'pp94_demotion_12m', level: 'berat' as const, letterNumber: 'R-2' } };
    const r = transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'pp94_oral_reprimand', level: 'ringan' } as CaseEvent, ctx(['employing_official']));
    expect(r.ok && r.next.flags).toEqual(['SANCTION_MISMATCH']);
    const same = transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'pp94_demotion_12m', level: 'berat' } as CaseEvent, ctx(['employing_official']));
    expect(same.ok && same.next.flags).toEqual([]);
  });
  it('a Pilkada election-crime decision does not arrive with a Gakkumdu clock already overdue', () => {
    const pilkada = { ...base('under_review', 'pilkada'), dates: { receipt: '2024-11-21' } };
    const r = transition(pilkada, { ...SAMPLE.DECIDE, outcome: 'election_crime' } as CaseEvent, ctx(['supervisor'], '2024-11-24'));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.next.status).toBe('gakkumdu_discussion');
    expect(r.next.deadlines.filter((d) => d.dueDate < '2024-11-24')).toEqual([]);
    // the police's 14 working days start when they receive it
    const police = transition(r.next, { type: 'GAKKUMDU_INVESTIGATE', handedOverOn: '2024-11-25' } as CaseEvent, ctx(['supervisor'], '2024-11-25'));
    expect(police.ok && police.next.deadlines.map((d) => [d.ruleId, d.from])).toEqual([['pilkada.gakkumdu.investigation', '2024-11-25']]);
  });
  it('an election-crime decision opens the Gakkumdu track with its clock', () => {
    const r = transition(base('under_review'), { ...SAMPLE.DECIDE, outcome: 'election_crime' } as CaseEvent, ctx(['supervisor'], '2024-01-10'));
    if (!r.ok) throw new Error();
    expect(r.next.status).toBe('gakkumdu_discussion');
    expect(r.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pemilu.gakkumdu.police_forwarding', '2024-01-11']]);
  });
  it('refuses to find against a reported person who was neither heard nor summoned (right of reply)', () => {
    const unheard = { ...base('under_review'), clarifications: [] };
    for (const outcome of ['other_law', 'election_crime'] as const) {
      const r = transition(unheard, { ...SAMPLE.DECIDE, outcome } as CaseEvent, ctx(['supervisor']));
      expect(r).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
      if (!r.ok) expect(r.message.en).toContain('right of reply');
    }
    // clearing the person needs no hearing
    expect(transition(unheard, { ...SAMPLE.DECIDE, outcome: 'no_violation' } as CaseEvent, ctx(['supervisor'])).ok).toBe(true);
  });
  it('a summons whose date has passed gives the chance to reply; the decision is flagged as made without a statement', () => {
    const unheard = { ...base('under_review'), clarifications: [] };
    expect(transition(unheard, { ...SAMPLE.SUMMON, scheduledOn: '2024-01-05' } as CaseEvent, ctx(['supervisor'], '2024-01-08'))).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    const summoned = transition(unheard, SAMPLE.SUMMON, ctx(['supervisor'], '2024-01-08'));
    if (!summoned.ok) throw new Error(summoned.message.en);
    expect(summoned.next.summons).toEqual([{ party: 'reported', personLabel: 'Camat Bekasi Barat', scheduledOn: '2024-01-10', place: 'Kantor Bawaslu Kota Bekasi', issuedOn: '2024-01-08' }]);
    expect(transition(summoned.next, SAMPLE.DECIDE, ctx(['supervisor'], '2024-01-09')).ok).toBe(false);
    // on the summons day itself they may still come: "did not attend" only once that day is over
    expect(transition(summoned.next, SAMPLE.DECIDE, ctx(['supervisor'], '2024-01-10')).ok).toBe(false);
    const decided = transition(summoned.next, SAMPLE.DECIDE, ctx(['supervisor'], '2024-01-11'));
    expect(decided.ok && decided.next.flags).toEqual(['REPORTED_DID_NOT_ATTEND']);
    expect(transition(base('under_review'), SAMPLE.DECIDE, ctx(['supervisor'])).ok).toBe(true);
  });
  it('offers a reporter\'s steps (completion, withdrawal) on reports only, never on a supervisor\'s own finding', () => {
    for (const source of ['finding', 'tip'] as const) {
      const finding = { ...base('initial_review'), source };
      const offered = allowedEvents(finding, ['supervisor']);
      expect(offered).not.toContain('REQUEST_COMPLETION');
      expect(offered).not.toContain('WITHDRAW');
      expect(offered).toContain('REGISTER');
      expect(transition(finding, SAMPLE.WITHDRAW, ctx(['supervisor']))).toMatchObject({ ok: false, code: 'CASE_INVALID_TRANSITION' });
      expect(transition({ ...finding, status: 'incomplete' }, SAMPLE.COMPLETE, ctx(['supervisor']))).toMatchObject({ ok: false, code: 'CASE_INVALID_TRANSITION' });
    }
    const report = { ...base('initial_review'), source: 'report' as const };
    expect(allowedEvents(report, ['supervisor'])).toEqual(expect.arrayContaining(['REQUEST_COMPLETION', 'WITHDRAW']));
    expect(transition(report, SAMPLE.WITHDRAW, ctx(['supervisor'])).ok).toBe(true);
  });
  it('does not offer a recommendation the authority could not make: the reported person is not linked yet', () => {
    const forwarded = base('forwarded');
    expect(allowedEvents(forwarded, ['authority_officer'], '2024-01-08', { actorType: 'PNS', linked: false })).toEqual(['AUTHORITY_DISMISS']);
    expect(allowedEvents(forwarded, ['authority_officer'], '2024-01-08', { actorType: 'PNS', linked: true })).toEqual(['RECOMMEND', 'AUTHORITY_DISMISS']);
  });
  it('refuses a PPK decree dated before the recommendation it acts on', () => {
    const recommended = { ...base('recommended'), dates: { ...base('recommended').dates, recommendation: '2024-01-08' } };
    const early = transition(recommended, { ...SAMPLE.PPK_DECIDE, decidedOn: '2024-01-07' } as CaseEvent, ctx(['employing_official'], '2024-01-09'));
    expect(early).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!early.ok) expect(early.message.en).toContain('before the recommendation');
    expect(transition(recommended, { ...SAMPLE.PPK_DECIDE, decidedOn: '2024-01-08' } as CaseEvent, ctx(['employing_official'], '2024-01-09')).ok).toBe(true);
  });
  it('refuses fields an event does not have, overlong texts and a malformed list of missing items, storing nothing', () => {
    const review = base('under_review');
    const junk = transition(review, { ...SAMPLE.EXTEND_REVIEW, junk: 'x', nested: { a: 1 } } as unknown as CaseEvent, ctx(['supervisor']));
    expect(junk).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD', message: { en: 'Unknown field(s) for EXTEND_REVIEW: junk, nested' } });
    expect(transition(review, { ...SAMPLE.EXTEND_REVIEW, reason: 'x'.repeat(20_001) } as CaseEvent, ctx(['supervisor']))).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    const initial = base('initial_review');
    for (const missing of [[null], [5], [{ evil: true }], ['y'.repeat(301)], Array(31).fill('KTP'), 'KTP'])
      expect(transition(initial, { type: 'REQUEST_COMPLETION', missing } as unknown as CaseEvent, ctx(['supervisor'])), JSON.stringify(missing).slice(0, 40)).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    expect(transition(initial, { type: 'REQUEST_COMPLETION', missing: ['fotokopi KTP', 'bukti foto'] }, ctx(['supervisor'])).ok).toBe(true);
  });
  it('has words for every status in both languages', () => {
    for (const status of CASE_STATUSES) {
      expect(STATUS_WORDS[status].id.length, status).toBeGreaterThan(3);
      expect(STATUS_WORDS[status].en.length, status).toBeGreaterThan(3);
      expect(STATUS_WORDS[status].id).not.toContain('_');
    }
  });
  it('forwards only to the authority in office that day', () => {
    const decided = base('decided_other_law');
    const bkn = { type: 'FORWARD', authorityId: 'BKN', letterNumber: 'F-1' } as CaseEvent;
    const early = transition(decided, bkn, ctx(['supervisor'], '2024-01-08'));
    expect(early).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!early.ok) expect(early.message.en).toContain('KASN');
    expect(transition(decided, bkn, ctx(['supervisor'], '2024-10-01')).ok).toBe(true);
    expect(transition(decided, bkn, { ...ctx(['supervisor'], '2024-10-01'), authorityOptions: { kasnEndDate: '2024-12-31' } }).ok).toBe(false);
  });
  it('a recommendation must be a sanction of the catalogue that fits the act, the actor and the date', () => {
    const fwd = base('forwarded');
    const rec = (over: object, subject?: { actorType: string | null; incidentOn: string | null }) =>
      transition(fwd, { ...SAMPLE.RECOMMEND, ...over } as CaseEvent, { ...ctx(['authority_officer']), ...(subject ? { subject } : {}) });
    expect(rec({}).ok).toBe(true);
    expect(rec({ actCode: 'X-99' })).toMatchObject({ ok: false, message: { en: 'Unknown act code: X-99' } });
    // an ethics act carries moral sanctions, not discipline
    const wrongTrack = rec({ sanctionId: 'pp94_demotion_12m', level: 'berat' });
    expect(wrongTrack).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!wrongTrack.ok) expect(wrongTrack.message.en).toContain('moral_open');
    expect(rec({ level: 'berat' })).toMatchObject({ ok: false, message: { en: 'moral_open is a moral sanction, not berat' } });
    // non-ASN staff get contract sanctions
    expect(rec({}, { actorType: 'NON_ASN', incidentOn: '2024-01-03' }).ok).toBe(false);
    expect(rec({ sanctionId: 'contract_termination', level: 'contract' }, { actorType: 'NON_ASN', incidentOn: '2024-01-03' }).ok).toBe(true);
  });
  it('PPK non-compliance can be recorded only after the follow-up period', () => {
    const r = transition(base('forwarded'), SAMPLE.RECOMMEND, ctx(['authority_officer'], '2024-02-01'));
    if (!r.ok) throw new Error();
    expect(transition(r.next, SAMPLE.PPK_FAIL, ctx(['authority_officer'], '2024-02-15'))).toMatchObject({ ok: false, message: { en: "The PPK's follow-up period runs until 15 February 2024" } });
    expect(allowedEvents(r.next, ['authority_officer'], '2024-02-15')).not.toContain('PPK_FAIL');
    expect(transition(r.next, SAMPLE.PPK_FAIL, ctx(['authority_officer'], '2024-02-16')).ok).toBe(true);
    expect(allowedEvents(r.next, ['authority_officer'], '2024-02-16')).toContain('PPK_FAIL');
  });
  it('the ASN-neutrality track follows a Gakkumdu conclusion: forwarded to the authority, or closed', () => {
    const concluded = base('gakkumdu_concluded');
    const fwd = transition(concluded, { type: 'FORWARD', authorityId: 'BKN', letterNumber: 'F-2' } as CaseEvent, ctx(['supervisor'], '2024-10-01'));
    expect(fwd.ok && fwd.next.status).toBe('forwarded');
    expect(allowedEvents(concluded, ['supervisor'])).toEqual(expect.arrayContaining(['FORWARD', 'FORWARD_TO_PPK', 'CLOSE']));
  });
  it('non-ASN staff go to their PPK (SE MenPANRB 01/2023), civil servants to the authority', () => {
    const decided = base('decided_other_law');
    const nonAsn = { ...ctx(['supervisor'], '2024-10-01'), subject: { actorType: 'NON_ASN', incidentOn: '2024-09-20' } };
    const pns = { ...ctx(['supervisor'], '2024-10-01'), subject: { actorType: 'PNS', incidentOn: '2024-09-20' } };
    const toBkn = transition(decided, { type: 'FORWARD', authorityId: 'BKN', letterNumber: 'F-3' } as CaseEvent, nonAsn);
    expect(toBkn).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!toBkn.ok) expect(toBkn.message.en).toContain('non-ASN');
    expect(transition(decided, { type: 'FORWARD', authorityId: 'BKN', letterNumber: 'F-3' } as CaseEvent, pns).ok).toBe(true);
    const toPpk = transition(decided, SAMPLE.FORWARD_TO_PPK, nonAsn);
    if (!toPpk.ok) throw new Error(toPpk.message.en);
    expect(toPpk.next.status).toBe('recommended');
    expect(toPpk.next.recommendation).toEqual({ actCode: 'KE-5', sanctionId: 'contract_termination', level: 'contract', letterNumber: '013/PP.01/K.JB-17/01/2024', issuedBy: 'supervisor' });
    expect(toPpk.next.deadlines.map((d) => [d.ruleId, d.from])).toEqual([['civil_service.ppk_follow_up', '2024-10-01']]);
    expect(toPpk.effects).toEqual(expect.arrayContaining([{ type: 'notify', to: 'ppk', template: 'recommended' }]));
    // a civil servant's case is not sent straight to the PPK; a PNS sanction is no sanction for a contract worker
    expect(transition(decided, SAMPLE.FORWARD_TO_PPK, pns)).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    expect(transition(decided, { ...SAMPLE.FORWARD_TO_PPK, sanctionId: 'pp94_demotion_12m', level: 'berat' } as CaseEvent, nonAsn)).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    // the PPK then decides on a contract sanction
    const decree = transition(toPpk.next, { ...SAMPLE.PPK_DECIDE, sanctionId: 'contract_termination', level: 'contract', decidedOn: '2024-10-01' } as CaseEvent, { ...nonAsn, roles: ['employing_official'] });
    expect(decree.ok && decree.next.status).toBe('ppk_decided');
  });
  it('a PPK decree must be a sanction in force for the worker on the incident date; any difference from the recommendation is flagged', () => {
    const rec = { ...base('recommended'), recommendation: { actCode: 'D-8', sanctionId: 'pp94_demotion_12m', level: 'berat' as const, letterNumber: 'R-3' } };
    const ppk = { ...ctx(['employing_official'], '2024-03-01'), subject: { actorType: 'PNS', incidentOn: '2024-01-03' } };
    // PP 53/2010 was repealed by PP 94/2021 (31 Aug 2021); PTDH under UU 5/2014 by UU 20/2023
    for (const sanctionId of ['pp53_rank_demotion_3y', 'ptdh_uu5_2014']) {
      const r = transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId, level: sanctionId.startsWith('ptdh') ? 'ptdh' : 'berat', decidedOn: '2024-03-01' } as CaseEvent, ppk);
      expect(r, sanctionId).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
      if (!r.ok) expect(r.message.en).toContain('not in force for PNS on 2024-01-03');
    }
    const heavier = transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'pp94_honourable_dismissal', level: 'berat', decidedOn: '2024-03-01' } as CaseEvent, ppk);
    expect(heavier.ok && heavier.next.flags).toEqual(['SANCTION_MISMATCH']);
    // a contract worker's sanction is no sanction for a PNS
    expect(transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'contract_termination', level: 'contract', decidedOn: '2024-03-01' } as CaseEvent, ppk)).toMatchObject({ ok: false });
  });
  it('a handover cannot be dated before the step it comes from', () => {
    const investigating = transition(base('gakkumdu_discussion'), { type: 'GAKKUMDU_INVESTIGATE', handedOverOn: '2024-01-15' } as CaseEvent, ctx(['supervisor'], '2024-01-16'));
    if (!investigating.ok) throw new Error(investigating.message.en);
    const early = transition(investigating.next, { type: 'GAKKUMDU_PROSECUTE', handedOverOn: '2024-01-12' } as CaseEvent, ctx(['supervisor'], '2024-01-16'));
    expect(early).toMatchObject({ ok: false, message: { en: 'Handover date 12 January 2024 is before the previous step (15 January 2024)' } });
  });
  it('a recommendation needs the reported employee linked (the PPK is reached through it); the route follows the worker type', () => {
    const unlinked = { ...ctx(['authority_officer'], '2024-10-01'), subject: { actorType: 'PNS', incidentOn: '2024-09-20', linked: false } };
    expect(transition(base('forwarded'), SAMPLE.RECOMMEND, unlinked)).toMatchObject({ ok: false, message: { en: expect.stringContaining('not linked') } });
    expect(transition(base('decided_other_law'), SAMPLE.FORWARD_TO_PPK, { ...unlinked, roles: ['supervisor'], subject: { ...unlinked.subject, actorType: 'NON_ASN' } })).toMatchObject({ ok: false });
    expect(allowedEvents(base('decided_other_law'), ['supervisor'], '2024-10-01', { actorType: 'PNS' })).toEqual(expect.arrayContaining(['FORWARD']));
    expect(allowedEvents(base('decided_other_law'), ['supervisor'], '2024-10-01', { actorType: 'PNS' })).not.toContain('FORWARD_TO_PPK');
    expect(allowedEvents(base('decided_other_law'), ['supervisor'], '2024-10-01', { actorType: 'NON_ASN' })).toEqual(expect.arrayContaining(['FORWARD_TO_PPK']));
    expect(allowedEvents(base('decided_other_law'), ['supervisor'], '2024-10-01', { actorType: 'NON_ASN' })).not.toContain('FORWARD');
  });
  it("the PPK's decision or failure on Bawaslu's own recommendation (non-ASN) goes back to Bawaslu, not to BKN", () => {
    const rec = { ...base('recommended'), recommendation: { actCode: 'KE-5', sanctionId: 'contract_termination', level: 'contract' as const, letterNumber: 'R-9', issuedBy: 'supervisor' as const } };
    const decided = transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'contract_termination', level: 'contract' } as CaseEvent, { ...ctx(['employing_official']), subject: { actorType: 'NON_ASN', incidentOn: '2024-01-03' } });
    expect(decided.ok && decided.effects.filter((e) => e.type === 'notify')).toEqual([{ type: 'notify', to: 'handlers', template: 'ppk_decided' }]);
    const asn = transition(base('recommended'), SAMPLE.PPK_DECIDE, ctx(['employing_official']));
    expect(asn.ok && asn.effects.filter((e) => e.type === 'notify')).toEqual([{ type: 'notify', to: 'authority', template: 'ppk_decided' }]);
  });
  it('withholds why a late report was registered outside Bawaslu', () => {
    const shown = withholdReporterAccount({ source: 'report', summary: 's', clarifications: [], events: [{ payload: { type: 'REGISTER', lateReason: 'Pelapor Siti baru berani melapor' } }, { payload: { type: 'REGISTER', lateReason: '' } }] });
    expect(JSON.stringify(shown)).not.toContain('Siti');
    expect(shown.events[1]!.payload.lateReason).toBe('');
  });
  it('Gakkumdu clocks count from the day the file actually changed hands', () => {
    const investigating = transition(base('gakkumdu_discussion'), { type: 'GAKKUMDU_INVESTIGATE', handedOverOn: '2024-01-09' } as CaseEvent, ctx(['supervisor'], '2024-01-10'));
    if (!investigating.ok) throw new Error(investigating.message.en);
    expect(investigating.next.deadlines.map((d) => [d.ruleId, d.from, d.dueDate])).toEqual([['pemilu.gakkumdu.investigation', '2024-01-09', '2024-01-23']]);
    // the prosecutor received the file on 18 January: court within 5 days of that, not of the police's latest possible date
    const prosecuting = transition(investigating.next, { type: 'GAKKUMDU_PROSECUTE', handedOverOn: '2024-01-18' } as CaseEvent, ctx(['supervisor'], '2024-01-19'));
    if (!prosecuting.ok) throw new Error(prosecuting.message.en);
    expect(prosecuting.next.deadlines.map((d) => [d.ruleId, d.from, d.dueDate, d.assumed])).toEqual([['pemilu.gakkumdu.prosecution', '2024-01-18', '2024-01-23', false]]);
    // without a date the handover is today; a future date or one before the case is refused
    const today = transition(investigating.next, SAMPLE.GAKKUMDU_PROSECUTE, ctx(['supervisor'], '2024-01-19'));
    expect(today.ok && today.next.dates.prosecutor_receipt).toBe('2024-01-19');
    for (const handedOverOn of ['2024-01-20', '2023-12-31', '2024-02-30'])
      expect(transition(investigating.next, { type: 'GAKKUMDU_PROSECUTE', handedOverOn } as CaseEvent, ctx(['supervisor'], '2024-01-19')), handedOverOn).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
  });
  it('after the district court: 3 days to appeal, then final; an appeal runs on the High Court\'s 7 days', () => {
    const sup = (today: string) => ctx(['supervisor'], today);
    const trial = transition(base('gakkumdu_prosecution'), { type: 'GAKKUMDU_TRIAL', handedOverOn: '2024-01-15' } as CaseEvent, sup('2024-01-15'));
    if (!trial.ok) throw new Error(trial.message.en);
    // a judgment cannot predate the transfer to the court, nor be of an unknown kind
    expect(transition(trial.next, { type: 'GAKKUMDU_JUDGMENT', result: 'convicted', judgedOn: '2024-01-14' }, sup('2024-01-22'))).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    expect(transition(trial.next, { type: 'GAKKUMDU_JUDGMENT', result: 'stopped' } as unknown as CaseEvent, sup('2024-01-22'))).toMatchObject({ ok: false, message: { en: 'Unknown judgment: stopped' } });
    const judged = transition(trial.next, { type: 'GAKKUMDU_JUDGMENT', result: 'convicted', judgedOn: '2024-01-22' }, sup('2024-01-22'));
    if (!judged.ok) throw new Error(judged.message.en);
    expect(judged.next.deadlines.map((d) => [d.ruleId, d.from, d.dueDate])).toEqual([['pemilu.gakkumdu.appeal_filing', '2024-01-22', '2024-01-25']]);
    // not final while an appeal can still come: concluding waits, and only the appeal is offered
    const conclude = { type: 'GAKKUMDU_CONCLUDE', result: 'convicted', note: 'Terdakwa dipidana percobaan' } as CaseEvent;
    expect(transition(judged.next, conclude, sup('2024-01-25'))).toMatchObject({ ok: false, message: { en: 'The judgment is not final yet: an appeal may be filed until 25 January 2024' } });
    expect(allowedEvents(judged.next, ['supervisor'], '2024-01-25')).toEqual(expect.arrayContaining(['GAKKUMDU_APPEAL']));
    expect(allowedEvents(judged.next, ['supervisor'], '2024-01-25')).not.toContain('GAKKUMDU_CONCLUDE');
    // past the 3 days: final, no appeal any more
    expect(allowedEvents(judged.next, ['supervisor'], '2024-01-26')).toContain('GAKKUMDU_CONCLUDE');
    expect(allowedEvents(judged.next, ['supervisor'], '2024-01-26')).not.toContain('GAKKUMDU_APPEAL');
    expect(transition(judged.next, conclude, sup('2024-01-26'))).toMatchObject({ ok: true, next: { status: 'gakkumdu_concluded' } });
    expect(transition(judged.next, { type: 'GAKKUMDU_APPEAL', filedOn: '2024-01-26' }, sup('2024-01-27'))).toMatchObject({ ok: false, message: { en: 'Appeal filed 26 January 2024, after the last day to appeal (25 January 2024): the judgment is final' } });
    // an appeal in time: the High Court decides within 7 days, and its judgment is final at once
    const appealed = transition(judged.next, { type: 'GAKKUMDU_APPEAL', filedOn: '2024-01-24' }, sup('2024-01-26'));
    if (!appealed.ok) throw new Error(appealed.message.en);
    expect(appealed.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pemilu.gakkumdu.appeal_judgment', '2024-01-31']]);
    expect(transition(appealed.next, conclude, sup('2024-01-29'))).toMatchObject({ ok: true, next: { status: 'gakkumdu_concluded' } });
  });
  it('Pilkada: the prosecutor returns an incomplete file within 3 working days; the police resubmit within 3 more', () => {
    const sup = (today: string) => ctx(['supervisor'], today);
    const investigating = transition(base('gakkumdu_discussion', 'pilkada'), { type: 'GAKKUMDU_INVESTIGATE', handedOverOn: '2024-10-07' } as CaseEvent, sup('2024-10-07'));
    if (!investigating.ok) throw new Error(investigating.message.en);
    const prosecuting = transition(investigating.next, { type: 'GAKKUMDU_PROSECUTE', handedOverOn: '2024-10-21' } as CaseEvent, sup('2024-10-21'));
    if (!prosecuting.ok) throw new Error(prosecuting.message.en);
    // Monday 21 October: to court within 5 working days, or the file back within 3
    expect(prosecuting.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pilkada.gakkumdu.prosecution', '2024-10-28'], ['pilkada.gakkumdu.file_return', '2024-10-24']]);
    expect(transition(prosecuting.next, { type: 'GAKKUMDU_RETURN_FILE', returnedOn: '2024-10-20' }, sup('2024-10-23'))).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    const returned = transition(prosecuting.next, { type: 'GAKKUMDU_RETURN_FILE', returnedOn: '2024-10-23' }, sup('2024-10-23'));
    if (!returned.ok) throw new Error(returned.message.en);
    expect(returned.next).toMatchObject({ status: 'gakkumdu_investigation', dates: { file_returned: '2024-10-23' } });
    expect(returned.next.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['pilkada.gakkumdu.file_resubmission', '2024-10-28']]);
    // the resubmission cannot predate the return; once resubmitted, the prosecutor's clocks start again from it
    expect(transition(returned.next, { type: 'GAKKUMDU_PROSECUTE', handedOverOn: '2024-10-22' } as CaseEvent, sup('2024-10-25'))).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    const again = transition(returned.next, { type: 'GAKKUMDU_PROSECUTE', handedOverOn: '2024-10-25' } as CaseEvent, sup('2024-10-25'));
    expect(again.ok && again.next.deadlines.map((d) => [d.ruleId, d.from])).toEqual([['pilkada.gakkumdu.prosecution', '2024-10-25'], ['pilkada.gakkumdu.file_return', '2024-10-25']]);
  });
  it('an incumbent running in the election may not decide as PPK: not offered, and refused', () => {
    const rec = base('recommended');
    const decree = { type: 'PPK_DECIDE', decreeNumber: '800/1', sanctionId: 'moral_open', level: 'moral', decidedOn: '2024-01-08' } as CaseEvent;
    expect(transition(rec, decree, { ...ctx(['employing_official']), deciderIsCandidate: true })).toMatchObject({ ok: false, code: 'PPK_IS_CANDIDATE' });
    expect(allowedEvents(rec, ['employing_official'], '2024-01-08', { actorType: 'PNS', deciderIsCandidate: true })).not.toContain('PPK_DECIDE');
    expect(allowedEvents(rec, ['employing_official'], '2024-01-08', { actorType: 'PNS' })).toContain('PPK_DECIDE');
  });
  it('flags an incident outside the election stages, and follows a corrected incident date', () => {
    const span = { start: '2022-06-14', end: '2024-10-20' };
    expect(periodFlags(['LATE_REPORT'], span, '2022-03-01')).toEqual(['LATE_REPORT', 'OUTSIDE_ELECTION_PERIOD']);
    expect(periodFlags(['OUTSIDE_ELECTION_PERIOD'], span, '2024-10-20')).toEqual([]);
    expect(periodFlags([], span, null)).toEqual([]);
    const flagged = { ...base('initial_review'), flags: ['OUTSIDE_ELECTION_PERIOD'] };
    const amended = transition(flagged, { type: 'AMEND_INTAKE', incidentOn: '2024-01-02' }, { ...ctx(['supervisor']), electionSpan: span });
    expect(amended.ok && amended.next.flags).toEqual([]);
  });
  it('a PPK decree names a sanction of the catalogue with its own level', () => {
    const rec = base('recommended');
    expect(transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'teguran', level: 'ringan' } as CaseEvent, ctx(['employing_official']))).toMatchObject({ ok: false, message: { en: 'Unknown sanction: teguran' } });
    expect(transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'pp94_oral_reprimand', level: 'berat' } as CaseEvent, ctx(['employing_official'])).ok).toBe(false);
    const none = transition(rec, { ...SAMPLE.PPK_DECIDE, sanctionId: 'none', level: 'none' } as CaseEvent, ctx(['employing_official']));
    expect(none.ok && none.next.flags).toEqual(['SANCTION_MISMATCH']);
  });
});

describe('safeguards', () => {
  it('answers an unknown event for names inherited from Object.prototype, never throws', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '']) {
      const r = transition(base('under_review'), { type } as unknown as CaseEvent, ctx());
      expect(r, type).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD', message: { en: expect.stringContaining('Unknown event') } });
    }
    expect(transition(base('under_review'), { type: 42 } as unknown as CaseEvent, ctx())).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    // inherited names are no sanction level, outcome or result either
    expect(transition(base('recommended'), { ...SAMPLE.PPK_DECIDE, level: 'constructor' } as unknown as CaseEvent, ctx())).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    expect(transition(base('forwarded'), { ...SAMPLE.RECOMMEND, level: 'toString' } as unknown as CaseEvent, ctx())).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    expect(transition(base('under_review'), { ...SAMPLE.DECIDE, outcome: 'constructor' } as unknown as CaseEvent, ctx())).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
  });

  it('knows a calendar date from a string that merely looks like one', () => {
    for (const d of ['2024-02-29', '2026-12-31', '1900-01-01', '2199-12-31']) expect(isCalendarDate(d), d).toBe(true);
    for (const d of ['2026-02-31', '2023-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '1899-12-31', '2200-01-01', '2026-1-1', '20260101', '', null, 20260101])
      expect(isCalendarDate(d), String(d)).toBe(false);
  });

  it('refuses impossible dates and dates before the case in clarifications and PPK decrees', () => {
    const withIncident: TransitionContext = { ...ctx(), subject: { actorType: 'PNS', incidentOn: '2024-01-02' } };
    const clar = (heldOn: string, c: TransitionContext = withIncident) => transition(base('under_review'), { ...SAMPLE.RECORD_CLARIFICATION, heldOn } as CaseEvent, c);
    expect(clar('2023-02-29')).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    const early = clar('1900-01-01');
    expect(early).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!early.ok) expect(early.message.en).toContain('before the case');
    expect(clar('2024-01-01').ok).toBe(false);
    expect(clar('2024-01-02').ok).toBe(true); // heard on the day of the incident: possible
    // without an incident date, the case cannot be older than its receipt (5 Jan in `base`) or the day it became known
    expect(clar('2024-01-04', ctx()).ok).toBe(false);
    expect(clar('2024-01-05', ctx()).ok).toBe(true);
    const known = { ...base('under_review'), dates: { ...base('under_review').dates, known: '2024-01-03' } };
    expect(transition(known, { ...SAMPLE.RECORD_CLARIFICATION, heldOn: '2024-01-03' } as CaseEvent, ctx()).ok).toBe(true);
    expect(transition(known, { ...SAMPLE.RECORD_CLARIFICATION, heldOn: '2024-01-02' } as CaseEvent, ctx()).ok).toBe(false);

    const decree = (decidedOn: string, c: TransitionContext = withIncident) => transition(base('recommended'), { ...SAMPLE.PPK_DECIDE, decidedOn } as CaseEvent, { ...c, roles: ['employing_official'] });
    const feb31 = decree('2023-02-31', { ...withIncident, today: '2024-03-10' });
    expect(feb31).toMatchObject({ ok: false, code: 'CASE_INVALID_PAYLOAD' });
    if (!feb31.ok) expect(feb31.message.en).toContain('2023-02-31');
    expect(decree('2024-02-31', { ...withIncident, today: '2024-03-10' }).ok).toBe(false);
    expect(decree('2023-12-31').ok).toBe(false);
    expect(decree('2024-01-09').ok).toBe(false); // the future (today is 8 Jan)
    const ok = decree('2024-01-08');
    expect(ok.ok && ok.next.ppkDecision?.decidedOn).toBe('2024-01-08');
  });

  it('seals the reporter label in summonses and clarifications, keeps the others', () => {
    const summon = transition(base('under_review'), { ...SAMPLE.SUMMON, party: 'reporter', personLabel: 'Siti Pelapor Rahasia' } as CaseEvent, ctx());
    if (!summon.ok) throw new Error(summon.message.en);
    expect(summon.next.summons?.[0]).toMatchObject({ party: 'reporter', personLabel: REPORTER_LABEL });
    expect(JSON.stringify(summon.next)).not.toContain('Siti');
    const clar = transition(base('under_review'), { ...SAMPLE.RECORD_CLARIFICATION, party: 'reporter', personLabel: 'Siti Pelapor Rahasia' } as CaseEvent, ctx());
    if (!clar.ok) throw new Error(clar.message.en);
    expect(clar.next.clarifications.at(-1)).toEqual({ party: 'reporter', personLabel: REPORTER_LABEL, heldOn: '2024-01-08' });
    // the reporter needs no name at all
    expect(transition(base('under_review'), { ...SAMPLE.RECORD_CLARIFICATION, party: 'reporter', personLabel: '' } as CaseEvent, ctx()).ok).toBe(true);
    // the reported person and witnesses keep their labels (and still need one)
    const witness = transition(base('under_review'), { ...SAMPLE.RECORD_CLARIFICATION, party: 'witness', personLabel: 'Budi Saksi' } as CaseEvent, ctx());
    expect(witness.ok && witness.next.clarifications.at(-1)?.personLabel).toBe('Budi Saksi');
    expect(transition(base('under_review'), { ...SAMPLE.RECORD_CLARIFICATION, party: 'witness', personLabel: ' ' } as CaseEvent, ctx()).ok).toBe(false);
    // the reporter needs no name at all: a clarification without one is recorded under the neutral label
    const { personLabel: _omitted, ...nameless } = { ...SAMPLE.RECORD_CLARIFICATION, party: 'reporter' } as CaseEvent & { personLabel?: string };
    const heard = transition(base('under_review'), nameless as CaseEvent, ctx());
    expect(heard.ok && heard.next.clarifications.at(-1)?.personLabel).toBe(REPORTER_LABEL);
    // stored rows and states from before
    expect(sealReporterLabel({ type: 'SUMMON', party: 'reporter', personLabel: 'Siti' })).toEqual({ type: 'SUMMON', party: 'reporter', personLabel: REPORTER_LABEL });
    expect(sealReporterLabel({ type: 'DECIDE', outcome: 'other_law' })).toEqual({ type: 'DECIDE', outcome: 'other_law' });
    const legacy: CaseState = {
      ...base('under_review'),
      clarifications: [{ party: 'reporter', personLabel: 'Siti', heldOn: '2024-01-08' }, { party: 'reported', personLabel: 'Camat', heldOn: '2024-01-08' }],
      summons: [{ party: 'reporter', personLabel: 'Siti', scheduledOn: '2024-01-09', place: 'Kantor', issuedOn: '2024-01-08' }],
    };
    const sealed = sealReporterLabels(legacy);
    expect(sealed.clarifications.map((c) => c.personLabel)).toEqual([REPORTER_LABEL, 'Camat']);
    expect(sealed.summons?.[0]?.personLabel).toBe(REPORTER_LABEL);
    expect(JSON.stringify(sealed)).not.toContain('Siti');
  });

  it('the reported person is open to correction only until the review is decided', () => {
    expect(CASE_STATUSES.filter(canChangeReportedPerson)).toEqual(['received', 'initial_review', 'incomplete', 'registered', 'under_review']);
    for (const s of FINAL_STATUSES) expect(canChangeReportedPerson(s)).toBe(false);
    for (const s of ['decided_other_law', 'forwarded', 'recommended', 'ppk_decided', 'escalated', 'gakkumdu_trial', 'constructor']) expect(canChangeReportedPerson(s), s).toBe(false);
  });

  it('a case belongs to the Bawaslu office of its regency/city, or of its province', () => {
    expect(handlingOffice('32.75')).toBe('32.75');
    expect(handlingOffice('32.75.01')).toBe('32.75');
    expect(handlingOffice('32.75.01.1001')).toBe('32.75');
    expect(handlingOffice('32')).toBe('32');
    expect(handlingOffice('32.75')).not.toBe(handlingOffice('32.16'));
    expect(handlingOffice('32')).not.toBe(handlingOffice('32.75'));
  });
});

describe('what a refused form says', () => {
  const review = () => base('under_review');
  it('an empty summons names every empty field, each marked, and a past date says it is past', () => {
    const r = transition(review(), { type: 'SUMMON', party: 'reported', personLabel: '', scheduledOn: '', place: ' ' } as CaseEvent, ctx());
    expect(r).toMatchObject({
      ok: false, code: 'CASE_INVALID_PAYLOAD', field: 'personLabel',
      message: { id: 'Nama / jabatan wajib diisi; Tanggal panggilan wajib diisi; Tempat wajib diisi' },
      fields: [{ field: 'personLabel' }, { field: 'scheduledOn', message: { id: 'Tanggal panggilan wajib diisi' } }, { field: 'place' }],
    });
    const past = transition(review(), { ...SAMPLE.SUMMON, scheduledOn: '2024-01-01' } as CaseEvent, ctx());
    expect(past).toMatchObject({ ok: false, field: 'scheduledOn', message: { id: 'Tanggal panggilan 1 Januari 2024 sudah lewat: jadwalkan paling cepat hari ini (8 Januari 2024)' } });
  });
  it('an empty clarification or decree date is required, and a decree before the recommendation names both dates in words', () => {
    expect(transition(review(), { ...SAMPLE.RECORD_CLARIFICATION, heldOn: '' } as CaseEvent, ctx())).toMatchObject({ ok: false, field: 'heldOn', message: { id: 'Tanggal klarifikasi wajib diisi' } });
    const rec = { ...base('recommended'), dates: { ...base('recommended').dates, recommendation: '2024-01-07' } };
    expect(transition(rec, { ...SAMPLE.PPK_DECIDE, decidedOn: '2024-01-06' } as CaseEvent, ctx())).toMatchObject({
      ok: false, field: 'decidedOn', message: { id: 'Tanggal keputusan PPK 6 Januari 2024 mendahului rekomendasi yang ditindaklanjutinya (7 Januari 2024)' },
    });
  });
  it('a sanction not chosen is said so, not "unknown level"', () => {
    const r = transition(base('forwarded'), { ...SAMPLE.RECOMMEND, sanctionId: '', level: '' } as unknown as CaseEvent, ctx());
    expect(r).toMatchObject({ ok: false, field: 'sanctionId', message: { id: 'Sanksi wajib diisi' } });
  });
  it('the reasoning of a review decision has at least 10 visible characters', () => {
    expect(transition(review(), { ...SAMPLE.DECIDE, reasoning: 'x' } as CaseEvent, ctx())).toMatchObject({
      ok: false, field: 'reasoning', message: { id: 'Pertimbangan terlalu singkat: minimal 10 karakter terlihat' },
    });
    expect(transition(review(), { ...SAMPLE.DECIDE, reasoning: 'a b c d e f g h i j' } as CaseEvent, ctx()).ok).toBe(true);
  });
  it('an ASN case reaches the authority only once the reported person is linked', () => {
    const decided = base('decided_other_law');
    const unlinked = { ...ctx(['supervisor']), subject: { actorType: 'PNS', incidentOn: '2024-01-03', linked: false } };
    expect(transition(decided, SAMPLE.FORWARD, unlinked)).toMatchObject({ ok: false, message: { id: expect.stringContaining('kaitkan terlapor lebih dahulu') } });
    expect(allowedEvents(decided, ['supervisor'], '2024-01-08', { actorType: 'PNS', linked: false })).not.toContain('FORWARD');
    expect(allowedEvents(decided, ['supervisor'], '2024-01-08', { actorType: 'PNS', linked: true })).toContain('FORWARD');
  });
});
