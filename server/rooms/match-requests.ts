// The room's answers to a seated player's requests (trail pages, the host's fingerprint, a finished match's
// replay): read-only views of the match, decided by who asks. Refusals as everywhere: a code and a sentence.
import type { Actor, Match } from '../../shared/match/match.ts';
import { matchFingerprint } from '../../shared/match/replay.ts';
import { matchReplayOf } from '../../shared/match/replay-file.ts';
import type { ReplayAnswer } from '../../shared/protocol/messages.ts';
import { refusal } from '../../shared/protocol/refusals.ts';
import { queryTrail, trailQuerySchema } from '../../shared/trail/query.ts';
import { withoutSecrets } from '../../shared/match/trail-secrets.ts';

/** A page of CloudTrail: a player sees their own team's events and the match's; the host sees all. */
export function answerTrail(match: Match, actor: Actor | undefined, payload: unknown): unknown {
  const parsed = trailQuerySchema.safeParse(payload ?? {});
  if (!actor || !parsed.success) return { ok: false, refusal: refusal('malformed', parsed.success ? undefined : parsed.error.issues[0]?.path.join('.')) };
  const visible = actor.host ? match.trail : match.trail.filter((e) => e.team === null || e.team === actor.team);
  // A deploy's NoEcho values read as "****", as CloudTrail shows them, to the host as to the team that sent them.
  return { ok: true, events: queryTrail(visible, parsed.data).map(withoutSecrets) };
}

/** Every team's world hash, for the host (tests and replays compare them). */
export function answerFingerprint(match: Match, actor: Actor | undefined): unknown {
  if (!actor?.host) return { ok: false, refusal: refusal('host-only') };
  return { ok: true, step: match.clock.step, phase: match.clock.phase, teams: matchFingerprint(match) };
}

/** A finished match's replay: the player's own team's, every team's for the host; nothing before the end. */
export function answerReplay(match: Match, actor: Actor | undefined, finished: boolean, matchId: string): ReplayAnswer {
  if (!actor) return { ok: false, refusal: refusal('no-team') };
  if (!finished) return { ok: false, refusal: refusal('wrong-phase', 'the replay is ready once the match has finished') };
  const teams = match.teams.flatMap((t, index) => (actor.host || t.id === actor.team ? [index] : []));
  if (teams.length === 0) return { ok: false, refusal: refusal('no-team') };
  // The log once, whatever the number of teams: a classroom's would otherwise be sent thirty times over.
  const replay = matchReplayOf(match, matchId, teams);
  if (actor.host) return { ok: true, replay };
  // A player's replay replays their own team (its inputs as sent, so it reproduces their world); other teams'
  // deploys carry their NoEcho values masked, as that player could never have read them.
  const inputs = replay.intentLog.inputs.map((e) => (e.team === actor.team ? e : withoutSecrets(e)));
  return { ok: true, replay: { ...replay, intentLog: { ...replay.intentLog, inputs } } };
}
