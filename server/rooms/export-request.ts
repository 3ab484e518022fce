// The room's answer to `exportStack`: a stack of a team's real design, exported by the shared exporter. A player
// exports their own team's stacks; the host any team's (naming it). Read-only: the match is not touched.
import type { Actor, Match } from '../../shared/match/match.ts';
import { exportStackOf, exportStackSchema, type ExportStackAnswer } from '../../shared/protocol/export-stack.ts';
import { refusal } from '../../shared/protocol/refusals.ts';

export function answerExportStack(match: Match, actor: Actor | undefined, payload: unknown): ExportStackAnswer {
  if (!actor) return { ok: false, refusal: refusal('no-team') };
  const parsed = exportStackSchema.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, refusal: refusal('malformed', parsed.error.issues[0]?.path.join('.')) };
  const { stack, team: asked } = parsed.data;
  if (asked !== undefined && asked !== actor.team && !actor.host) return { ok: false, refusal: refusal('host-only', 'team') };
  const teamId = asked ?? actor.team;
  if (teamId === null) return { ok: false, refusal: refusal('no-team') };
  const team = match.teams.find((t) => t.id === teamId);
  if (!team) return { ok: false, refusal: refusal('unknown-team', teamId) };
  return exportStackOf(team.world.design, stack);
}
