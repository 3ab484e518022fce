// The room's answer to the VPC console's flow log browser: a page of one flow log's records from the asker's own
// team's world, never another team's. Computed on request (shared/match/flow-log-page.ts), so the records stay out
// of the synced state. Read-only.
import type { Actor, Match } from '../../shared/match/match.ts';
import { teamOf } from '../../shared/match/match.ts';
import { flowRecordsPage } from '../../shared/match/flow-log-page.ts';
import type { FlowRecordsAnswer } from '../../shared/protocol/flow-records.ts';
import { refusal } from '../../shared/protocol/refusals.ts';

export function answerFlowRecords(match: Match, actor: Actor | undefined, payload: unknown): FlowRecordsAnswer {
  const team = actor ? teamOf(match, actor.team) : undefined;
  if (!team) return { ok: false, refusal: refusal('no-team') };
  return flowRecordsPage(team.world, payload);
}
