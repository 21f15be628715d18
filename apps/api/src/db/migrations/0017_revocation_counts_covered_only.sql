-- A revocation adjusted the coverage cell of the employee's current unit, region and type even when
-- the campaign no longer covers them (deactivated, moved out of its units, another employment type):
-- cells rebuilt since then do not count them, so subtracting one undercounted (even below zero).
-- A revocation (or its reversal) now changes a cell only for an employee the campaign covers; for
-- anyone else the cells already leave them out. Signatures keep their increment (a signer is covered).
CREATE OR REPLACE FUNCTION count_pledge_signatures() RETURNS trigger LANGUAGE plpgsql AS $$
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
              FROM new_rows p JOIN old_rows o ON o.id = p.id JOIN employees e ON e.id = p.employee_id
              JOIN pledge_campaigns k ON k.id = p.campaign_id
             -- the campaign's coverage (pledges.service.ts coveredSql)
             WHERE e.agency_id = k.agency_id AND e.active AND e.employment_type = ANY (k.employment_types)
               AND (k.unit_id IS NULL OR e.unit_id IN (SELECT s.id FROM units s, units r WHERE r.id = k.unit_id AND s.id_path LIKE r.id_path || '%'))
             GROUP BY 1, 2, 3, 4) d
     WHERE d.n <> 0 AND c.campaign_id = d.campaign_id AND coalesce(c.unit_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.unit_id, '00000000-0000-0000-0000-000000000000'::uuid)
       AND c.region_code = d.region_code AND c.employment_type = d.employment_type;
  END IF;
  RETURN NULL;
END $$;
