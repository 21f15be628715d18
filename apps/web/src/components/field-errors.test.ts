import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { fieldLabelsFor } from './field-errors.ts';

const problem = (errors: { path: string; message: string; messageId?: string }[], id: string) =>
  new ApiError(400, { type: 't', title: 'VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED', detail: 'Invalid input', message: { id, en: 'Invalid input' }, errors });

describe('fieldLabelsFor', () => {
  it("labels every field a problem names, keyed as ProblemAlert reads them, with the form's own name", () => {
    const error = problem([{ path: 'body.event.letterNumber', message: 'Letter number is required' }], 'Nomor surat wajib diisi');
    expect(fieldLabelsFor(error, (f) => `label of ${f}`, 'body.event.')).toEqual({ 'event.letterNumber': 'label of letterNumber' });
    expect(fieldLabelsFor(problem([{ path: 'body.witnesses.1.name', message: 'm' }], 'x'), (f) => f)).toEqual({ 'witnesses.1.name': 'witnesses.1.name' });
    expect(fieldLabelsFor(new Error('network'), (f) => f)).toEqual({});
  });
});
