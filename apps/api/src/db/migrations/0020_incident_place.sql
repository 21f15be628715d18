-- The place of the incident (tempat kejadian): a report's minimum content and a material requirement
-- of the initial review (UU 7/2017 Pasal 454(4), UU 10/2016 Pasal 134(3); domain.md §4.1-4.3). The
-- region code says which office handles the case; this says where it happened ("Aula Kantor Kecamatan
-- Bekasi Barat"). Findings made from a tip take the place the tip named.
ALTER TABLE cases ADD COLUMN incident_place text;

UPDATE cases c
   SET incident_place = t.where_text
  FROM tips t
 WHERE c.tip_id = t.id
   AND c.incident_place IS NULL
   AND t.where_text IS NOT NULL
   AND btrim(t.where_text) <> '';
