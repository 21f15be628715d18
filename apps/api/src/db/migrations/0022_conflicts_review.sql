-- Conflicts of interest, reviewed (after 0011, 0015, 0019).
--
-- 1. A KPU list slot (region, chamber, district, party, number) can pass to another person: a candidate
--    replaced there (PAW, a corrected DCT) is kept, withdrawn, for the register entries that point to them,
--    and the slot's key applies to the candidates still on the list only.
ALTER TABLE election_candidates
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN replaced_by uuid REFERENCES election_candidates (id);

-- 2. Re-importing a list without its optional chamber column (Lembaga) stored each candidate again, with no
--    chamber, beside the row that has one. Such a copy (same slot, same name) is merged into that row; its
--    register entries move there, an officer's decision winning over a suggestion.
CREATE TEMPORARY TABLE candidate_chamber_merge AS
SELECT n.id, min(k.id::text)::uuid AS keeper
  FROM election_candidates n
  JOIN election_candidates k
    ON k.election_id = n.election_id AND k.kind = n.kind AND k.region_code = n.region_code AND k.dapil_key = n.dapil_key
   AND k.party_number IS NOT DISTINCT FROM n.party_number AND k.ballot_number = n.ballot_number AND k.chamber IS NOT NULL
   AND lower(btrim(regexp_replace(k.name, '\s+', ' ', 'g'))) = lower(btrim(regexp_replace(n.name, '\s+', ' ', 'g')))
 WHERE n.chamber IS NULL
 GROUP BY n.id
HAVING count(*) = 1;

DELETE FROM conflicts k
 USING (SELECT c.id,
               row_number() OVER (PARTITION BY c.employee_id, coalesce(m.keeper, c.candidate_id)
                                  ORDER BY CASE c.status WHEN 'confirmed' THEN 0 WHEN 'dismissed' THEN 1 ELSE 2 END,
                                           c.decided_at DESC NULLS LAST, c.created_at, c.id) AS rank
          FROM conflicts c LEFT JOIN candidate_chamber_merge m ON m.id = c.candidate_id
         WHERE c.candidate_id IN (SELECT id FROM candidate_chamber_merge UNION SELECT keeper FROM candidate_chamber_merge)) d
 WHERE d.id = k.id AND d.rank > 1;

UPDATE conflicts k SET candidate_id = m.keeper FROM candidate_chamber_merge m WHERE m.id = k.candidate_id;

DELETE FROM election_candidates c USING candidate_chamber_merge m WHERE m.id = c.id;

DROP TABLE candidate_chamber_merge;

-- importCandidates finds a row's slot ignoring the chamber when the row has none (this index), and inserts
-- under the key of the candidates on the list (the unique index).
DROP INDEX election_candidates_slot_key;
CREATE UNIQUE INDEX election_candidates_slot_key
  ON election_candidates (election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number) NULLS NOT DISTINCT
  WHERE withdrawn_at IS NULL;
CREATE INDEX election_candidates_slot_idx ON election_candidates (election_id, kind, region_code, dapil_key, party_number, ballot_number);

-- 3. A register entry names the person of the list entry it concerns (a pair's head or running mate), the
--    declaration it rests on, whether that declaration was withdrawn since it was confirmed, and the earlier
--    decisions that were reopened.
ALTER TABLE conflicts
  ADD COLUMN member text NOT NULL DEFAULT 'head' CHECK (member IN ('head', 'running_mate')),
  ADD COLUMN relative_id uuid REFERENCES employee_relatives (id) ON DELETE SET NULL,
  ADD COLUMN basis_withdrawn_at timestamptz,
  ADD COLUMN history jsonb NOT NULL DEFAULT '[]';

-- The declaration an entry was suggested from, found by the reason the matcher wrote ("declared spouse: Name").
UPDATE conflicts k SET relative_id = r.id
  FROM employee_relatives r
 WHERE k.source = 'declared' AND r.employee_id = k.employee_id
   AND jsonb_typeof(k.reasons -> 0) = 'string' AND k.reasons ->> 0 = 'declared ' || r.kind || ': ' || r.name;

-- Entries on a pair whose evidence (the declared name, the patronymic, else the employee's own name) is
-- closer to the running mate's name than to the head's concern the running mate.
CREATE TEMPORARY TABLE conflict_evidence AS
SELECT k.id, c.name, c.running_mate_name,
       CASE WHEN k.reasons ->> 0 LIKE 'declared %: %' THEN substring(k.reasons ->> 0 FROM ': (.*)$')
            WHEN k.reasons ->> 0 LIKE 'patronymic: %' THEN substring(k.reasons ->> 0 FROM 13)
            ELSE e.name END AS evidence
  FROM conflicts k JOIN election_candidates c ON c.id = k.candidate_id JOIN employees e ON e.id = k.employee_id
 WHERE c.running_mate_name IS NOT NULL AND jsonb_typeof(k.reasons -> 0) = 'string';

UPDATE conflicts k SET member = 'running_mate'
  FROM conflict_evidence x
 WHERE x.id = k.id AND similarity(x.evidence, x.running_mate_name) > similarity(x.evidence, x.name);

DROP TABLE conflict_evidence;

-- Reasons become codes with the values they name, shown in the reader's language (ConflictReason).
UPDATE conflicts k SET reasons = coalesce((
  SELECT jsonb_agg(CASE
           WHEN r.value LIKE 'declared %: %' THEN jsonb_build_object('code', 'DECLARED', 'params',
             jsonb_build_object('relation', substring(r.value FROM '^declared ([a-z_]+): '), 'name', substring(r.value FROM '^declared [a-z_]+: (.*)$')))
           WHEN r.value = 'same region' THEN jsonb_build_object('code', 'SAME_REGION', 'params', '{}'::jsonb)
           WHEN r.value LIKE 'patronymic: %' THEN jsonb_build_object('code', 'PATRONYMIC', 'params', jsonb_build_object('name', substring(r.value FROM 13)))
           WHEN r.value = 'same name on the candidate list' THEN jsonb_build_object('code', 'SAME_NAME', 'params', '{}'::jsonb)
           ELSE jsonb_build_object('code', 'TEXT', 'params', jsonb_build_object('text', r.value)) END ORDER BY r.n)
    FROM jsonb_array_elements_text(k.reasons) WITH ORDINALITY AS r (value, n)), '[]'::jsonb)
 WHERE jsonb_typeof(k.reasons) = 'array' AND jsonb_typeof(k.reasons -> 0) = 'string';

-- One entry per employee and person of a list entry (a pair's head and running mate are two people).
DO $$
DECLARE
  old record;
BEGIN
  FOR old IN SELECT conname FROM pg_constraint WHERE conrelid = 'conflicts'::regclass AND contype = 'u' LOOP
    EXECUTE format('ALTER TABLE conflicts DROP CONSTRAINT %I', old.conname);
  END LOOP;
END $$;
CREATE UNIQUE INDEX conflicts_person_key ON conflicts (employee_id, candidate_id, member);
CREATE INDEX conflicts_relative_idx ON conflicts (relative_id) WHERE relative_id IS NOT NULL;
