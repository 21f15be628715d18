-- Cases (reports, findings, tips turned findings) with their state machine, clocks, handlers,
-- clarifications, sealed reporter identity and evidence with its chain of custody.
CREATE TABLE cases (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number          text UNIQUE,
  source               text NOT NULL CHECK (source IN ('tip', 'report', 'finding')),
  tip_id               uuid REFERENCES tips (id),
  election_id          text NOT NULL,
  regime               text NOT NULL CHECK (regime IN ('pemilu', 'pilkada')),
  region_code          text NOT NULL REFERENCES regions (code),
  status               text NOT NULL,
  state                jsonb NOT NULL,
  version              integer NOT NULL DEFAULT 1,
  title                text NOT NULL,
  summary              text NOT NULL,
  incident_on          date,
  known_on             date,
  received_on          date NOT NULL,
  act_code             text,
  actor_type           text,
  reported_text        text,
  reported_employee_id uuid REFERENCES employees (id),
  reported_agency_id   uuid REFERENCES agencies (id),
  authority_id         text,
  next_due_at          timestamptz,
  flags                text[] NOT NULL DEFAULT '{}',
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_region_idx ON cases (region_code text_pattern_ops);
CREATE INDEX cases_status_due_idx ON cases (status, next_due_at);
CREATE INDEX cases_due_idx ON cases (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX cases_reported_employee_idx ON cases (reported_employee_id);
CREATE INDEX cases_reported_agency_idx ON cases (reported_agency_id);

CREATE TABLE case_events (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  type        text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_id    uuid,
  actor_label text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX case_events_case_idx ON case_events (case_id, seq);

CREATE TABLE case_deadlines (
  case_id  uuid NOT NULL REFERENCES cases (id),
  rule_id  text NOT NULL,
  name     jsonb NOT NULL,
  due_date date NOT NULL,
  due_at   text NOT NULL,
  status   text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'cancelled')),
  PRIMARY KEY (case_id, rule_id)
);

CREATE TABLE case_handlers (
  case_id     uuid NOT NULL REFERENCES cases (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);

-- Idempotency keys of the deadline sweep (one warning / escalation per deadline).
CREATE TABLE case_notices (
  key     text PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  kind    text NOT NULL,
  sent_at timestamptz NOT NULL
);

CREATE TABLE case_clarifications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id      uuid NOT NULL REFERENCES cases (id),
  party        text NOT NULL CHECK (party IN ('reporter', 'reported', 'witness')),
  person_label text NOT NULL,
  summoned_on  date,
  held_on      date,
  statement    text,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_clarifications_case_idx ON case_clarifications (case_id);

-- Reporter identity of a formal report: sealed with the master key, kept apart from the case,
-- opened only by assigned handlers with a logged reason.
CREATE TABLE case_reporters (
  case_id         uuid PRIMARY KEY REFERENCES cases (id),
  sealed_identity text NOT NULL
);
CREATE TABLE reporter_identity_access (
  seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  reason  text NOT NULL,
  at      timestamptz NOT NULL
);

CREATE TABLE evidence (
  id               uuid PRIMARY KEY,
  tip_id           uuid REFERENCES tips (id),
  case_id          uuid REFERENCES cases (id),
  file_name        text NOT NULL,
  mime             text NOT NULL,
  size             bigint NOT NULL,
  sha256           text NOT NULL,
  sealed           jsonb NOT NULL,
  shareable_sha256 text,
  shareable_mime   text,
  metadata         jsonb NOT NULL DEFAULT '{}'::jsonb,
  received_at      timestamptz NOT NULL,
  CHECK (tip_id IS NOT NULL OR case_id IS NOT NULL)
);
CREATE INDEX evidence_tip_idx ON evidence (tip_id);
CREATE INDEX evidence_case_idx ON evidence (case_id);
CREATE INDEX evidence_sha_idx ON evidence (sha256);

CREATE TABLE custody_events (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL REFERENCES evidence (id),
  action      text NOT NULL CHECK (action IN ('received', 'sealed', 'viewed', 'downloaded_original', 'downloaded_copy', 'handed_over')),
  actor_id    uuid,
  actor_label text NOT NULL,
  reason      text,
  at          timestamptz NOT NULL
);
CREATE INDEX custody_events_evidence_idx ON custody_events (evidence_id, seq);

ALTER TABLE tips ADD COLUMN case_id uuid REFERENCES cases (id);
