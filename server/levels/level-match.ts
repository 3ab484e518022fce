// A room's match of a published level: the version read from the database (the latest unless the room names one),
// played as its scenario with its origin set. What cannot be played is refused with a join-refusal status the
// page says in the player's words (shared/protocol/levels.ts LEVEL_JOIN_REFUSAL).
import { LEVEL_JOIN_REFUSAL, type LevelChoice } from '../../shared/protocol/levels.ts';
import type { CreateOptions } from '../../shared/protocol/join.ts';
import { REFUSALS } from '../../shared/protocol/refusals.ts';
import type { Services } from '../services.ts';
import { matchFromScenario, type MatchSetupResult } from '../rooms/match-setup.ts';
import { matchScenario, readPublishedLevel } from './published.ts';

export type LevelMatchResult = MatchSetupResult | { ok: false; status: number; message: string };

export async function levelMatch(services: Services, choice: LevelChoice, options: CreateOptions, seed: number): Promise<LevelMatchResult> {
  const db = await services.store?.ready;
  if (!db) return { ok: false, status: 503, message: 'Levels cannot be played: the database is not available.' };
  const read = await readPublishedLevel(db, choice.code, choice.version);
  if (!read.ok) {
    const code = read.code === 'unknown-level' ? 'unknown-level' : 'unknown-level-version';
    return { ok: false, status: LEVEL_JOIN_REFUSAL[code], message: REFUSALS[code] };
  }
  return matchFromScenario(matchScenario(read.level, read.stored.code, read.stored.version), options, seed);
}
