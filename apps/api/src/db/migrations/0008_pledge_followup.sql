-- Pledge follow-up: a one-time download of the signed pledge for the self-service signer (only
-- the token's hash is kept), and at most one reminder run per campaign and local day.
CREATE TABLE pledge_download_tokens (
  token_hash text PRIMARY KEY,
  pledge_id  uuid NOT NULL REFERENCES pledges (id),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE pledge_reminder_runs (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id        uuid NOT NULL REFERENCES pledge_campaigns (id),
  local_date         date NOT NULL,
  employees_reminded integer NOT NULL DEFAULT 0,
  without_contact    integer NOT NULL DEFAULT 0,
  summaries          integer NOT NULL DEFAULT 0,
  sent_by            uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, local_date)
);
