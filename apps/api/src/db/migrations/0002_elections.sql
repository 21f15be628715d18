-- Election participants imported from KPU lists (parties, DCT legislative candidates, pairs).
-- The elections and their stages themselves are versioned data in packages/rules.
CREATE TABLE election_parties (
  election_id  text NOT NULL,
  number       integer NOT NULL CHECK (number > 0),
  name         text NOT NULL,
  abbreviation text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (election_id, number)
);

CREATE TABLE election_candidates (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  election_id        text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('legislative', 'pair')),
  name               text NOT NULL,
  running_mate_name  text,
  party_number       integer,
  chamber            text,
  electoral_district text NOT NULL DEFAULT '',
  region_code        text NOT NULL DEFAULT '' ,
  ballot_number      integer NOT NULL CHECK (ballot_number > 0),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (election_id, kind, region_code, electoral_district, party_number, ballot_number)
);
CREATE INDEX election_candidates_name_trgm_idx ON election_candidates USING gin (name gin_trgm_ops);
CREATE INDEX election_candidates_region_idx ON election_candidates (region_code text_pattern_ops);
