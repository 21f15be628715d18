/** Text in Indonesian (`id`) and English (`en`). */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

/**
 * Every legal fact carries its source: the regulation/article and the research source ids of
 * /work/shared/domain.md (e.g. "S108"). `unconfirmed` marks items domain.md flags UNCONFIRMED;
 * those must also be overridable through options.
 */
export interface Sourced {
  readonly source: string;
  readonly unconfirmed?: boolean;
  readonly note?: string;
}

/** A calendar date as `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;
