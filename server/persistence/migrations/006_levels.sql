-- Published levels (issue 17): a teacher's scenario, shared by a short code, edited into new versions. A version
-- is never changed or renumbered once published: matches, checkpoints and replays name the version they played.
-- The author token is never stored: only its SHA-256 (hex), compared in constant time by the server.
CREATE TABLE levels (
  -- six letters and digits of shared/protocol/levels.ts LEVEL_CODE_ALPHABET; a deleted level keeps its code, so a
  -- link to it never opens somebody else's level.
  code                text PRIMARY KEY CHECK (code ~ '^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$'),
  author_token_sha256 text NOT NULL CHECK (author_token_sha256 ~ '^[0-9a-f]{64}$'),
  latest_version      integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
  created_at          timestamptz NOT NULL DEFAULT now(),
  -- set when the author deletes it: its versions are gone, it can no longer be played or read.
  deleted_at          timestamptz
);

CREATE TABLE level_versions (
  code         text NOT NULL REFERENCES levels (code) ON DELETE CASCADE,
  version      integer NOT NULL CHECK (version >= 1),
  -- the level document as proven, stored as its JSON text (a jsonb string): jsonb would reorder the keys of its
  -- templates, and a board is built in the order its template writes its resources.
  document     jsonb NOT NULL,
  -- the server's own proof of this version (shared/match/prove-level.ts LevelProof).
  proof        jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, version)
);

-- A competition may play a published level: which one and which version, fixed when it was created.
ALTER TABLE competitions ADD COLUMN level_code text REFERENCES levels (code);
ALTER TABLE competitions ADD COLUMN level_version integer CHECK (level_version >= 1);
