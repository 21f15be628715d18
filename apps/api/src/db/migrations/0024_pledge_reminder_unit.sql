-- Reminders from the campaign page drilled into a unit go to that unit's staff only. A run now
-- records the unit subtree it covered (NULL: the whole campaign), and the once-a-day rule is per
-- campaign, local day and unit: a unit run does not stop a run for another unit the same day. The
-- service holds the campaign row while it decides, so a run never reminds anyone a run of that day
-- already covered (the whole campaign, or a unit above); this key only stops an exact repeat.
ALTER TABLE pledge_reminder_runs ADD COLUMN unit_id uuid REFERENCES units (id);
ALTER TABLE pledge_reminder_runs ADD COLUMN unreachable integer NOT NULL DEFAULT 0;
ALTER TABLE pledge_reminder_runs DROP CONSTRAINT pledge_reminder_runs_campaign_id_local_date_key;
CREATE UNIQUE INDEX pledge_reminder_runs_once_a_day ON pledge_reminder_runs (campaign_id, local_date, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid));
