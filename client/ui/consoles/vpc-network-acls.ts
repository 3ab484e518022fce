// Network ACLs in the VPC console, read-only: each ACL's inbound and outbound entries in rule-number order, as AWS
// evaluates them (the first that matches decides, allow or deny), ending in the "*" rule that denies the rest, and
// the subnets associated with it. A subnet associated with none uses its VPC's default ACL, which allows all.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import type { BoardResource } from '../../net/snapshot.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import { portsText, protocolText } from './vpc-security-groups.ts';

interface Entry {
  ruleNumber: number;
  protocol: string;
  action: 'allow' | 'deny';
  egress: boolean;
  cidr: string;
  fromPort?: number;
  toPort?: number;
}

function EntryTable({ entries }: { entries: Entry[] }) {
  const rows = [...entries].sort((a, b) => a.ruleNumber - b.ruleNumber);
  return h(
    'table',
    { class: 'table' },
    h('thead', {}, h('tr', {}, [t('vpc.ruleNumber'), t('vpc.protocol'), t('vpc.portRange'), t('vpc.cidr'), t('vpc.allowDeny')].map((c) => h('th', { key: c }, c)))),
    h(
      'tbody',
      {},
      rows.map((e) =>
        h(
          'tr',
          { key: e.ruleNumber, class: e.action },
          h('td', {}, String(e.ruleNumber)),
          h('td', {}, protocolText(e.protocol)),
          h('td', {}, portsText(e.protocol, e.fromPort, e.toPort)),
          h('td', {}, h('code', {}, e.cidr)),
          h('td', { class: 'action' }, e.action === 'allow' ? t('vpc.allow') : t('vpc.deny')),
        ),
      ),
      // Every ACL ends with the rule AWS adds and nobody can change: whatever no numbered rule matched is denied.
      h('tr', { key: '*', class: 'deny' }, h('td', {}, '*'), h('td', {}, t('vpc.allTraffic')), h('td', {}, t('vpc.allPorts')), h('td', {}, h('code', {}, '0.0.0.0/0')), h('td', { class: 'action' }, t('vpc.deny'))),
    ),
  );
}

export function NetworkAcls({ state }: { state: MatchViewState }) {
  const resources = state.match.board.resources;
  const acls = resources.filter((r) => r.kind === 'networkAcl');
  if (acls.length === 0) return h('p', { class: 'muted', id: 'nacl-none' }, t('vpc.noAcls'));
  const entriesOf = (acl: BoardResource) => resources.filter((r) => r.kind === 'networkAclEntry' && r.props.networkAcl === acl.ref).map((r) => r.props as unknown as Entry);
  const subnetsOf = (acl: BoardResource) =>
    resources.filter((r) => r.kind === 'subnetNetworkAclAssociation' && r.props.networkAcl === acl.ref).map((r) => String(r.props.subnet).slice(String(r.props.subnet).lastIndexOf('/') + 1));
  return h(
    'div',
    { class: 'network-acls' },
    acls.map((acl) => {
      const entries = entriesOf(acl);
      const subnets = subnetsOf(acl);
      return h(
        'section',
        { key: acl.ref, class: 'nacl', 'data-acl': acl.ref },
        h('h3', {}, `${acl.logicalId} · ${String(acl.props.vpc ?? '').slice(String(acl.props.vpc ?? '').lastIndexOf('/') + 1)}`),
        h('p', { class: 'used-by' }, h('strong', {}, `${t('vpc.associatedSubnets')}: `), subnets.length ? subnets.join(', ') : h('span', { class: 'muted' }, t('vpc.unused'))),
        h(
          'div',
          { class: 'rules' },
          h('section', {}, h('h3', {}, t('vpc.inbound')), h(EntryTable, { entries: entries.filter((e) => !e.egress) })),
          h('section', {}, h('h3', {}, t('vpc.outbound')), h(EntryTable, { entries: entries.filter((e) => e.egress) })),
        ),
      );
    }),
    h('p', { class: 'muted' }, t('vpc.statelessNote')),
  );
}
