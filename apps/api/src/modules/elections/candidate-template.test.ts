import { describe, expect, it } from 'vitest';
import { CANDIDATE_TEMPLATES, type CandidateTemplateKind } from '@netra/contracts';
import { parseLegislativeCandidateRows, parsePairRows } from '@netra/rules';

// The template the web offers for download must be a file the import reads, each column landing in its field.
describe.each(Object.keys(CANDIDATE_TEMPLATES) as CandidateTemplateKind[])('the %s candidate list template', (kind) => {
  it('is read by the import without errors, each column into the field it names', () => {
    const { columns, example } = CANDIDATE_TEMPLATES[kind];
    const headers = columns.map((c) => c.header);
    const rows = example.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]!])));
    const parse = kind === 'legislative' ? parseLegislativeCandidateRows : parsePairRows;
    const parsed = parse(rows, { headers });
    expect(parsed.errors).toEqual([]);
    expect(Object.keys(parsed.records[0]!.value).sort()).toEqual(columns.map((c) => c.field).sort());
  });
});
