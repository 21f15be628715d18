-- Socialization (sosialisasi netralitas): events with their attendance (QR check-in, imported
-- lists), the briefing cascade (an attendee — typically a unit head — briefs the staff of a unit,
-- and whoever was briefed may brief further down), and reminder activities logged per unit.
-- "Briefed" coverage is per employee: attended an event directly, or named in a briefing of it.
CREATE TABLE socialization_events (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id         uuid NOT NULL REFERENCES agencies (id),
  election_id       text,
  title             text NOT NULL,
  held_on           date NOT NULL,
  place             text NOT NULL,
  organiser         text NOT NULL,
  -- materials as free text or links, one entry each
  materials         text[] NOT NULL DEFAULT '{}',
  audience_unit_ids uuid[] NOT NULL DEFAULT '{}',
  -- the QR check-in token: accepted only on held_on (the agency's local date); rotating replaces it
  checkin_token     text NOT NULL UNIQUE,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX socialization_events_agency_idx ON socialization_events (agency_id, held_on);

CREATE TABLE socialization_attendance (
  event_id      uuid NOT NULL REFERENCES socialization_events (id),
  employee_id   uuid NOT NULL REFERENCES employees (id),
  method        text NOT NULL CHECK (method IN ('qr', 'list', 'manual')),
  checked_in_at timestamptz NOT NULL,
  recorded_by   uuid REFERENCES users (id),
  PRIMARY KEY (event_id, employee_id)
);
CREATE INDEX socialization_attendance_employee_idx ON socialization_attendance (employee_id);

CREATE TABLE socialization_briefings (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id         uuid NOT NULL REFERENCES socialization_events (id),
  briefer_id       uuid NOT NULL REFERENCES employees (id),
  unit_id          uuid NOT NULL REFERENCES units (id),
  briefed_on       date NOT NULL,
  staff_mode       text NOT NULL CHECK (staff_mode IN ('list', 'unit_staff')),
  -- the headcount written on the briefing minutes; the named employees are in socialization_briefed
  attendance_count integer NOT NULL CHECK (attendance_count >= 0),
  notes            text,
  recorded_by      uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX socialization_briefings_event_idx ON socialization_briefings (event_id, briefer_id);

CREATE TABLE socialization_briefed (
  briefing_id uuid NOT NULL REFERENCES socialization_briefings (id),
  employee_id uuid NOT NULL REFERENCES employees (id),
  PRIMARY KEY (briefing_id, employee_id)
);
CREATE INDEX socialization_briefed_employee_idx ON socialization_briefed (employee_id);

CREATE TABLE socialization_reminders (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  -- null: an agency-wide activity (only agency-wide grants may log one)
  unit_id       uuid REFERENCES units (id),
  election_id   text,
  kind          text NOT NULL CHECK (kind IN ('banner', 'social_post', 'notification', 'other')),
  done_on       date NOT NULL,
  description   text NOT NULL,
  link          text,
  evidence_note text,
  recorded_by   uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX socialization_reminders_agency_idx ON socialization_reminders (agency_id, done_on);
