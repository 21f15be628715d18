-- Anonymous tips (informasi awal). Nothing that identifies the sender is stored: no IP address,
-- user agent, cookie or exact submission time (dates only). The reporter follows the tip with a
-- receipt code and a secret (stored only as an argon2id hash).
CREATE TABLE tips (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  receipt_code        text NOT NULL UNIQUE,
  secret_hash         text NOT NULL,
  region_code         text NOT NULL REFERENCES regions (code),
  occurred_on         date,
  what                text NOT NULL,
  where_text          text,
  who_text            text,
  links               text[] NOT NULL DEFAULT '{}',
  status              text NOT NULL DEFAULT 'received'
                      CHECK (status IN ('received', 'in_review', 'needs_info', 'converted_finding', 'converted_report', 'closed')),
  received_on         date NOT NULL,
  consented_to_report boolean NOT NULL DEFAULT false,
  follow_failures     integer NOT NULL DEFAULT 0,
  follow_locked_until timestamptz
);
CREATE INDEX tips_region_idx ON tips (region_code text_pattern_ops);
CREATE INDEX tips_status_idx ON tips (status, received_on);

CREATE TABLE tip_messages (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tip_id     uuid NOT NULL REFERENCES tips (id),
  author     text NOT NULL CHECK (author IN ('reporter', 'handler', 'system')),
  handler_id uuid REFERENCES users (id),
  body       text NOT NULL,
  sent_on    date NOT NULL
);
CREATE INDEX tip_messages_tip_idx ON tip_messages (tip_id, seq);
