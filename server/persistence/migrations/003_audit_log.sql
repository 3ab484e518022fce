-- The audit log (the game's CloudTrail): every intent a room applied or refused and every system event, in order,
-- as shared/trail/event.ts describes one. match_id is the competition id for a competition, the room id otherwise;
-- seq numbers the events of one match, so a retried batch is not written twice.
CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  match_id       text NOT NULL,
  seq            bigint NOT NULL CHECK (seq >= 0),
  -- simulated seconds since the scenario started, and the server's wall clock.
  sim_s          double precision NOT NULL CHECK (sim_s >= 0),
  wall_time      timestamptz NOT NULL,
  team           text,
  principal_type text NOT NULL,
  principal      text NOT NULL,
  principal_arn  text,
  event_source   text NOT NULL,
  action         text NOT NULL,
  resource       text,
  parameters     jsonb NOT NULL DEFAULT '{}'::jsonb,
  outcome        text NOT NULL,
  error_code     text,
  error_message  text,
  UNIQUE (match_id, seq)
);

-- Every query reads one match, newest first, by the unique (match_id, seq) index; these serve the exact lookups
-- by who, what, on what and how it went.
CREATE INDEX audit_log_by_principal ON audit_log (match_id, principal, seq);
CREATE INDEX audit_log_by_action ON audit_log (match_id, action, seq);
CREATE INDEX audit_log_by_resource ON audit_log (match_id, resource, seq);
CREATE INDEX audit_log_by_outcome ON audit_log (match_id, outcome, seq);
