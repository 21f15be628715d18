-- Pledge texts per agency: the national standard texts (agency_id NULL, with their source) and an
-- agency's own versions of a surat pernyataan, pakta integritas or ikrar, numbered per agency and kind.
ALTER TABLE pledge_templates ADD COLUMN agency_id uuid REFERENCES agencies (id);
ALTER TABLE pledge_templates ADD COLUMN source text;
ALTER TABLE pledge_templates ADD COLUMN created_by uuid REFERENCES users (id);
ALTER TABLE pledge_templates DROP CONSTRAINT pledge_templates_kind_version_key;
CREATE UNIQUE INDEX pledge_templates_version_key
  ON pledge_templates (coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, version);

-- An employee may also sign through their own Netra account (the session identifies them).
ALTER TABLE pledges DROP CONSTRAINT pledges_method_check;
ALTER TABLE pledges ADD CONSTRAINT pledges_method_check CHECK (method IN ('self_service', 'ceremony', 'account'));

-- A signing ceremony (apel, penandatanganan bersama): when, where, who witnessed (seed 003: the Sekda, the
-- Pj Wali Kota and Bawaslu), how many were listed and signed, and the scanned signed sheet, sealed like
-- evidence (AES-256-GCM, key wrapped by the master key; `sheet` holds the seal and the file's SHA-256).
CREATE TABLE pledge_ceremonies (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES pledge_campaigns (id),
  -- the recorder's unit when they hold only a unit-scoped grant: the ceremony and its sheet stay within that subtree
  unit_id     uuid REFERENCES units (id),
  held_on     date NOT NULL,
  place       text,
  witnesses   text,
  listed      integer NOT NULL,
  signed      integer NOT NULL,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  sheet       jsonb
);
CREATE INDEX pledge_ceremonies_campaign_idx ON pledge_ceremonies (campaign_id, held_on);
ALTER TABLE pledges ADD COLUMN ceremony_id uuid REFERENCES pledge_ceremonies (id);
