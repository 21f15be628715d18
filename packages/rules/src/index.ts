export * from './regions/time-zones.ts';
export * from './regions/region-code.ts';
export * from './shared/types.ts';
export { isIsoDate, isSupportedDate, SUPPORTED_DATES, shiftDate, daysBetween, weekdayOf, type Weekday } from './shared/dates.ts';
export * from './shared/date-words.ts';
export * from './sources/public-citation.ts';

export * from './elections/types.ts';
export * from './elections/pemilu-2024.ts';
export * from './elections/pilkada-2024.ts';
export * from './elections/registry.ts';
export * from './elections/schedule.ts';
export * from './elections/import-rows.ts';
export * from './elections/candidate-lists.ts';

export * from './catalogue/types.ts';
export * from './catalogue/acts.ts';
export * from './catalogue/sanctions.ts';
export * from './catalogue/election-law.ts';
export * from './catalogue/sanction-options.ts';

export * from './calendar/holidays.ts';
export * from './calendar/working-days.ts';
export * from './calendar/local-time.ts';

export * from './deadlines/rules.ts';
export * from './deadlines/compute.ts';

export * from './authority/asn-authority.ts';

export * from './options.ts';
export * from './assess/errors.ts';
export * from './assess/incident.ts';
export * from './assess/types.ts';
export { assess, type AssessWording } from './assess/assess.ts';
export { publicAct, publicAssessment, type PublicAssessment } from './assess/public.ts';
