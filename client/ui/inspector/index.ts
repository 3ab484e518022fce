// The inspector: what the selected piece is, how it is doing, and its settings, per kind. Every change is an
// intent; a refusal comes back beside the field that sent it.
import { h } from 'preact';
import { formatNumber, t } from '../../i18n/index.ts';
import { iconUrl } from '../../art/icons.ts';
import type { MatchView, MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { AlarmsSection } from './alarms.ts';
import { LoadBalancerSection } from './balancing.ts';
import { GroupSection, InstanceSection } from './compute.ts';
import { contextFor, type InspectorContext } from './context.ts';
import { BucketSection, DatabaseSection } from './data.ts';
import { AcceleratorSection, DistributionSection, RecordSection, WebAclSection } from './edge.ts';

function Body({ c }: { c: InspectorContext }) {
  switch (c.r.kind) {
    case 'instance':
      return h(InstanceSection, { c });
    case 'autoScalingGroup':
      return h(GroupSection, { c });
    case 'loadBalancer':
      return h(LoadBalancerSection, { c });
    case 'database':
      return h(DatabaseSection, { c });
    case 'bucket':
      return h(BucketSection, { c });
    case 'recordSet':
      return h(RecordSection, { c });
    case 'distribution':
      return h(DistributionSection, { c });
    case 'accelerator':
      return h(AcceleratorSection, { c });
    case 'webAcl':
      return h(WebAclSection, { c });
    default:
      return null;
  }
}

export function Inspector({ state, view, actions }: { state: MatchViewState; view: MatchView; actions: PlayerActions }) {
  const piece = state.selected ? state.model.pieces.get(state.selected) : undefined;
  if (!piece) return null;
  const c = contextFor(state, actions, piece);
  const r = piece.resource;
  const lines = state.model.lines.filter((l) => l.from === r.ref || l.to === r.ref);
  return h(
    'aside',
    { class: 'inspector', 'aria-label': t('inspector.title'), 'data-ref': r.ref },
    h(
      'header',
      { class: 'inspector-head' },
      h('img', { src: iconUrl(r.kind), alt: '', width: 40, height: 40 }),
      h('div', {}, h('h2', {}, r.logicalId), h('p', { class: 'muted' }, `${t(`kinds.name.${r.kind}`)} · ${r.stack} · ${r.zone || r.region}`)),
      h('button', { type: 'button', class: 'ghost close', 'aria-label': t('common.close'), onClick: () => view.select(null) }, '✕'),
    ),
    h(
      'div',
      { class: 'vitals' },
      h('span', { class: `health-chip ${r.health}` }, t(`health.${r.health}`)),
      h('span', {}, t('inspector.rps', { rps: formatNumber(r.rps) })),
      ['instance', 'autoScalingGroup', 'database'].includes(r.kind) ? h('span', {}, t('inspector.load', { pct: formatNumber(r.load * 100) })) : null,
      r.kind === 'autoScalingGroup' || r.kind === 'loadBalancer' ? h('span', {}, t('inspector.count', { count: r.count })) : null,
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'connect-selected', onClick: () => view.startConnect(r.ref) }, t('inspector.connect')),
      h('button', { type: 'button', id: 'remove-selected', class: 'danger', onClick: () => actions.remove(r.ref) }, t('inspector.remove')),
    ),
    lines.length > 0
      ? h(
          'ul',
          { class: 'connections' },
          lines.map((l) => {
            const other = l.from === r.ref ? l.to : l.from;
            return h(
              'li',
              { key: `${l.from}>${l.to}` },
              h('span', {}, `${l.from === r.ref ? '→' : '←'} ${t(`meaning.${l.meaning}`, { defaultValue: l.meaning })} ${other.split('/')[1]}`),
              h('button', { type: 'button', class: 'link', title: t('inspector.disconnect'), onClick: () => actions.disconnect(l.from, l.to) }, '✕'),
            );
          }),
        )
      : null,
    h(Body, { c }),
    h(AlarmsSection, { c }),
  );
}

