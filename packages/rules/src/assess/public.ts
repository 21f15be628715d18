import { withPublicSource } from '../sources/public-citation.ts';
import type { Assessment } from './types.ts';

/**
 * An assessment as its readers are given it: the authority, deadlines and sanctions cite public legal
 * references, their data's own sources kept as `provenance` (the explanation lines already are). Only
 * the response: the engine's facts keep their sources for the case clocks and letters.
 */
export function publicAssessment(assessment: Assessment) {
  return {
    ...assessment,
    asnAuthority: assessment.asnAuthority && withPublicSource(assessment.asnAuthority),
    reportDeadline: withPublicSource(assessment.reportDeadline),
    deadlines: assessment.deadlines.map((deadline) => withPublicSource(deadline)),
    sanctionOptions: assessment.sanctionOptions.map((option) => withPublicSource(option)),
  };
}
export type PublicAssessment = ReturnType<typeof publicAssessment>;
