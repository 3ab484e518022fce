-- Solo play: each browser's best run of each scenario. player_key is a random id the browser keeps; nothing else
-- about the player is stored.
CREATE TABLE personal_bests (
  player_key  text NOT NULL CHECK (char_length(player_key) BETWEEN 1 AND 128),
  scenario_id text NOT NULL,
  best_score  double precision NOT NULL,
  stars       smallint NOT NULL CHECK (stars BETWEEN 0 AND 3),
  achieved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (player_key, scenario_id)
);
