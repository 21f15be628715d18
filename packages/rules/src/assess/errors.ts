import type { Bilingual } from '../shared/types.ts';

export type AssessmentErrorCode =
  | 'INPUT_NOT_OBJECT'
  | 'FIELD_REQUIRED'
  | 'FIELD_NOT_STRING'
  | 'ELECTION_UNKNOWN'
  | 'REGION_CODE_INVALID'
  | 'REGION_PROVINCE_UNKNOWN'
  | 'DATE_INVALID'
  | 'DATE_OUT_OF_RANGE'
  | 'KNOWN_DATE_BEFORE_INCIDENT'
  | 'REPORT_DATE_BEFORE_INCIDENT'
  | 'REPORT_DATE_BEFORE_KNOWN'
  | 'REGISTRATION_DATE_BEFORE_REPORT'
  | 'ACTOR_TYPE_UNKNOWN'
  | 'ACT_UNKNOWN';

// Error's `message` is a string; this error carries a bilingual one, so the base type drops it.
const ErrorBase = Error as unknown as new (message?: string) => Omit<Error, 'message'>;

/** Invalid assessment input. `message` names the bad value in Indonesian and English. */
export class AssessmentInputError extends ErrorBase {
  readonly code: AssessmentErrorCode;
  readonly field: string;
  readonly value: unknown;
  readonly message: Bilingual;

  constructor(code: AssessmentErrorCode, field: string, message: Bilingual, value?: unknown) {
    super(message.en);
    this.name = 'AssessmentInputError';
    this.code = code;
    this.field = field;
    this.value = value;
    this.message = message;
  }

  override toString(): string {
    return `${this.name} [${this.code}] ${this.field}: ${this.message.en}`;
  }
}

export function isAssessmentInputError(error: unknown): error is AssessmentInputError {
  return error instanceof AssessmentInputError;
}
