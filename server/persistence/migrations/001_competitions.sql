-- Classroom competitions: one scenario played by many teams, joined by a short code, run by a host.
-- The host token is never stored: only its SHA-256 (hex), compared in constant time by the server.
CREATE TABLE competitions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  join_code         text NOT NULL CHECK (char_length(join_code) BETWEEN 1 AND 32),
  host_token_sha256 text NOT NULL CHECK (host_token_sha256 ~ '^[0-9a-f]{64}$'),
  scenario_id       text NOT NULL,
  seed              bigint NOT NULL,
  -- team count and size, build time, speed: shaped by the server's own schema, stored as given.
  settings          jsonb NOT NULL DEFAULT '{}'::jsonb,
  status            text NOT NULL DEFAULT 'created'
                    CHECK (status IN ('created', 'building', 'running', 'paused', 'finished')),
  -- the Colyseus room that plays it, once there is one (audit log, replays and checkpoints are keyed by room).
  room_id           text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  started_at        timestamptz,
  finished_at       timestamptz
);

-- A join code names one competition at a time: finished ones give theirs back.
CREATE UNIQUE INDEX competitions_live_join_code ON competitions (join_code) WHERE status <> 'finished';

CREATE TABLE teams (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  competition_id uuid NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
  team_index     integer NOT NULL CHECK (team_index >= 0),
  name           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 64),
  UNIQUE (competition_id, team_index)
);

-- Players are a nickname and a seat: no account, no personal data.
CREATE TABLE players (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id    bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  nickname   text NOT NULL CHECK (char_length(nickname) BETWEEN 1 AND 64),
  -- the seat a reconnecting player takes back (the Colyseus session or reconnection id).
  session_id text NOT NULL,
  joined_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, session_id)
);
