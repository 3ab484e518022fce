// The IAM console's security parts: a virtual MFA device for the signed-in user (or, for the host, any user),
// and IAM Access Analyzer: a user's permissions held but unused according to CloudTrail, and a policy generated
// from what they used. The rules are shared/iam's; this draws them and sends the intents.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { userPrivilege } from '../../../shared/iam/activity.ts';
import type { PrivilegeReport } from '../../../shared/iam/least-privilege.ts';
import type { Directory } from '../../../shared/iam/directory.ts';
import type { IamOp } from '../../../shared/match/intents.ts';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { TRAIL_PAGE_MAX } from '../../../shared/trail/query.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** Every successful call of a principal, oldest first, read page by page from the room's CloudTrail. */
async function successfulCallsOf(actions: PlayerActions, user: string): Promise<TrailEvent[]> {
  const out: TrailEvent[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await actions.trail({ principal: user, outcome: 'Success', limit: TRAIL_PAGE_MAX, ...(before !== undefined ? { before } : {}) });
    out.push(...page);
    if (page.length < TRAIL_PAGE_MAX) break;
    before = page[page.length - 1]!.seq;
  }
  return out.reverse();
}

const input = (label: string, value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) =>
  h('input', { 'aria-label': label, placeholder: label, value, onInput: (e: Event) => set((e.target as HTMLInputElement).value), ...extra });

/**
 * MFA for one user: the devices it has, and the form that enables one. `users`: whom the sender may pick. A
 * player sees no directory (only the host does): `signedInWithMfa` is then what the room says of their requests.
 */
export function MfaPanel({ directory, users, send, signedInWithMfa }: { directory: Directory | null; users: string[]; send: (op: IamOp) => void; signedInWithMfa?: boolean }) {
  const [who, setWho] = useState(users[0] ?? '');
  const [device, setDevice] = useState('');
  const [code1, setCode1] = useState('');
  const [code2, setCode2] = useState('');
  const user = users.includes(who) ? who : (users[0] ?? '');
  const listed = directory?.users.find((u) => u.name === user)?.mfaDevices ?? [];
  const devices = listed.length === 0 && signedInWithMfa ? ['MFA'] : listed;
  const name = device || `${user}-phone`;
  return h(
    'section',
    { class: 'iam-mfa', id: 'iam-mfa' },
    h('h3', {}, t('iam.mfa.title')),
    users.length > 1
      ? h('select', { 'aria-label': t('iam.user'), value: user, onChange: (e: Event) => setWho((e.target as HTMLSelectElement).value) }, users.map((u) => h('option', { key: u, value: u }, u)))
      : null,
    h('p', { class: devices.length ? 'mfa-on' : 'mfa-off' }, devices.length ? t('iam.mfa.on', { user, devices: devices.join(', ') }) : t('iam.mfa.off', { user })),
    h('p', { class: 'muted' }, t('iam.mfa.how')),
    h(
      'div',
      { class: 'row' },
      input(t('iam.mfa.device'), device, setDevice, { placeholder: name }),
      input(t('iam.mfa.code1'), code1, setCode1, { inputMode: 'numeric', maxLength: 6 }),
      input(t('iam.mfa.code2'), code2, setCode2, { inputMode: 'numeric', maxLength: 6 }),
      h('button', { type: 'button', id: 'iam-mfa-enable', disabled: !user, onClick: () => send({ op: 'enableMfaDevice', user, device: name, authenticationCode1: code1, authenticationCode2: code2 }) }, t('iam.mfa.enable')),
    ),
  );
}

/** IAM Access Analyzer for the host: unused access of one user, and policy generation from their activity. */
export function AccessAnalyzerPanel({ directory, actions, send, nowS }: { directory: Directory; actions: PlayerActions; send: (op: IamOp) => void; nowS: number }) {
  const [user, setUser] = useState('');
  const [report, setReport] = useState<{ user: string; report: PrivilegeReport } | null>(null);
  const [policyName, setPolicyName] = useState('');
  const analyze = async () => {
    const events = await successfulCallsOf(actions, user);
    setReport({ user, report: userPrivilege(directory, events, user, nowS) });
  };
  const r = report?.user === user ? report.report : null;
  return h(
    'section',
    { class: 'iam-analyzer', id: 'iam-analyzer' },
    h('h3', {}, t('iam.analyzer.title')),
    h(
      'div',
      { class: 'row' },
      h('select', { 'aria-label': t('iam.user'), value: user, onChange: (e: Event) => setUser((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, t('iam.user')), directory.users.map((u) => h('option', { key: u.name, value: u.name }, u.name))),
      h('button', { type: 'button', id: 'iam-analyze', disabled: !user, onClick: () => void analyze() }, t('iam.analyzer.analyze')),
    ),
    r
      ? h(
          'div',
          { class: 'analyzer-report' },
          h('p', {}, t('iam.analyzer.summary', { used: r.used.length, granted: r.granted.length, score: formatNumber(r.score * 100, 1) })),
          r.unused.length ? h('p', { class: 'muted' }, t('iam.analyzer.unused', { count: r.unused.length })) : null,
          r.unused.length ? h('ul', { class: 'unused' }, r.unused.slice(0, 12).map((a) => h('li', { key: a }, h('code', {}, a)))) : null,
          r.unused.length > 12 ? h('p', { class: 'muted' }, t('iam.analyzer.more', { count: r.unused.length - 12 })) : null,
        )
      : null,
    h(
      'div',
      { class: 'row' },
      input(t('iam.analyzer.policyName'), policyName, setPolicyName),
      h('button', { type: 'button', id: 'iam-generate', disabled: !user || !policyName, onClick: () => send({ op: 'generatePolicy', user, name: policyName }) }, t('iam.analyzer.generate')),
    ),
    h('p', { class: 'muted' }, t('iam.analyzer.how')),
  );
}
