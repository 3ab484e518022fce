// The room's answer to "Create change set": the change set of the player's template against their own team's
// design as it stands in the room (with the edits of the current tick), never another team's. Read-only.
import type { Actor, Match } from '../../shared/match/match.ts';
import { teamOf } from '../../shared/match/match.ts';
import { changeSetAnswerFor, parseChangeSetRequest, type ChangeSetAnswer } from '../../shared/protocol/change-set.ts';
import { refusal } from '../../shared/protocol/refusals.ts';
import { scenarioAccount } from '../../shared/scenario/start.ts';

export function answerChangeSet(match: Match, actor: Actor | undefined, payload: unknown): ChangeSetAnswer {
  const team = actor ? teamOf(match, actor.team) : undefined;
  if (!team) return { ok: false, refusal: refusal('no-team') };
  const parsed = parseChangeSetRequest(payload);
  if (!parsed.ok) return parsed;
  try {
    return changeSetAnswerFor(team.world.design, parsed.request, scenarioAccount(match.scenario));
  } catch {
    // The loader is meant to answer every template with findings; should one slip through, the room stays up.
    return { ok: false, refusal: refusal('internal-error', 'changeSet') };
  }
}
