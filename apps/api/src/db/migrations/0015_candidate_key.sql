-- The natural key of a candidate was (election, kind, region, district, party, ballot number), while an
-- import file's own duplicate check also looked at the chamber and compared districts ignoring letter case:
-- a DPRD Kota and a DPRD Provinsi candidate in the same slot overwrote each other, and re-importing
-- "KOTA BEKASI 1" as "Kota Bekasi 1" added every candidate again. The key now includes the chamber and
-- compares the district through a stored normalised label, the same way as `districtKey` in
-- packages/rules/src/elections/import-rows.ts (case, surrounding and repeated spaces do not matter).
ALTER TABLE election_candidates
  ADD COLUMN dapil_key text GENERATED ALWAYS AS (lower(btrim(regexp_replace(electoral_district, '\s+', ' ', 'g')))) STORED;

-- Rows already stored twice under the new key (the same slot imported with another letter case) are merged:
-- the most recently imported row stays, the register of conflicts of interest moves to it.
CREATE TEMPORARY TABLE candidate_key_merge AS
SELECT id, keeper
  FROM (SELECT id,
               first_value(id) OVER slot AS keeper,
               count(*) OVER (PARTITION BY election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number) AS n
          FROM election_candidates
        WINDOW slot AS (PARTITION BY election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number ORDER BY updated_at DESC, id)) s
 WHERE n > 1;

-- One register entry per employee and remaining candidate: an officer's decision wins over a suggestion.
DELETE FROM conflicts k
 USING (SELECT c.id,
               row_number() OVER (PARTITION BY c.employee_id, m.keeper
                                  ORDER BY CASE c.status WHEN 'confirmed' THEN 0 WHEN 'dismissed' THEN 1 ELSE 2 END,
                                           c.decided_at DESC NULLS LAST, c.created_at, c.id) AS rank
          FROM conflicts c JOIN candidate_key_merge m ON m.id = c.candidate_id) d
 WHERE d.id = k.id AND d.rank > 1;

UPDATE conflicts k SET candidate_id = m.keeper
  FROM candidate_key_merge m
 WHERE m.id = k.candidate_id AND m.id <> m.keeper;

DELETE FROM election_candidates c
 USING candidate_key_merge m
 WHERE m.id = c.id AND m.id <> m.keeper;

DROP TABLE candidate_key_merge;

-- The former key (its name was generated from the columns of 0002_elections.sql).
DO $$
DECLARE
  old record;
BEGIN
  FOR old IN SELECT conname FROM pg_constraint WHERE conrelid = 'election_candidates'::regclass AND contype = 'u' LOOP
    EXECUTE format('ALTER TABLE election_candidates DROP CONSTRAINT %I', old.conname);
  END LOOP;
END $$;

-- importCandidates names exactly these columns in ON CONFLICT.
CREATE UNIQUE INDEX election_candidates_slot_key
  ON election_candidates (election_id, kind, region_code, chamber, dapil_key, party_number, ballot_number) NULLS NOT DISTINCT;
