-- Officials' contact points for notices, and the outbox of notifications written in the same
-- transaction as the change that causes them (delivered after commit, with retries).
ALTER TABLE users ADD COLUMN email text;
ALTER TABLE users ADD COLUMN phone text;

CREATE TABLE notification_outbox (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel    text NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  recipient  text NOT NULL,
  subject    text NOT NULL,
  body       text NOT NULL,
  case_id    uuid REFERENCES cases (id),
  status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  claimed_at timestamptz,
  attempts   integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE status = 'pending';
