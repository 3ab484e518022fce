-- Every intent a room applied or refused, in order. match_id is the competition id for a competition, the room id
-- otherwise; seq numbers the entries of one match, so a retried batch is not written twice.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  match_id    text NOT NULL,
  team_index  integer,
  seq         bigint NOT NULL,
  sim_time_ms bigint NOT NULL,
  wall_time   timestamptz NOT NULL DEFAULT now(),
  principal   text NOT NULL,
  action      text NOT NULL,
  resource    text NOT NULL DEFAULT '',
  parameters  jsonb NOT NULL DEFAULT '{}'::jsonb,
  outcome     text NOT NULL,
  error_code  text,
  UNIQUE (match_id, seq)
);

-- The audit console filters one match's entries by who, what, on what, and how it went.
CREATE INDEX audit_log_by_principal ON audit_log (match_id, principal, seq);
CREATE INDEX audit_log_by_action ON audit_log (match_id, action, seq);
CREATE INDEX audit_log_by_resource ON audit_log (match_id, resource, seq);
CREATE INDEX audit_log_by_outcome ON audit_log (match_id, outcome, seq);
