/**
 * The legal engine's UNCONFIRMED settings for this deployment (domain.md: "make it configurable data
 * with a sensible default, never a hard-coded literal"): a JSON file named by NETRA_RULES_FILE, checked
 * at start (a wrong file stops the start with the field named), then used by every assessment, case
 * clock and forwarding check. Also where holidays published after a release (the next year's SKB on
 * national holidays and cuti bersama) are added before the code catches up.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { UNCONFIRMED_DEFAULTS, resolveRules, type Rules, type RulesOptions } from '@netra/rules';
import { IsoDate } from '@netra/contracts';

const Holiday = z.strictObject({
  date: IsoDate,
  kind: z.enum(['holiday', 'collective_leave', 'election_holiday']),
  name: z.strictObject({ id: z.string().min(1).max(200), en: z.string().min(1).max(200) }),
  source: z.string().min(1).max(500).describe('The decree that sets it, e.g. "SKB 3 Menteri 2027"'),
});

export const LegalOptionsFile = z.strictObject({
  catalogue: z.strictObject({ d8SanctionLevel: z.enum(['sedang', 'berat']).optional(), d9d10: z.enum(['split', 'merged']).optional() }).optional(),
  calendar: z.strictObject({
    workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    extraHolidays: z.array(Holiday).max(500).optional(),
    collectiveLeaveIsDayOff: z.boolean().optional(),
    coveredYears: z.array(z.number().int().min(1900).max(2199)).max(300).optional().describe('Years whose holiday list is complete (built-in ones plus those you added)'),
  }).optional(),
  deadlines: z.record(z.string(), z.strictObject({ days: z.number().int().min(0).max(365).optional(), basis: z.enum(['calendar', 'working']).optional() })).optional(),
  authority: z.strictObject({ kasnEndDate: IsoDate.optional(), independentBodyStartDate: IsoDate.nullable().optional() }).optional(),
  electionLaw: z.strictObject({ pilkada71CampaignOnly: z.boolean().optional() }).optional(),
});

/** Reads and checks the file; the message names the file and each wrong field. */
export function readLegalOptions(file: string): RulesOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`NETRA_RULES_FILE ${file}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = LegalOptionsFile.safeParse(raw);
  if (!parsed.success) throw new Error(`NETRA_RULES_FILE ${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n')}`);
  const o = parsed.data;
  const known = new Set(resolveRules().deadlines.map((r) => r.id));
  const unknown = Object.keys(o.deadlines ?? {}).filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`NETRA_RULES_FILE ${file}:\n  deadlines: unknown rule(s) ${unknown.join(', ')}`);
  return o as RulesOptions;
}

const cache = new WeakMap<object, Rules>();
/** The resolved rules of a configuration (computed once per configuration object). */
export function legalRules(config: { legalOptions: RulesOptions }): Rules {
  let r = cache.get(config);
  if (!r) cache.set(config, (r = resolveRules(config.legalOptions)));
  return r;
}

/** What an official can read about the settings in force: the file's values and every UNCONFIRMED default. */
export function legalSettingsView(config: { legalOptions: RulesOptions }) {
  return { options: config.legalOptions, unconfirmed: UNCONFIRMED_DEFAULTS };
}
