-- One index serves both NIP uniqueness and NIP-prefix search (text_pattern_ops keeps the usual
-- equality operator), so every registry write maintains one index fewer (bench/import).
CREATE UNIQUE INDEX employees_nip_uq ON employees (nip text_pattern_ops) WHERE nip IS NOT NULL;
DROP INDEX employees_nip_key;
DROP INDEX employees_nip_prefix_idx;
