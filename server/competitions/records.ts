// What a finished match leaves behind: each team's result, replay and audit log, and the competition marked
// finished. Written once, when the match reaches its results.
import type { Match } from '../../shared/match/match.ts';
import { matchFingerprint, replayInputs } from '../../shared/match/replay.ts';
import { standingOf } from '../../shared/sim/standing.ts';
import { timelineSentence, type TimelineCode } from '../../shared/sim/timeline-text.ts';
import type { Database } from '../persistence/database.ts';
import { appendAuditEvents } from '../persistence/queries/audit-log.ts';
import { setCompetitionStatus } from '../persistence/queries/competitions.ts';
import { saveReplay } from '../persistence/queries/replays.ts';
import { saveResult } from '../persistence/queries/results.ts';

/** Availability per simulated minute, as the board's chart points gave it. */
export type AvailabilitySeries = { tS: number; availability: number }[];

/** Health entries that say something stopped answering. */
const UNHEALTHY: ReadonlySet<TimelineCode> = new Set(['targetsUnhealthy', 'checkUnhealthy', 'endpointUnhealthy']);

/** The first thing that broke, in the world's own words: what a debrief starts from. */
export function firstFailure(match: Match, teamIndex: number): string | null {
  const entry = match.teams[teamIndex]?.world.timeline.find((e) => e.kind === 'failure' || UNHEALTHY.has(e.code));
  return entry ? `${Math.round(entry.tS / 60)} min: ${timelineSentence(entry)}` : null;
}

export async function recordFinishedMatch(db: Database, matchId: string, competitionId: string | undefined, match: Match, series: Map<string, AvailabilitySeries>): Promise<void> {
  const hashes = matchFingerprint(match);
  const inputs = replayInputs(match.trail);
  await db.transaction(async (tx) => {
    for (const [index, team] of match.teams.entries()) {
      const standing = standingOf(team.world);
      if (competitionId) {
        await saveResult(tx, competitionId, index, {
          score: standing.score,
          stars: standing.stars,
          availability: standing.availability,
          latencyP95Ms: standing.measures.latencyP95Ms,
          costUsd: standing.measures.costUsd,
          revenueUsd: standing.measures.revenueUsd,
          objectives: standing.objectives,
          firstFailure: firstFailure(match, index),
          design: team.world.design,
          availabilitySeries: series.get(team.id) ?? [],
        });
      }
      await saveReplay(tx, {
        matchId,
        teamIndex: index,
        seed: match.seed,
        scenarioId: match.scenario.id,
        initialDesign: match.origin.design,
        // Everything replayMatch needs: how it began, the inputs, and how far it went.
        intentLog: { origin: match.origin, inputs: match.trail.filter((e) => e.userIdentity), finalStep: match.clock.step, inputCount: inputs.length },
        finalStateHash: hashes[index]!.hash,
        recordedScore: standing.score,
      });
    }
    await appendAuditEvents(tx, matchId, match.trail);
    if (competitionId) await setCompetitionStatus(tx, competitionId, 'finished');
  });
}
