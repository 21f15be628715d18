-- The full row-error report of an import from the web, kept with its run in the database. It was a
-- file in the serving process's temporary folder: lost on a restart, and on a deployment with several
-- API servers only the one that ran the import could serve it. Reports are removed 30 days after
-- their import (the run itself, with its summary and first errors, stays).
CREATE TABLE import_run_errors (
  run_id      uuid NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
  row         int NOT NULL,
  ord         int NOT NULL,
  column_name text,
  code        text NOT NULL,
  message     text NOT NULL,
  message_id  text NOT NULL,
  PRIMARY KEY (run_id, row, ord)
);
