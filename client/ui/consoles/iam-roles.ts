// Switch role, for a player signed in as an IAM user: assume a role the host made for temporary credentials
// (sts:AssumeRole with DurationSeconds, 15 minutes to the role's maximum), see when they expire, and switch
// back. Once expired, every call made with them is refused with ExpiredToken (shared/iam/authorize.ts) until the
// player switches role again or back; whether the session has expired is the shared rule's answer.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { sessionExpired } from '../../../shared/iam/roles.ts';
import { MIN_SESSION_DURATION_S, DEFAULT_MAX_SESSION_DURATION_S } from '../../../shared/iam/quotas.ts';
import type { IamOp } from '../../../shared/match/intents.ts';
import { formatClock, t } from '../../i18n/index.ts';

/** The durations offered: STS's shortest session, half an hour, and the default maximum of an hour. */
const DURATIONS_S = [MIN_SESSION_DURATION_S, 1800, DEFAULT_MAX_SESSION_DURATION_S];

export function SwitchRolePanel({ principal, expiresAtS, nowS, send }: { principal: string; expiresAtS: number; nowS: number; send: (op: IamOp) => void }) {
  const [role, setRole] = useState('');
  const [duration, setDuration] = useState(String(MIN_SESSION_DURATION_S));
  const current = principal.startsWith('role/') ? principal.slice('role/'.length) : undefined;
  const expired = current !== undefined && sessionExpired({ expiresAtS }, nowS);
  return h(
    'section',
    { class: 'iam-switch-role', id: 'iam-switch-role' },
    h('h3', {}, t('iam.role.title')),
    current
      ? h('p', { class: expired ? 'field-error role-expired' : 'role-active' }, expired ? t('iam.role.expired', { role: current }) : t('iam.role.active', { role: current, until: formatClock(expiresAtS) }))
      : null,
    h(
      'div',
      { class: 'row' },
      h('input', { id: 'iam-role-name', 'aria-label': t('iam.role.name'), placeholder: t('iam.role.name'), value: role, onInput: (e: Event) => setRole((e.target as HTMLInputElement).value) }),
      h('select', { id: 'iam-role-duration', 'aria-label': t('iam.role.duration'), value: duration, onChange: (e: Event) => setDuration((e.target as HTMLSelectElement).value) },
        DURATIONS_S.map((s) => h('option', { key: s, value: String(s) }, t('iam.role.minutes', { minutes: s / 60 })))),
      h('button', { type: 'button', id: 'iam-role-switch', disabled: !role, onClick: () => send({ op: 'assumeRole', role, durationS: Number(duration) }) }, t('iam.role.switch')),
      current ? h('button', { type: 'button', id: 'iam-role-back', onClick: () => send({ op: 'dropRole' }) }, t('iam.role.back')) : null,
    ),
    h('p', { class: 'muted' }, t('iam.role.how')),
  );
}
