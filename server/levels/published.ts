// A published level as the rest of the server uses it: read from the database, turned into the scenario a match
// plays (its origin set, so checkpoints and replays name the version) and into the record GET answers.
import type { LevelProof } from '../../shared/match/prove-level.ts';
import type { LevelRecord } from '../../shared/protocol/levels.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { scenarioSummary } from '../../shared/scenario/summary.ts';
import type { Queryable } from '../persistence/database.ts';
import { getLevel, type StoredLevelVersion } from '../persistence/queries/levels.ts';

export type PublishedRead =
  | { ok: true; stored: StoredLevelVersion; level: Scenario }
  | { ok: false; code: 'unknown-level' | 'unknown-version' };

/** One version of a level (the latest when none is named). The document was checked and proven when it was
 * published, by this server: it is read back as it was stored. */
export async function readPublishedLevel(db: Queryable, code: string, version?: number): Promise<PublishedRead> {
  const read = await getLevel(db, code, version);
  if (!read.ok) return read;
  return { ok: true, stored: read.level, level: read.level.document as Scenario };
}

/** The scenario a match of this version plays: the level, named by its origin, and never part of the campaign. */
export function matchScenario(level: Scenario, code: string, version: number): Scenario {
  const { campaign: _campaign, ...rest } = level;
  return { ...rest, level: { code, version } };
}

export function levelRecord(read: Extract<PublishedRead, { ok: true }>): LevelRecord {
  const { stored, level } = read;
  return {
    code: stored.code,
    version: stored.version,
    latestVersion: stored.latestVersion,
    versions: stored.versions,
    level,
    summary: scenarioSummary(matchScenario(level, stored.code, stored.version)),
    proof: stored.proof as LevelProof,
    publishedAt: stored.publishedAt.toISOString(),
  };
}
