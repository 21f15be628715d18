-- Conflicts of interest between employees and election candidates (issue 5): relatives an employee
-- declared, and the register of employee-candidate relations suggested by the matcher or declared,
-- each confirmed or dismissed by an officer.
CREATE TABLE employee_relatives (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  employee_id uuid NOT NULL REFERENCES employees (id),
  kind        text NOT NULL CHECK (kind IN ('spouse', 'child', 'parent', 'sibling', 'in_law')),
  name        text NOT NULL,
  declared_by uuid REFERENCES users (id),
  declared_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employee_relatives_employee_idx ON employee_relatives (employee_id);

CREATE TABLE conflicts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  election_id  text NOT NULL,
  employee_id  uuid NOT NULL REFERENCES employees (id),
  candidate_id uuid NOT NULL REFERENCES election_candidates (id),
  relation     text NOT NULL CHECK (relation IN ('spouse', 'child', 'parent', 'sibling', 'in_law', 'self')),
  source       text NOT NULL CHECK (source IN ('matcher', 'declared')),
  score        real NOT NULL,
  reasons      jsonb NOT NULL DEFAULT '[]',
  status       text NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'dismissed')),
  note         text,
  decided_by   uuid REFERENCES users (id),
  decided_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (employee_id, candidate_id)
);
CREATE INDEX conflicts_election_idx ON conflicts (election_id, status);
