-- Socialization corrections: a wrongly recorded attendance entry, briefing or reminder activity is
-- withdrawn (voided) with a reason, never deleted, so the audit trail keeps what was claimed; a
-- withdrawn entry stops counting in coverage. An employee whose attendance was withdrawn may be
-- recorded again, so attendance gets its own id and "one entry per employee and event" holds only
-- among the entries not withdrawn.
ALTER TABLE socialization_attendance ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE socialization_attendance ADD COLUMN voided_at timestamptz;
ALTER TABLE socialization_attendance ADD COLUMN voided_by uuid REFERENCES users (id);
ALTER TABLE socialization_attendance ADD COLUMN void_reason text;
ALTER TABLE socialization_attendance ADD CONSTRAINT socialization_attendance_void_check CHECK ((voided_at IS NULL) = (void_reason IS NULL));
ALTER TABLE socialization_attendance DROP CONSTRAINT socialization_attendance_pkey;
ALTER TABLE socialization_attendance ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX socialization_attendance_active_key ON socialization_attendance (event_id, employee_id) WHERE voided_at IS NULL;

ALTER TABLE socialization_briefings ADD COLUMN voided_at timestamptz;
ALTER TABLE socialization_briefings ADD COLUMN voided_by uuid REFERENCES users (id);
ALTER TABLE socialization_briefings ADD COLUMN void_reason text;
ALTER TABLE socialization_briefings ADD CONSTRAINT socialization_briefings_void_check CHECK ((voided_at IS NULL) = (void_reason IS NULL));

ALTER TABLE socialization_reminders ADD COLUMN voided_at timestamptz;
ALTER TABLE socialization_reminders ADD COLUMN voided_by uuid REFERENCES users (id);
ALTER TABLE socialization_reminders ADD COLUMN void_reason text;
ALTER TABLE socialization_reminders ADD CONSTRAINT socialization_reminders_void_check CHECK ((voided_at IS NULL) = (void_reason IS NULL));

-- QR check-in finds a non-ASN id whatever its case ("thl-003841" typed on a phone for THL-003841)
CREATE INDEX employees_internal_id_upper_idx ON employees (agency_id, upper(internal_id)) WHERE internal_id IS NOT NULL;
