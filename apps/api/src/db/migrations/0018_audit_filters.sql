-- The audit page filters the trail by actor, action (or a kind of action: "case."), and time; the
-- trail grows with every write and every read of personal data, so each filter has its index
-- (entity type and id already have one). seq orders each filter's matches newest first.
CREATE INDEX audit_events_actor_idx ON audit_events (actor_label, seq);
CREATE INDEX audit_events_action_idx ON audit_events (action text_pattern_ops, seq);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at);
