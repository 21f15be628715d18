-- Audit entries about what an anonymous reporter does (a tip sent, a reply, consent, an upload) carry
-- their local day only. Written straight into audit_events they would still be dated by their place in
-- the trail, between other people's entries that carry exact times (a sign-in a minute before, a
-- handler's action a minute after). They wait here, in the transaction of the change they record, until
-- their local day is over; the sealer then moves them into the trail in random order (decision 0005).
CREATE TABLE audit_deferred (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  release_after timestamptz NOT NULL,
  occurred_at   timestamptz NOT NULL,
  actor_id      uuid,
  actor_label   text NOT NULL,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text,
  before_digest text,
  after_digest  text,
  details       jsonb NOT NULL
);
CREATE INDEX audit_deferred_release_idx ON audit_deferred (release_after);

-- Files an anonymous reporter sent before this release kept their exact receipt time (the row and its received and
-- sealed custody events): they keep the start of their local day from now on, like new ones (computed in UTC wall
-- time plus the zone's fixed offset, whatever the session's TimeZone; Indonesia keeps no daylight saving time).
WITH anon AS (
  SELECT e.id,
         CASE r.time_zone WHEN 'WITA' THEN 8 WHEN 'WIT' THEN 9 ELSE 7 END AS utc_offset
    FROM evidence e JOIN tips t ON t.id = e.tip_id JOIN regions r ON r.code = t.region_code
   WHERE EXISTS (SELECT 1 FROM custody_events c WHERE c.evidence_id = e.id AND c.action = 'received' AND c.actor_id IS NULL AND c.actor_label = 'public')
),
rows_done AS (
  UPDATE evidence e
     SET received_at = (date_trunc('day', (e.received_at AT TIME ZONE 'UTC') + make_interval(hours => a.utc_offset)) - make_interval(hours => a.utc_offset)) AT TIME ZONE 'UTC'
    FROM anon a
   WHERE e.id = a.id
  RETURNING e.id
)
UPDATE custody_events c
   SET at = (date_trunc('day', (c.at AT TIME ZONE 'UTC') + make_interval(hours => a.utc_offset)) - make_interval(hours => a.utc_offset)) AT TIME ZONE 'UTC'
  FROM anon a
 WHERE c.evidence_id = a.id AND c.action IN ('received', 'sealed');
