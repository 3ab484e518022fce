// What the IAM console's "Switch role" shows a player, decided here so every client shows the room's answer:
// the roles whose trust policy names the player's IAM user, each with whether the player may assume it now
// (their own sts:AssumeRole permission, the trust policy's MFA condition) and if not the refusal a switch would
// get, and the role the player acts as with when its temporary credentials expire.
import { roleArn } from '../iam/arn.ts';
import { authorize } from '../iam/authorize.ts';
import { assumeRole, sessionExpired } from '../iam/roles.ts';
import { MIN_SESSION_DURATION_S } from '../iam/quotas.ts';
import { actorMfa, requestContextOf } from './apply.ts';
import { simSeconds, type Actor, type Match } from './match.ts';

export interface SwitchableRole {
  role: string;
  /** The longest session the role allows (DurationSeconds up to it). */
  maxSessionDurationS: number;
  /** The trust policy requires aws:MultiFactorAuthPresent. */
  requiresMfa: boolean;
  /** Why switching to it now is refused (a stable code and AWS's message); absent when it would succeed. */
  refusal?: { code: string; message: string };
}

export interface SwitchRoleView {
  /** Root cannot switch roles; an IAM user can. */
  canSwitch: boolean;
  roles: SwitchableRole[];
  /** The role the player acts as now, if any. */
  active?: { role: string; expiresAtS: number; expired: boolean };
}

export function switchRoleView(match: Match, actor: Actor): SwitchRoleView {
  const nowS = simSeconds(match);
  const session = actor.session;
  const active = session ? { active: { role: session.role, expiresAtS: session.expiresAtS, expired: sessionExpired(session, nowS) } } : {};
  if (actor.identity.kind !== 'user') return { canSwitch: false, roles: [], ...active };
  const user = actor.identity.name;
  // Switching is signed with the player's own sign-in, not the role's (shared/match/apply.ts actingActor).
  const { session: _role, ...own } = actor;
  const mfa = actorMfa(match, own);
  const roles = match.directory.roles
    .filter((r) => r.trustedUsers.includes(user))
    .map((r): SwitchableRole => {
      const permission = authorize(match.directory, { kind: 'user', name: user }, 'sts:AssumeRole', roleArn(r.name), requestContextOf(match, own, undefined), nowS);
      const trial = permission.ok ? assumeRole(match.directory, user, r.name, nowS, MIN_SESSION_DURATION_S, mfa) : permission;
      const base = { role: r.name, maxSessionDurationS: r.maxSessionDurationS, requiresMfa: r.requireMfa === true };
      return trial.ok ? base : { ...base, refusal: { code: trial.code, message: trial.message } };
    });
  return { canSwitch: true, roles, ...active };
}
