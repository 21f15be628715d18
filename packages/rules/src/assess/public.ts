import { publicCitations, withPublicSource } from '../sources/public-citation.ts';
import type { Act } from '../catalogue/types.ts';
import type { Assessment } from './types.ts';

/** An act of the catalogue as readers are given it: its legal basis as regulations in Indonesian legal wording, its source public. */
export const publicAct = (act: Act) => withPublicSource({ ...act, legalBasis: publicCitations(act.legalBasis).join('; ') });

/**
 * An assessment as its readers are given it: the authority, deadlines and sanctions cite public legal
 * references, their data's own sources kept as `provenance` (the explanation lines already are). Only
 * the response: the engine's facts keep their sources for the case clocks and letters.
 */
export function publicAssessment(assessment: Assessment) {
  return {
    ...assessment,
    act: publicAct(assessment.act),
    asnAuthority: assessment.asnAuthority && withPublicSource(assessment.asnAuthority),
    reportDeadline: withPublicSource(assessment.reportDeadline),
    deadlines: assessment.deadlines.map((deadline) => withPublicSource(deadline)),
    sanctionOptions: assessment.sanctionOptions.map((option) => withPublicSource(option)),
  };
}
export type PublicAssessment = ReturnType<typeof publicAssessment>;
