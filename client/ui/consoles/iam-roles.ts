// Switch role, as the AWS console's: the roles whose trust policy names the player's IAM user, whether each can
// be assumed now (and why not: the trust policy's MFA condition, the player's own sts:AssumeRole permission),
// a session duration up to the role's maximum, the role the player acts as with when its temporary credentials
// expire, and Switch back. Every answer here is the room's (shared/match/switch-role.ts through the seat view);
// a switch that is refused anyway comes back as a refusal beside the panel.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { MIN_SESSION_DURATION_S } from '../../../shared/iam/quotas.ts';
import type { SwitchRoleView } from '../../../shared/match/switch-role.ts';
import type { IamOp } from '../../../shared/match/intents.ts';
import { formatClock, t } from '../../i18n/index.ts';

export const ROLE_FIELD = 'iam:role';

/** The durations offered: STS's shortest session, then half hours up to the role's maximum. */
function durationsUpTo(maxS: number): number[] {
  const out = [MIN_SESSION_DURATION_S];
  for (let s = 1800; s <= maxS; s += 1800) out.push(s);
  return out;
}

export function readSwitchRole(json: string | undefined): SwitchRoleView | null {
  try {
    return json ? (JSON.parse(json) as SwitchRoleView) : null;
  } catch {
    return null;
  }
}

export function SwitchRolePanel({ view, send, refused }: { view: SwitchRoleView; send: (op: IamOp) => void; refused: string | undefined }) {
  const [chosen, setChosen] = useState('');
  const [duration, setDuration] = useState(String(MIN_SESSION_DURATION_S));
  const role = view.roles.find((r) => r.role === chosen) ?? view.roles[0];
  const active = view.active;
  return h(
    'section',
    { class: 'iam-switch-role', id: 'iam-switch-role' },
    h('h3', {}, t('iam.role.title')),
    active
      ? h(
          'p',
          { class: active.expired ? 'field-error role-expired' : 'role-active' },
          active.expired ? t('iam.role.expired', { role: active.role }) : t('iam.role.active', { role: active.role, until: formatClock(active.expiresAtS) }),
        )
      : null,
    !view.canSwitch ? h('p', { class: 'muted role-root' }, t('iam.role.root')) : null,
    view.canSwitch && view.roles.length === 0 ? h('p', { class: 'muted role-none' }, t('iam.role.none')) : null,
    view.canSwitch && role
      ? h(
          'div',
          { class: 'row' },
          h(
            'select',
            { id: 'iam-role-name', 'aria-label': t('iam.role.name'), value: role.role, onChange: (e: Event) => setChosen((e.target as HTMLSelectElement).value) },
            view.roles.map((r) => h('option', { key: r.role, value: r.role }, r.requiresMfa ? `${r.role} (${t('iam.role.mfaTag')})` : r.role)),
          ),
          h(
            'select',
            { id: 'iam-role-duration', 'aria-label': t('iam.role.duration'), value: duration, onChange: (e: Event) => setDuration((e.target as HTMLSelectElement).value) },
            durationsUpTo(role.maxSessionDurationS).map((s) => h('option', { key: s, value: String(s) }, t('iam.role.minutes', { minutes: s / 60 }))),
          ),
          h('button', { type: 'button', id: 'iam-role-switch', onClick: () => send({ op: 'assumeRole', role: role.role, durationS: Number(duration) }) }, t('iam.role.switch')),
        )
      : null,
    view.canSwitch && role?.refusal ? h('p', { class: 'muted role-blocked', 'data-code': role.refusal.code }, `${t(`iam.role.blocked.${role.refusal.code}`, { defaultValue: t('iam.role.blocked.other') })}`) : null,
    active ? h('button', { type: 'button', id: 'iam-role-back', onClick: () => send({ op: 'dropRole' }) }, t('iam.role.back')) : null,
    refused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${refused}`) : null,
    h('p', { class: 'muted' }, t('iam.role.how')),
  );
}

/**
 * The host's own sign-in: the account's root, or one of its IAM users (to work as a user does, and to switch
 * role as one), and back to root. The room keeps the host's clock either way.
 */
export function HostSignIn({ users, principal, self, send }: { users: string[]; principal: string; self: string; send: (op: IamOp) => void }) {
  const [user, setUser] = useState('');
  const chosen = users.includes(user) ? user : (users[0] ?? '');
  return h(
    'div',
    { class: 'row iam-sign-in', id: 'iam-sign-in' },
    h('span', {}, t('iam.signIn.as')),
    h('select', { id: 'iam-sign-in-user', 'aria-label': t('iam.user'), value: chosen, onChange: (e: Event) => setUser((e.target as HTMLSelectElement).value) }, users.map((u) => h('option', { key: u, value: u }, u))),
    h('button', { type: 'button', id: 'iam-sign-in-user-button', disabled: !chosen, onClick: () => send({ op: 'assignUser', player: self, user: chosen }) }, t('iam.signIn.user')),
    principal !== 'root' ? h('button', { type: 'button', id: 'iam-sign-in-root', onClick: () => send({ op: 'signInAsRoot' }) }, t('iam.signIn.root')) : null,
  );
}
