// A competition's exports as the teacher downloads them: each team's stored result shaped by the shared rule
// (shared/match/results-export.ts) with its members — the students seated in it (the players table) and what
// each did, counted from the match's logged inputs (the audit log's player events, kept with the replays, which
// name the seat's nickname and team as CloudTrail's userIdentity).
import { teamExport, type TeamExport } from '../../shared/match/results-export.ts';
import { studentActivity, type StudentActivity } from '../../shared/match/student-activity.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';
import type { Queryable } from '../persistence/database.ts';
import { getReplay } from '../persistence/queries/replays.ts';
import { listResults, type RankedResult } from '../persistence/queries/results.ts';
import { listPlayers } from '../persistence/queries/teams.ts';

export interface CompetitionExport {
  results: RankedResult[];
  /** The same teams, in the same order, shaped for the teacher. */
  teams: TeamExport[];
}

/** Each team index's students with their counts, from a stored replay's intent log (any team's: each holds the
 * whole match's inputs). Empty when there is none or it cannot be read. */
function activityByIndex(intentLog: unknown): Map<number, StudentActivity[]> {
  const log = intentLog as { origin?: { teams?: { id?: unknown }[] }; inputs?: unknown } | undefined;
  const teams = Array.isArray(log?.origin?.teams) ? log.origin.teams : [];
  const inputs = Array.isArray(log?.inputs) ? (log.inputs as TrailEvent[]) : [];
  const byTeam = studentActivity(inputs.filter((e) => e && typeof e === 'object'));
  return new Map(teams.map((team, index) => [index, byTeam.get(String(team.id)) ?? []]));
}

export async function competitionExport(db: Queryable, competitionId: string): Promise<CompetitionExport> {
  const [results, players, replay] = await Promise.all([listResults(db, competitionId), listPlayers(db, competitionId), getReplay(db, competitionId, 0)]);
  const activity = activityByIndex(replay?.intentLog);
  const teams = results.map((r) =>
    teamExport(
      r,
      players.filter((p) => p.teamIndex === r.teamIndex).map((p) => p.nickname),
      activity.get(r.teamIndex) ?? [],
    ),
  );
  return { results, teams };
}
