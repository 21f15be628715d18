-- The audit chain is sealed after the fact, so writers never queue on it (bench/pledge-burst).
-- A writer inserts its entry in its own transaction, as before, with `seq` from a sequence and no
-- link yet. The sealer (one at a time, advisory lock 72202) takes the committed entries that have no
-- link, in seq order, gives each the next dense chain position and hash = sha256(prev_hash ||
-- canonical row), the same formula as before. Entries written before this migration keep their
-- links: their chain position is their seq, which was dense.
-- `netra audit verify` walks chain positions 1..n: a missing position, a wrong prev_hash or content
-- that no longer matches its hash names the first broken entry.

ALTER TABLE audit_events ADD COLUMN chain_pos bigint;
UPDATE audit_events SET chain_pos = seq;
ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_events ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_sealed_whole
  CHECK ((chain_pos IS NULL AND prev_hash IS NULL AND hash IS NULL) OR (chain_pos IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL));
CREATE UNIQUE INDEX audit_events_chain_pos ON audit_events (chain_pos) WHERE chain_pos IS NOT NULL;
CREATE INDEX audit_events_unsealed ON audit_events (seq) WHERE chain_pos IS NULL;
CREATE SEQUENCE audit_events_seq OWNED BY audit_events.seq;
SELECT setval('audit_events_seq', coalesce((SELECT max(seq) FROM audit_events), 0) + 1, false);
ALTER TABLE audit_events ALTER COLUMN seq SET DEFAULT nextval('audit_events_seq');
