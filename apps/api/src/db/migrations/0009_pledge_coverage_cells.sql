-- Pledge coverage as counters (bench/coverage): one cell per campaign, unit, region and
-- employment type holds how many employees must sign and how many have a standing pledge.
--  * `signed` follows every signature and revocation through a statement trigger on pledges;
--  * `required` depends on the registry, so every write to employees bumps the agency's
--    registry generation (statement trigger) and a campaign's cells are rebuilt on the next read
--    when they were built at an older generation (pledge_campaigns.cells_generation).
-- The rebuild locks the campaign row FOR UPDATE; a signature's foreign key takes FOR KEY SHARE on it,
-- and the revocation trigger does the same, so no signature is counted twice or lost in a rebuild.

CREATE TABLE registry_generations (
  agency_id  uuid PRIMARY KEY REFERENCES agencies (id),
  generation bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION bump_registry_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO registry_generations AS g (agency_id, generation)
      SELECT DISTINCT agency_id, 1 FROM new_rows
      ON CONFLICT (agency_id) DO UPDATE SET generation = g.generation + 1;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO registry_generations AS g (agency_id, generation)
      SELECT DISTINCT agency_id, 1 FROM old_rows
      ON CONFLICT (agency_id) DO UPDATE SET generation = g.generation + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER employees_generation_ins AFTER INSERT ON employees REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();
CREATE TRIGGER employees_generation_upd AFTER UPDATE ON employees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();
CREATE TRIGGER employees_generation_del AFTER DELETE ON employees REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();

INSERT INTO registry_generations (agency_id, generation) SELECT DISTINCT agency_id, 1 FROM employees;

ALTER TABLE pledge_campaigns ADD COLUMN cells_generation bigint;

CREATE TABLE pledge_coverage_cells (
  campaign_id     uuid NOT NULL REFERENCES pledge_campaigns (id),
  unit_id         uuid REFERENCES units (id),
  region_code     text NOT NULL,
  employment_type text NOT NULL,
  required        integer NOT NULL,
  signed          integer NOT NULL
);
CREATE UNIQUE INDEX pledge_coverage_cells_key
  ON pledge_coverage_cells (campaign_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), region_code, employment_type);

CREATE FUNCTION count_pledge_signatures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE pledge_coverage_cells c SET signed = c.signed + d.n
      FROM (SELECT p.campaign_id, e.unit_id, e.region_code, e.employment_type, count(*)::int AS n
              FROM new_rows p JOIN employees e ON e.id = p.employee_id
             WHERE p.revoked_at IS NULL GROUP BY 1, 2, 3, 4) d
     WHERE c.campaign_id = d.campaign_id AND coalesce(c.unit_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.unit_id, '00000000-0000-0000-0000-000000000000'::uuid)
       AND c.region_code = d.region_code AND c.employment_type = d.employment_type;
  ELSE
    PERFORM 1 FROM pledge_campaigns WHERE id IN (SELECT campaign_id FROM new_rows) FOR KEY SHARE;
    UPDATE pledge_coverage_cells c SET signed = c.signed + d.n
      FROM (SELECT p.campaign_id, e.unit_id, e.region_code, e.employment_type,
                   sum(CASE WHEN o.revoked_at IS NULL AND p.revoked_at IS NOT NULL THEN -1
                            WHEN o.revoked_at IS NOT NULL AND p.revoked_at IS NULL THEN 1 ELSE 0 END)::int AS n
              FROM new_rows p JOIN old_rows o ON o.id = p.id JOIN employees e ON e.id = p.employee_id GROUP BY 1, 2, 3, 4) d
     WHERE d.n <> 0 AND c.campaign_id = d.campaign_id AND coalesce(c.unit_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.unit_id, '00000000-0000-0000-0000-000000000000'::uuid)
       AND c.region_code = d.region_code AND c.employment_type = d.employment_type;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER pledges_count_ins AFTER INSERT ON pledges REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_pledge_signatures();
CREATE TRIGGER pledges_count_upd AFTER UPDATE ON pledges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_pledge_signatures();
