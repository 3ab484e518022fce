-- A replay is everything needed to play a team's match again and check it: the seed, the scenario, the design it
-- started from, the intents with their simulated times, and what the original run ended with.
CREATE TABLE replays (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  match_id         text NOT NULL,
  team_index       integer NOT NULL DEFAULT 0 CHECK (team_index >= 0),
  seed             bigint NOT NULL,
  scenario_id      text NOT NULL,
  initial_design   jsonb NOT NULL,
  intent_log       jsonb NOT NULL DEFAULT '[]'::jsonb,
  final_state_hash text NOT NULL,
  recorded_score   double precision NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (match_id, team_index)
);

-- The latest snapshot of each running match, so a restarted server can pick it up; deleted when the match ends.
CREATE TABLE checkpoints (
  room_id      text PRIMARY KEY,
  snapshot     jsonb NOT NULL,
  log_position bigint NOT NULL CHECK (log_position >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
