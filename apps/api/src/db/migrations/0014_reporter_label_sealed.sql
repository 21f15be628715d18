-- A reporter heard in a clarification or named in a summons used to be stored by name, readable by
-- every reader of the case (BKN, the PPK) and printed in its documents. Since this release the name
-- never enters readable case data (the workflow replaces it with a neutral label, and reads mask any
-- older row); this migration removes the names already stored, in the three places they were kept.
-- The label must equal REPORTER_LABEL in apps/api/src/modules/cases/domain/workflow.ts.

UPDATE case_clarifications
   SET person_label = 'Pelapor (identitas dirahasiakan) / Reporter (identity sealed)'
 WHERE party = 'reporter';

UPDATE case_events
   SET payload = jsonb_set(payload, '{personLabel}', to_jsonb('Pelapor (identitas dirahasiakan) / Reporter (identity sealed)'::text))
 WHERE type IN ('SUMMON', 'RECORD_CLARIFICATION') AND payload->>'party' = 'reporter' AND payload ? 'personLabel';

UPDATE cases c
   SET state = jsonb_set(
         jsonb_set(c.state, '{clarifications}', coalesce((
           SELECT jsonb_agg(CASE WHEN x.v->>'party' = 'reporter'
                                 THEN jsonb_set(x.v, '{personLabel}', to_jsonb('Pelapor (identitas dirahasiakan) / Reporter (identity sealed)'::text))
                                 ELSE x.v END ORDER BY x.n)
             FROM jsonb_array_elements(c.state->'clarifications') WITH ORDINALITY AS x(v, n)), '[]'::jsonb)),
         '{summons}', coalesce((
           SELECT jsonb_agg(CASE WHEN x.v->>'party' = 'reporter'
                                 THEN jsonb_set(x.v, '{personLabel}', to_jsonb('Pelapor (identitas dirahasiakan) / Reporter (identity sealed)'::text))
                                 ELSE x.v END ORDER BY x.n)
             FROM jsonb_array_elements(c.state->'summons') WITH ORDINALITY AS x(v, n)), '[]'::jsonb))
 WHERE jsonb_typeof(c.state->'clarifications') = 'array'
   AND (EXISTS (SELECT 1 FROM jsonb_array_elements(c.state->'clarifications') v WHERE v->>'party' = 'reporter'
                  AND v->>'personLabel' IS DISTINCT FROM 'Pelapor (identitas dirahasiakan) / Reporter (identity sealed)')
        OR (jsonb_typeof(c.state->'summons') = 'array'
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.state->'summons') v WHERE v->>'party' = 'reporter'
                          AND v->>'personLabel' IS DISTINCT FROM 'Pelapor (identitas dirahasiakan) / Reporter (identity sealed)')));
