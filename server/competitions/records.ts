// What a finished match leaves behind: each team's result, replay and audit log, and the competition marked
// finished. Written once, when the match reaches its results. Its figures are the shared rules': the standing,
// the first failure (shared/match/debrief.ts) and the availability of each minute the board charted.
import { availabilitySeries, type ChartPoint } from '../../shared/match/board-view.ts';
import { firstFailureLine } from '../../shared/match/debrief.ts';
import type { Match } from '../../shared/match/match.ts';
import { matchFingerprint, replayInputs } from '../../shared/match/replay.ts';
import { teamStanding } from '../../shared/match/team-standing.ts';
import type { Database } from '../persistence/database.ts';
import { appendAuditEvents } from '../persistence/queries/audit-log.ts';
import { designWithoutSecrets, withoutSecrets } from '../../shared/match/trail-secrets.ts';
import { setCompetitionStatus } from '../persistence/queries/competitions.ts';
import { saveReplay } from '../persistence/queries/replays.ts';
import { saveResult } from '../persistence/queries/results.ts';


export async function recordFinishedMatch(db: Database, matchId: string, competitionId: string | undefined, match: Match, series: Map<string, readonly ChartPoint[]>): Promise<void> {
  const hashes = matchFingerprint(match);
  const inputs = replayInputs(match.trail);
  await db.transaction(async (tx) => {
    for (const [index, team] of match.teams.entries()) {
      const standing = teamStanding(match, team);
      if (competitionId) {
        await saveResult(tx, competitionId, index, {
          score: standing.score,
          stars: standing.stars,
          availability: standing.availability,
          latencyP95Ms: standing.measures.latencyP95Ms,
          costUsd: standing.measures.costUsd,
          revenueUsd: standing.measures.revenueUsd,
          objectives: standing.objectives,
          firstFailure: firstFailureLine(team.world.timeline),
          design: designWithoutSecrets(team.world.design),
          availabilitySeries: availabilitySeries(series.get(team.id) ?? []),
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
    // The audit log is read, not replayed: it keeps NoEcho values as CloudTrail does, masked.
    await appendAuditEvents(tx, matchId, match.trail.map(withoutSecrets));
    if (competitionId) await setCompetitionStatus(tx, competitionId, 'finished');
  });
}
