-- One result per team, written when the match ends; availability and money in plain units
-- (availability 0..1, latency in milliseconds, money in US dollars).
CREATE TABLE results (
  team_id             bigint PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  score               double precision NOT NULL,
  stars               smallint NOT NULL CHECK (stars BETWEEN 0 AND 3),
  availability        double precision NOT NULL CHECK (availability BETWEEN 0 AND 1),
  latency_p95_ms      double precision NOT NULL CHECK (latency_p95_ms >= 0),
  cost_usd            double precision NOT NULL,
  revenue_usd         double precision NOT NULL,
  objectives          jsonb NOT NULL DEFAULT '[]'::jsonb,
  first_failure       text,
  -- the team's final design, and its availability over simulated time.
  design              jsonb NOT NULL,
  availability_series jsonb NOT NULL DEFAULT '[]'::jsonb,
  recorded_at         timestamptz NOT NULL DEFAULT now()
);
