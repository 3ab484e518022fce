// The VPC console: security groups (rules per group, who uses it, authorize and revoke), network ACLs (ordered
// rules, read-only) and flow logs (create one, browse its records). Each is a section picked by a sub-tab, as the
// VPC console's left-hand menu does.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { FlowLogs } from './vpc-flow-logs.ts';
import { NetworkAcls } from './vpc-network-acls.ts';
import { SecurityGroups } from './vpc-security-groups.ts';
import './vpc.css';

type Section = 'securityGroups' | 'networkAcls' | 'flowLogs';
const SECTIONS: Section[] = ['securityGroups', 'networkAcls', 'flowLogs'];

export function Vpc({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const [section, setSection] = useState<Section>('securityGroups');
  // The group and the flow log the player picked stay picked while they look at another section.
  const [group, setGroup] = useState<string | null>(null);
  const [log, setLog] = useState<string | null>(null);
  return h(
    'div',
    { class: 'console vpc' },
    h(
      'nav',
      { class: 'vpc-sections', 'aria-label': t('vpc.title') },
      SECTIONS.map((s) => h('button', { key: s, type: 'button', id: `vpc-${s}`, class: section === s ? 'on' : '', 'aria-pressed': String(section === s), onClick: () => setSection(s) }, t(`vpc.${s}`))),
    ),
    h(
      'div',
      { class: 'vpc-body' },
      section === 'securityGroups' ? h(SecurityGroups, { state, actions, chosen: group, choose: setGroup }) : null,
      section === 'networkAcls' ? h(NetworkAcls, { state }) : null,
      section === 'flowLogs' ? h(FlowLogs, { state, actions, chosen: log, choose: setLog }) : null,
    ),
  );
}
