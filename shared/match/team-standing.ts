// A team's standing in a match: the world's measures plus what only the match knows, the least privilege its
// IAM users kept (Access Analyzer's unused access over the match's CloudTrail, shared/iam/activity.ts).
import { teamPrivilegeScore } from '../iam/activity.ts';
import { standingOf, type Standing } from '../sim/standing.ts';
import { simSeconds, type Match, type Team } from './match.ts';

export function teamLeastPrivilege(match: Match, team: Team): number {
  return teamPrivilegeScore(match.directory, match.trail, team.id, simSeconds(match));
}

export function teamStanding(match: Match, team: Team): Standing {
  return standingOf(team.world, { leastPrivilege: teamLeastPrivilege(match, team) });
}
