// The inspector of a VPC or subnet, selected by its frame's label strip: what it is (its address range, zone,
// public or private, what is in it on the board) and Delete. EC2 refuses to delete one that something still
// stands in (DependencyViolation, shared/design/plans/remove.ts); the refusal comes back as a toast.
import { h } from 'preact';
import { REFUSALS } from '../../../shared/protocol/refusals.ts';
import { iconUrl } from '../../art/icons.ts';
import { t } from '../../i18n/index.ts';
import type { MatchView, MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** The selected VPC or subnet's inspector, or null when the selection is something else. */
export function FrameInspector({ state, view, actions }: { state: MatchViewState; view: MatchView; actions: PlayerActions }) {
  const ref = state.selected;
  const vpc = state.layout.vpcs.find((v) => v.ref === ref);
  const subnet = state.layout.subnets.find((s) => s.ref === ref);
  const r = ref ? state.model.byRef.get(ref) : undefined;
  if (!r || (!vpc && !subnet)) return null;
  const kind = subnet ? 'subnet' : 'vpc';
  const cidr = subnet?.cidr ?? vpc?.cidr ?? '';
  const inside = subnet
    ? [...state.layout.pieces.entries()].filter(([, spot]) => within(spot.rect, subnet.rect)).map(([pieceRef]) => pieceRef)
    : state.layout.subnets.filter((s) => s.vpc === ref).map((s) => s.ref);
  return h(
    'aside',
    { class: 'inspector frame-inspector', 'aria-label': t('inspector.title'), 'data-ref': r.ref, 'data-kind': kind },
    h(
      'header',
      { class: 'inspector-head' },
      h('img', { src: iconUrl(kind), alt: '', width: 40, height: 40 }),
      h('div', {}, h('h2', {}, r.logicalId), h('p', { class: 'muted' }, `${t(`kinds.name.${kind}`)} · ${r.stack} · ${subnet?.zone || r.region}`)),
      h('button', { type: 'button', class: 'ghost close', 'aria-label': t('common.close'), onClick: () => view.select(null) }, '✕'),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('inspector.cidr')),
      h('dd', {}, cidr),
      subnet ? h('dt', {}, t('inspector.subnetType')) : null,
      subnet ? h('dd', {}, subnet.public ? t('inspector.subnetPublic') : t('inspector.subnetPrivate')) : null,
      h('dt', {}, t(subnet ? 'inspector.subnetHolds' : 'inspector.vpcSubnets')),
      h('dd', { id: 'frame-inside' }, inside.length > 0 ? inside.map((x) => x.split('/')[1]).join(', ') : t('inspector.frameEmpty')),
    ),
    vpc?.account ? h('p', { class: 'explain' }, t('refusals.account-resource', { defaultValue: REFUSALS['account-resource'] })) : null,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'remove-selected', class: 'danger', onClick: () => actions.remove(r.ref) }, t('inspector.remove')),
    ),
    h('p', { class: 'explain' }, t(subnet ? 'inspector.subnetDeleteRule' : 'inspector.vpcDeleteRule')),
  );
}

function within(inner: { x: number; y: number; w: number; h: number }, outer: { x: number; y: number; w: number; h: number }): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}
