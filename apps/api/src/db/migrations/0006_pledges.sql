-- Neutrality pledges (surat pernyataan netralitas, pakta integritas, ikrar): versioned texts,
-- campaigns per agency/unit subtree/employment types and period, signatures with a public
-- verification code, one-time codes for self-service signing.
CREATE TABLE pledge_templates (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind         text NOT NULL CHECK (kind IN ('surat_pernyataan', 'pakta_integritas', 'ikrar')),
  version      integer NOT NULL,
  title        text NOT NULL,
  body         text NOT NULL,
  content_hash text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, version)
);

CREATE TABLE pledge_campaigns (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id        uuid NOT NULL REFERENCES agencies (id),
  template_id      uuid NOT NULL REFERENCES pledge_templates (id),
  election_id      text NOT NULL,
  unit_id          uuid REFERENCES units (id),
  employment_types text[] NOT NULL,
  opens_on         date NOT NULL,
  closes_on        date NOT NULL,
  title            text NOT NULL,
  created_by       uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
CREATE INDEX pledge_campaigns_agency_idx ON pledge_campaigns (agency_id);

CREATE TABLE pledges (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id     uuid NOT NULL REFERENCES pledge_campaigns (id),
  employee_id     uuid NOT NULL REFERENCES employees (id),
  signed_at       timestamptz NOT NULL,
  method          text NOT NULL CHECK (method IN ('self_service', 'ceremony')),
  content_hash    text NOT NULL,
  emeterai_serial text CHECK (emeterai_serial ~ '^[A-Za-z0-9]{22}$'),
  verify_code     text NOT NULL UNIQUE,
  recorded_by     uuid REFERENCES users (id),
  revoked_at      timestamptz,
  revoke_reason   text
);
-- one standing pledge per employee and campaign; a revoked pledge can be signed again
CREATE UNIQUE INDEX pledges_standing_key ON pledges (campaign_id, employee_id) WHERE revoked_at IS NULL;

CREATE TABLE pledge_otps (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES pledge_campaigns (id),
  employee_id uuid NOT NULL REFERENCES employees (id),
  code_hash   text NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  attempts    integer NOT NULL DEFAULT 0
);
CREATE INDEX pledge_otps_lookup_idx ON pledge_otps (campaign_id, employee_id, expires_at);
