// Data events in the match's CloudTrail. Whoever holds a leaked access key that the scenario says exfiltrates
// (leaked-credentials' `exfiltrates`) reads the objects of every S3 bucket on the team's board each time they
// launch instances: s3:GetObject calls, data events. CloudTrail records data events only where a trail's
// event selectors enable them (shared/trail/selectors.ts), so the reads appear in the log — delivered to the
// trail's bucket — only on a board with such a trail, and otherwise leave no trace at all, as in AWS.

import { userArn } from '../iam/arn.ts';
import type { TrailEvent } from '../trail/event.ts';
import { deliveriesOf } from '../trail/selectors.ts';
import type { TimelineEntry } from '../sim/world.ts';
import type { Match, Team } from './match.ts';

/** The object the attacker reads in each bucket: one key, named for what attackers look for. */
export const EXFILTRATED_KEY = 'exports/customers.csv';

/** The S3 data events a leaked key's launch brings with it, the ones a trail on the board records. */
export function exfiltrationEvents(match: Match, team: Team, entry: TimelineEntry, wallMs: number): TrailEvent[] {
  if (entry.code !== 'leakedRunInstances' || !entry.actor) return [];
  const user = entry.actor;
  const leaks = match.scenario.events.some((e) => e.type === 'leaked-credentials' && e.params.user === user && e.params.exfiltrates === true);
  if (!leaks) return [];
  const design = team.world.design;
  const removed = team.world.state.removed;
  const out: TrailEvent[] = [];
  for (const r of design.resources) {
    if (r.kind !== 'bucket' || removed[r.id] === 1) continue;
    const bucket = `${design.stacks[r.stack]?.name ?? '?'}/${r.logicalId}`;
    const objectArn = `arn:aws:s3:::${bucket}/${EXFILTRATED_KEY}`;
    const call = { eventSource: 's3.amazonaws.com', eventName: 'GetObject' };
    const deliveredTo = deliveriesOf(design, call, objectArn);
    if (deliveredTo.length === 0) continue;
    out.push({
      seq: match.trail.length + out.length,
      simS: entry.tS,
      wallMs,
      team: team.id,
      principal: { type: 'IAMUser', name: user, arn: userArn(user) },
      ...call,
      resource: objectArn,
      params: { bucketName: bucket, key: EXFILTRATED_KEY, deliveredTo },
      outcome: 'Success',
    });
  }
  return out;
}
