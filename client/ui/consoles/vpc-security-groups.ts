// Security groups in the VPC console: each group's inbound and outbound rules as the board's design holds them,
// the resources that use it, and the two EC2 calls a player makes on a running group: AuthorizeSecurityGroupIngress
// (the form) and RevokeSecurityGroupIngress (a rule's button). The room and the sim decide; a refusal (EC2's own
// codes) is shown beside the form in the player's language.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { MatchIntent } from '../../../shared/match/intents.ts';
import { t } from '../../i18n/index.ts';
import type { BoardResource } from '../../net/snapshot.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** A rule as the board's props carry it: references as "stack/LogicalId". */
interface Rule {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidr?: string;
  sourceGroup?: string;
  sourceLoadBalancer?: string;
}

export const SG_FIELD = 'vpc:security-group';

const logicalIdOf = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

export function protocolText(protocol: string): string {
  // Network ACL entries name IANA protocol numbers; security group rules mostly names.
  const p = ({ '6': 'tcp', '17': 'udp', '1': 'icmp' } as Record<string, string>)[protocol] ?? protocol.toLowerCase();
  return p === '-1' || p === 'all' ? t('vpc.allTraffic') : p.toUpperCase();
}

export function portsText(protocol: string, from: number | undefined, to: number | undefined): string {
  if (protocol === '-1' || protocol.toLowerCase() === 'all' || from === undefined || from === -1) return t('vpc.allPorts');
  return from === to || to === undefined ? String(from) : `${from} - ${to}`;
}

function peerText(rule: Rule): string {
  if (rule.sourceGroup) return logicalIdOf(rule.sourceGroup);
  if (rule.sourceLoadBalancer) return logicalIdOf(rule.sourceLoadBalancer);
  return rule.cidr ?? '';
}

/** The resources that name the group among their security groups (instances, launch templates, load balancers, databases). */
function usersOf(resources: readonly BoardResource[], ref: string): BoardResource[] {
  return resources.filter((r) => Array.isArray(r.props.securityGroups) && (r.props.securityGroups as unknown[]).includes(ref));
}

function RuleTable({ rules, peer, onRevoke }: { rules: Rule[]; peer: string; onRevoke?: (rule: Rule) => void }) {
  return h(
    'table',
    { class: 'table' },
    h('thead', {}, h('tr', {}, [t('vpc.protocol'), t('vpc.portRange'), peer, onRevoke ? '' : null].filter((c) => c !== null).map((c, i) => h('th', { key: i }, c)))),
    h(
      'tbody',
      {},
      rules.length === 0
        ? h('tr', {}, h('td', { colSpan: 4, class: 'muted' }, t('vpc.noRules')))
        : rules.map((r, i) =>
            h(
              'tr',
              { key: i },
              h('td', {}, protocolText(r.protocol)),
              h('td', {}, portsText(r.protocol, r.fromPort, r.toPort)),
              h('td', {}, h('code', {}, peerText(r))),
              onRevoke ? h('td', {}, r.sourceLoadBalancer ? null : h('button', { type: 'button', class: 'revoke', onClick: () => onRevoke(r) }, t('vpc.revoke'))) : null,
            ),
          ),
    ),
  );
}

export function SecurityGroups({ state, actions, chosen, choose }: { state: MatchViewState; actions: PlayerActions; chosen: string | null; choose: (ref: string) => void }) {
  const resources = state.match.board.resources;
  const groups = resources.filter((r) => r.kind === 'securityGroup');
  const [form, setForm] = useState({ protocol: 'tcp', fromPort: '80', toPort: '80', source: 'cidr', cidr: '', group: '' });
  if (groups.length === 0) return h('p', { class: 'muted' }, t('vpc.noGroups'));
  const group = groups.find((g) => g.ref === chosen) ?? groups[0]!;
  const ingress = (group.props.ingress as Rule[] | undefined) ?? [];
  // No egress written: AWS's default outbound rule, all traffic to 0.0.0.0/0.
  const egress = (group.props.egress as Rule[] | undefined) ?? [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }];
  const sameStack = groups.filter((g) => g.stack === group.stack);
  const users = usersOf(resources, group.ref);
  const wire = (r: Rule) => ({
    protocol: r.protocol,
    fromPort: r.fromPort,
    toPort: r.toPort,
    ...(r.sourceGroup ? { sourceGroup: logicalIdOf(r.sourceGroup) } : { cidr: r.cidr ?? '' }),
  });
  const send = (intent: MatchIntent) => actions.send(intent, { field: SG_FIELD });
  const authorize = () => {
    const all = form.protocol === '-1';
    const rule = {
      protocol: form.protocol,
      fromPort: all ? -1 : Number(form.fromPort),
      toPort: all ? -1 : Number(form.toPort || form.fromPort),
      ...(form.source === 'group' ? { sourceGroup: form.group || logicalIdOf(sameStack[0]!.ref) } : { cidr: form.cidr.trim() }),
    };
    send({ type: 'authorizeSecurityGroupIngress', target: group.ref, rule });
  };
  const refused = state.fieldErrors[SG_FIELD]?.message;
  const set = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  return h(
    'div',
    { class: 'security-groups' },
    h('div', { class: 'sg-list', role: 'list' }, groups.map((g) => h('button', { key: g.ref, type: 'button', role: 'listitem', class: g.ref === group.ref ? 'on' : '', 'data-group': g.ref, onClick: () => choose(g.ref) }, g.logicalId))),
    h(
      'p',
      { class: 'used-by' },
      h('strong', {}, `${t('vpc.usedBy')}: `),
      users.length ? users.map((u) => `${t(`kinds.name.${u.kind}`, { defaultValue: u.kind })} ${u.logicalId}`).join(', ') : h('span', { class: 'muted' }, t('vpc.unused')),
    ),
    h(
      'div',
      { class: 'rules' },
      h('section', { id: 'sg-inbound' }, h('h3', {}, t('vpc.inbound')), h(RuleTable, { rules: ingress, peer: t('vpc.source'), onRevoke: (r) => send({ type: 'revokeSecurityGroupIngress', target: group.ref, rule: wire(r) }) })),
      h('section', { id: 'sg-outbound' }, h('h3', {}, t('vpc.outbound')), h(RuleTable, { rules: egress, peer: t('vpc.destination') })),
    ),
    h(
      'div',
      { class: 'rule-form', id: 'sg-authorize' },
      h('strong', {}, t('vpc.addInbound')),
      h('select', { 'aria-label': t('vpc.protocol'), value: form.protocol, onChange: set('protocol') }, h('option', { value: 'tcp' }, 'TCP'), h('option', { value: 'udp' }, 'UDP'), h('option', { value: '-1' }, t('vpc.allTraffic'))),
      form.protocol === '-1'
        ? null
        : [
            h('input', { key: 'from', 'aria-label': t('vpc.fromPort'), placeholder: t('vpc.fromPort'), inputMode: 'numeric', value: form.fromPort, onInput: set('fromPort') }),
            h('input', { key: 'to', 'aria-label': t('vpc.toPort'), placeholder: t('vpc.toPort'), inputMode: 'numeric', value: form.toPort, onInput: set('toPort') }),
          ],
      h('select', { 'aria-label': t('vpc.sourceType'), value: form.source, onChange: set('source') }, h('option', { value: 'cidr' }, t('vpc.cidrSource')), h('option', { value: 'group' }, t('vpc.groupSource'))),
      form.source === 'cidr'
        ? h('input', { class: 'cidr', 'aria-label': t('vpc.cidr'), placeholder: '10.0.0.0/16', value: form.cidr, onInput: set('cidr') })
        : h('select', { 'aria-label': t('vpc.groupSource'), value: form.group, onChange: set('group') }, sameStack.map((g) => h('option', { key: g.ref, value: g.logicalId }, g.logicalId))),
      h('button', { type: 'button', class: 'primary', onClick: authorize }, t('vpc.authorize')),
    ),
    refused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${refused}`) : null,
    h('p', { class: 'muted' }, t('vpc.statefulNote')),
  );
}
