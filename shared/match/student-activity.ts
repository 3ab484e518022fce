// What each student did in a match, read from its audit log (CloudTrail): every intent a player sends is logged
// with who sent it (userIdentity: the seat's nickname and team, apply.ts), accepted (Success) or refused
// (Failure). The host's and the room's own calls (new players' IAM users) are not a student's.
import type { TrailEvent } from '../trail/event.ts';

export interface StudentActivity {
  nickname: string;
  /** Intents the game applied. */
  made: number;
  /** Intents it refused (a stable error code in the log; nothing changed). */
  refused: number;
}

/** Per team id, each student who acted, in the order of their first action. */
export function studentActivity(trail: readonly TrailEvent[]): Map<string, StudentActivity[]> {
  const byTeam = new Map<string, Map<string, StudentActivity>>();
  for (const event of trail) {
    const who = event.userIdentity;
    if (!who || who.host === true || typeof who.nickname !== 'string' || typeof who.team !== 'string') continue;
    let team = byTeam.get(who.team);
    if (!team) byTeam.set(who.team, (team = new Map()));
    let student = team.get(who.nickname);
    if (!student) team.set(who.nickname, (student = { nickname: who.nickname, made: 0, refused: 0 }));
    if (event.outcome === 'Success') student.made += 1;
    else student.refused += 1;
  }
  return new Map([...byTeam].map(([team, students]) => [team, [...students.values()]]));
}
