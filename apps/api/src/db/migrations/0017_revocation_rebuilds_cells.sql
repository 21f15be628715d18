-- A revocation no longer adjusts a coverage cell by one: the employee whose pledge is revoked may no
-- longer be covered by the campaign (deactivated, moved out of its units, another employment type),
-- and the cells rebuilt since then do not count them, so subtracting one undercounted a cell (even
-- below zero). A revocation (or its reversal) now marks the campaign's cells stale; the next read
-- rebuilds them from the registry and the standing pledges (pledge-follow-up.service.ts). Revocations
-- are rare; signatures keep their cheap increment (a signer is always covered when signing).
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
    UPDATE pledge_campaigns SET cells_generation = NULL
     WHERE id IN (SELECT p.campaign_id FROM new_rows p JOIN old_rows o ON o.id = p.id WHERE (o.revoked_at IS NULL) <> (p.revoked_at IS NULL));
  END IF;
  RETURN NULL;
END $$;
