// Cost Explorer's "Group by": service, region or a cost allocation tag. Grouping by tag needs the tag key to be
// active: the tag key's Activate / Deactivate sends updateCostAllocationTag (ce:UpdateCostAllocationTagsStatus),
// which the room and the sim decide; a refusal is shown here. Every figure is shared/match/cost-view.ts's.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { CostLine, CostView } from '../../../shared/match/cost-view.ts';
import { formatClock, formatUsd, t } from '../../i18n/index.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** Where the room's refusal of a tag activation is shown. */
export const TAG_FIELD = 'cost:costAllocationTags';

/** Cost Explorer's bars: spend so far and the run rate of each group, largest first (as cost-view.ts orders them). */
export function Bars({ rows, id, label }: { rows: CostLine[]; id: string; label: (name: string) => string }) {
  const top = Math.max(0.0001, ...rows.map((r) => r.spentUsd));
  if (rows.length === 0) return h('p', { class: 'muted', id }, t('cost.nothingYet'));
  return h(
    'ul',
    { class: 'bars', id },
    rows.map((r) =>
      h(
        'li',
        { key: r.name, 'data-name': r.name },
        h('span', { class: 'bar-name' }, label(r.name)),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: { width: `${(r.spentUsd / top) * 100}%` } })),
        h('span', { class: 'bar-value' }, `${formatUsd(r.spentUsd)} · ${formatUsd(r.hourlyUsd, 3)}/${t('units.h')}`),
      ),
    ),
  );
}

const GROUPS = ['service', 'region', 'tag'] as const;
type Group = (typeof GROUPS)[number];

export function GroupedCost(props: {
  cost: CostView;
  actions: PlayerActions;
  running: boolean;
  refused: string | undefined;
  serviceName: (code: string) => string;
  regionName: (code: string) => string;
}) {
  const { cost } = props;
  const [group, setGroup] = useState<Group>('region');
  return h(
    'section',
    { id: 'cost-grouped' },
    h(
      'div',
      { class: 'group-by' },
      h('label', { for: 'cost-group-by' }, t('cost.tags.groupBy')),
      h(
        'select',
        { id: 'cost-group-by', value: group, onChange: (e: Event) => setGroup((e.target as HTMLSelectElement).value as Group) },
        GROUPS.map((g) => h('option', { key: g, value: g }, t(`cost.tags.groups.${g}`))),
      ),
    ),
    group === 'service'
      ? h(Bars, { rows: cost.byService, id: 'cost-by-service-grouped', label: props.serviceName })
      : group === 'region'
        ? h(Bars, { rows: cost.byRegion, id: 'cost-by-region', label: props.regionName })
        : h(ByTag, props),
  );
}

function ByTag({ cost, actions, running, refused }: { cost: CostView; actions: PlayerActions; running: boolean; refused: string | undefined }) {
  const [chosen, setChosen] = useState<string | null>(null);
  if (cost.tagKeys.length === 0 && cost.costTags.length === 0) return h('p', { class: 'muted', id: 'cost-by-tag' }, t('cost.tags.none'));
  const keys = [...new Set([...cost.tagKeys, ...cost.costTags.map((c) => c.key)])];
  const key = chosen !== null && keys.includes(chosen) ? chosen : keys[0]!;
  const record = cost.costTags.find((c) => c.key === key);
  const active = record?.active ?? false;
  const toggle = () => actions.send({ type: 'updateCostAllocationTag', tagKey: key, status: active ? 'Inactive' : 'Active' }, { field: TAG_FIELD });
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'group-by' },
      h('label', { for: 'cost-tag-key' }, t('cost.tags.key')),
      h('select', { id: 'cost-tag-key', value: key, onChange: (e: Event) => setChosen((e.target as HTMLSelectElement).value) }, keys.map((k) => h('option', { key: k, value: k }, k))),
      h('button', { type: 'button', id: 'cost-tag-toggle', class: active ? '' : 'primary', disabled: !running, onClick: toggle }, t(active ? 'cost.tags.deactivate' : 'cost.tags.activate')),
    ),
    h('p', { class: 'muted', id: 'cost-tag-status' }, record ? t(active ? 'cost.tags.activeSince' : 'cost.tags.inactiveSince', { t: formatClock(record.fromS) }) : t('cost.tags.notActive')),
    refused ? h('p', { class: 'field-error', role: 'alert', id: 'cost-tag-refused' }, `⚠ ${refused}`) : null,
    record ? h(Bars, { rows: record.lines, id: 'cost-by-tag', label: (v) => (v === '' ? t('cost.tags.noTagKey', { key }) : v) }) : null,
  );
}
