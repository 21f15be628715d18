-- Netra foundation: regions, agencies and units, employees, accounts and grants, sessions,
-- audit trail, import runs. Forward-only; applied identically to PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  code        text PRIMARY KEY,
  parent_code text REFERENCES regions (code),
  level       text NOT NULL CHECK (level IN ('province', 'regency', 'district', 'village')),
  name        text NOT NULL,
  time_zone   text NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT'))
);
CREATE INDEX regions_parent_idx ON regions (parent_code);
CREATE INDEX regions_level_idx ON regions (level);

CREATE TABLE agencies (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('provincial_government', 'regency_government', 'city_government', 'ministry', 'agency')),
  region_code text NOT NULL REFERENCES regions (code),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name, region_code)
);
CREATE INDEX agencies_region_idx ON agencies (region_code text_pattern_ops);

-- Units form a tree under their agency; name_key is the lower-cased path from the root and is
-- the natural key the import uses to find or create units.
CREATE TABLE units (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  parent_id   uuid REFERENCES units (id),
  name        text NOT NULL,
  path        text NOT NULL,
  name_key    text NOT NULL,
  kind        text NOT NULL DEFAULT 'other' CHECK (kind IN ('opd', 'bidang', 'kecamatan', 'kelurahan', 'desa', 'other')),
  region_code text REFERENCES regions (code),
  id_path     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, name_key)
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_id_path_idx ON units (id_path text_pattern_ops);

CREATE TABLE employees (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id       uuid NOT NULL REFERENCES agencies (id),
  unit_id         uuid REFERENCES units (id),
  -- derived from the unit (or the agency), both of which reference regions; no FK of its own
  -- so bulk imports skip a per-row trigger
  region_code     text NOT NULL,
  employment_type text NOT NULL CHECK (employment_type IN ('PNS', 'PPPK', 'NON_ASN')),
  nip             text,
  internal_id     text,
  name            text NOT NULL,
  position        text,
  echelon         text,
  rank            text,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((employment_type = 'NON_ASN') = (nip IS NULL)),
  CHECK ((employment_type = 'NON_ASN') = (internal_id IS NOT NULL))
);
-- NIP / NI PPPK identify a person nationally; non-ASN ids are agency-internal.
CREATE UNIQUE INDEX employees_nip_key ON employees (nip) WHERE nip IS NOT NULL;
CREATE UNIQUE INDEX employees_internal_id_key ON employees (agency_id, internal_id) WHERE internal_id IS NOT NULL;
CREATE INDEX employees_name_idx ON employees (name, id);
CREATE INDEX employees_agency_name_idx ON employees (agency_id, name, id);
CREATE INDEX employees_unit_idx ON employees (unit_id);
CREATE INDEX employees_region_idx ON employees (region_code text_pattern_ops);
CREATE INDEX employees_name_trgm_idx ON employees USING gin (name gin_trgm_ops);
CREATE INDEX employees_nip_prefix_idx ON employees (nip text_pattern_ops);

-- Protected personal data, kept apart so every read can be audited.
CREATE TABLE employee_contacts (
  employee_id uuid PRIMARY KEY REFERENCES employees (id),
  email       text,
  phone       text,
  nik         text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  totp_secret     text,
  totp_enabled    boolean NOT NULL DEFAULT false,
  totp_last_step  bigint,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  active          boolean NOT NULL DEFAULT true,
  employee_id     uuid REFERENCES employees (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id),
  role        text NOT NULL CHECK (role IN ('system_admin', 'agency_admin', 'unit_admin', 'supervisor', 'authority_officer', 'employing_official', 'auditor', 'employee')),
  region_code text REFERENCES regions (code),
  agency_id   uuid REFERENCES agencies (id),
  unit_id     uuid REFERENCES units (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grants_user_idx ON grants (user_id);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id),
  csrf_token   text NOT NULL,
  mfa_passed   boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Append-only, hash-chained audit trail: hash = sha256(prev_hash || canonical row).
CREATE TABLE audit_events (
  seq           bigint PRIMARY KEY,
  occurred_at   timestamptz NOT NULL,
  actor_id      uuid,
  actor_label   text NOT NULL,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text,
  before_digest text,
  after_digest  text,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash     text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

CREATE TABLE import_runs (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id    uuid NOT NULL REFERENCES agencies (id),
  actor_id     uuid,
  actor_label  text NOT NULL,
  file_name    text NOT NULL,
  dry_run      boolean NOT NULL,
  skip_invalid boolean NOT NULL,
  status       text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'rejected')),
  bytes_total  bigint NOT NULL DEFAULT 0,
  bytes_read   bigint NOT NULL DEFAULT 0,
  rows_read    bigint NOT NULL DEFAULT 0,
  summary      jsonb,
  failure      jsonb,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
