// IAM, for the host (the account's root): users, groups, customer policies and roles, and the forms that
// change them. Players see who they act as.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { Directory } from '../../../shared/iam/directory.ts';
import { MANAGED_POLICIES } from '../../../shared/iam/managed-policies.ts';
import type { IamOp } from '../../../shared/match/intents.ts';
import { t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { AccessAnalyzerPanel, MfaPanel } from './iam-access.ts';
import { PolicyEditor } from './iam-policies.ts';
import { HostSignIn, readSwitchRole, ROLE_FIELD, SwitchRolePanel } from './iam-roles.ts';

function readDirectory(json: string | null): Directory | null {
  try {
    return json ? (JSON.parse(json) as Directory) : null;
  } catch {
    return null;
  }
}

export function Iam({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const directory = readDirectory(state.match.directory);
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [member, setMember] = useState('');
  const [policy, setPolicy] = useState<string>(`managed:${MANAGED_POLICIES[0]?.name ?? 'ReadOnlyAccess'}`);
  const [holder, setHolder] = useState('group:Builders');
  const [player, setPlayer] = useState('');
  const [requireMfa, setRequireMfa] = useState(false);
  const send = (request: IamOp) => actions.send({ type: 'iam', request }, { field: 'iam:form' });
  const me = state.match.me;
  const switchView = readSwitchRole(me?.switchRole);
  const switchRole = switchView
    ? h(SwitchRolePanel, { view: switchView, send: (request: IamOp) => actions.send({ type: 'iam', request }, { field: ROLE_FIELD }), refused: state.fieldErrors[ROLE_FIELD]?.message })
    : null;
  if (!directory || !me?.host) {
    // A player signed in as an IAM user manages their own MFA device, as IAM's "My security credentials" lets them.
    const own = me?.principal.startsWith('user/') ? me.principal.slice('user/'.length) : undefined;
    return h(
      'div',
      { class: 'console iam' },
      h('p', {}, t('iam.youAre', { principal: me?.principal ?? '?' })),
      h('p', { class: 'muted' }, t('iam.hostOnly')),
      switchRole,
      own ? h(MfaPanel, { directory, users: [own], send, signedInWithMfa: me?.mfa ?? false }) : null,
      state.fieldErrors['iam:form']?.message ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${state.fieldErrors['iam:form']!.message}`) : null,
    );
  }
  const holders = [...directory.groups.map((g) => `group:${g.name}`), ...directory.users.map((u) => `user:${u.name}`), ...directory.roles.map((r) => `role:${r.name}`)];
  const refused = state.fieldErrors['iam:form']?.message;
  // AWS managed policies and the account's own (customer managed) ones, attached and detached alike.
  const policyRef = () => {
    const [kind, name] = policy.split(':') as ['managed' | 'customer', string];
    return { kind, name };
  };
  const policyOptions = [
    ...MANAGED_POLICIES.map((p) => h('option', { key: `m-${p.name}`, value: `managed:${p.name}` }, `${p.name} (${t('iam.managed')})`)),
    ...directory.customerPolicies.map((p) => h('option', { key: `c-${p.name}`, value: `customer:${p.name}` }, `${p.name} (${t('iam.customer')})`)),
  ];
  return h(
    'div',
    { class: 'console iam' },
    h('p', {}, t('iam.youAre', { principal: me.principal })),
    h(HostSignIn, { users: directory.users.map((u) => u.name), principal: me.principal, self: me.sessionId, send }),
    switchRole,
    h(
      'div',
      { class: 'iam-lists' },
      h(
        'section',
        {},
        h('h3', {}, t('iam.users')),
        h('ul', {}, directory.users.map((u) => h('li', { key: u.name }, h('strong', {}, u.name), ' ', (u.mfaDevices ?? []).length ? h('span', { class: 'mfa-badge', title: t('iam.mfa.title') }, 'MFA') : null, ' ', h('span', { class: 'muted' }, u.attachedPolicies.map((p) => p.name).join(', ')), ' ', h('span', { class: 'muted' }, directory.groups.filter((g) => g.members.includes(u.name)).map((g) => `∈ ${g.name}`).join(' '))))),
      ),
      h('section', {}, h('h3', {}, t('iam.groups')), h('ul', {}, directory.groups.map((g) => h('li', { key: g.name }, h('strong', {}, g.name), ` (${g.members.length}) `, h('span', { class: 'muted' }, g.attachedPolicies.map((p) => p.name).join(', ')))))),
      h('section', {}, h('h3', {}, t('iam.roles')), h('ul', {}, directory.roles.length ? directory.roles.map((r) => h('li', { key: r.name }, h('strong', {}, r.name), ' ', r.requireMfa ? h('span', { class: 'mfa-badge', title: t('iam.role.requireMfa') }, 'MFA') : null, ' ', h('span', { class: 'muted' }, `${t('iam.trusts')} ${r.trustedUsers.join(', ')}`), ' ', h('span', { class: 'muted' }, r.attachedPolicies.map((p) => p.name).join(', ')))) : h('li', { class: 'muted' }, t('common.none')))),
      h('section', {}, h('h3', {}, t('iam.policies')), h('ul', {}, [...MANAGED_POLICIES.map((p) => h('li', { key: p.name }, p.name, ' ', h('span', { class: 'muted' }, t('iam.managed')))), ...directory.customerPolicies.map((p) => h('li', { key: p.name }, p.name, ' ', h('span', { class: 'muted' }, t('iam.customer'))))])),
    ),
    h(
      'div',
      { class: 'iam-forms' },
      h('div', { class: 'row' }, h('input', { 'aria-label': t('iam.name'), placeholder: t('iam.name'), value: name, onInput: (e: Event) => setName((e.target as HTMLInputElement).value) }),
        h('button', { type: 'button', disabled: !name, onClick: () => send({ op: 'createUser', name }) }, t('iam.createUser')),
        h('button', { type: 'button', disabled: !name, onClick: () => send({ op: 'createGroup', name }) }, t('iam.createGroup')),
        h('button', { type: 'button', disabled: !name, onClick: () => send({ op: 'createRole', name, trustedUsers: directory.users.map((u) => u.name), requireMfa }) }, t('iam.createRole')),
        h('label', { class: 'inline' }, h('input', { type: 'checkbox', id: 'iam-role-require-mfa', checked: requireMfa, onChange: (e: Event) => setRequireMfa((e.target as HTMLInputElement).checked) }), ' ', t('iam.role.requireMfa'))),
      h('div', { class: 'row' },
        h('select', { 'aria-label': t('iam.user'), value: member, onChange: (e: Event) => setMember((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, t('iam.user')), directory.users.map((u) => h('option', { key: u.name, value: u.name }, u.name))),
        h('select', { 'aria-label': t('iam.group'), value: group, onChange: (e: Event) => setGroup((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, t('iam.group')), directory.groups.map((g) => h('option', { key: g.name, value: g.name }, g.name))),
        h('button', { type: 'button', disabled: !member || !group, onClick: () => send({ op: 'addToGroup', member, group }) }, t('iam.addToGroup'))),
      h('div', { class: 'row' },
        h('select', { id: 'iam-attach-policy', 'aria-label': t('iam.policy'), value: policy, onChange: (e: Event) => setPolicy((e.target as HTMLSelectElement).value) }, policyOptions),
        h('select', { id: 'iam-attach-holder', 'aria-label': t('iam.holder'), value: holder, onChange: (e: Event) => setHolder((e.target as HTMLSelectElement).value) }, holders.map((x) => h('option', { key: x, value: x }, x))),
        h('button', { type: 'button', id: 'iam-attach', onClick: () => { const [kind, who] = holder.split(':') as ['user' | 'group' | 'role', string]; send({ op: 'attachPolicy', to: { kind, name: who }, policy: policyRef() }); } }, t('iam.attach')),
        h('button', { type: 'button', id: 'iam-detach', onClick: () => { const [kind, who] = holder.split(':') as ['user' | 'group' | 'role', string]; send({ op: 'detachPolicy', from: { kind, name: who }, policy: policyRef() }); } }, t('iam.detach'))),
      h('div', { class: 'row' },
        h('select', { 'aria-label': t('iam.player'), value: player, onChange: (e: Event) => setPlayer((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, t('iam.player')), state.match.players.filter((p) => !p.host).map((p) => h('option', { key: p.sessionId, value: p.sessionId }, `${p.nickname} (${p.principal})`))),
        h('select', { 'aria-label': t('iam.user'), value: member, onChange: (e: Event) => setMember((e.target as HTMLSelectElement).value) }, h('option', { value: '' }, t('iam.user')), directory.users.map((u) => h('option', { key: u.name, value: u.name }, u.name))),
        h('button', { type: 'button', disabled: !player || !member, onClick: () => send({ op: 'assignUser', player, user: member }) }, t('iam.assign'))),
      refused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${refused}`) : null,
    ),
    directory.users.length ? h(MfaPanel, { directory, users: directory.users.map((u) => u.name), send }) : null,
    h(PolicyEditor, { send }),
    h(AccessAnalyzerPanel, { directory, actions, send, nowS: state.match.simS }),
  );
}
