// Cost Explorer's "Group by": service, region or a cost allocation tag. Grouping by tag needs the tag key to be
// active: the key's Activate / Deactivate sends updateCostAllocationTag (ce:UpdateCostAllocationTagsStatus), which
// the room and the sim decide; a refusal is shown beside the button. Every figure is shared/match/cost-view.ts's.
//
// The only state here is which pane is shown (the grouping, the tag key), held by Choice: every pane is drawn by
// stateless functions from the cost view and handed to Choice as its children, so a render without hooks (the
// panel-figures test) still reads every figure.
import { h, toChildArray, type ComponentChildren, type VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { CostLine, CostTagView, CostView } from '../../../shared/match/cost-view.ts';
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

/**
 * A select and the one of its children (keyed by option value) it shows; the first option until the player picks
 * another, and again if the picked one is no longer offered (a tag key whose resources were deleted).
 */
export function Choice({ id, label, options, initial, children }: { id: string; label: string; options: [string, string][]; initial?: string; children?: ComponentChildren }) {
  const [picked, setPicked] = useState<string | null>(null);
  const values = options.map(([v]) => v);
  const shown = picked !== null && values.includes(picked) ? picked : initial !== undefined && values.includes(initial) ? initial : values[0];
  const pane = toChildArray(children).find((c) => typeof c === 'object' && (c as VNode).key === shown) ?? null;
  return h(
    'div',
    { class: 'choice' },
    h(
      'div',
      { class: 'sp-buy group-by' },
      h('label', { for: id }, label),
      h('select', { id, value: shown, onChange: (e: Event) => setPicked((e.target as HTMLSelectElement).value) }, options.map(([v, text]) => h('option', { key: v, value: v }, text))),
    ),
    pane,
  );
}

const GROUPS = ['region', 'service', 'tag'] as const;

interface GroupProps {
  cost: CostView;
  actions: PlayerActions;
  running: boolean;
  refused: string | undefined;
  serviceName: (code: string) => string;
  regionName: (code: string) => string;
}

/** The second column of Cost Explorer: the costs grouped as the player chooses (by region to start with). */
export function GroupedCost(props: GroupProps) {
  const { cost } = props;
  return h(
    'section',
    { id: 'cost-grouped' },
    h(
      Choice,
      { id: 'cost-group-by', label: t('cost.tags.groupBy'), options: GROUPS.map((g): [string, string] => [g, t(`cost.tags.groups.${g}`)]), initial: 'region' },
      h('div', { key: 'region' }, h('h3', {}, t('cost.byRegion')), h(Bars, { rows: cost.byRegion, id: 'cost-by-region', label: props.regionName })),
      h('div', { key: 'service' }, h('h3', {}, t('cost.byService')), h(Bars, { rows: cost.byService, id: 'cost-by-service-grouped', label: props.serviceName })),
      h('div', { key: 'tag' }, h(ByTag, props)),
    ),
  );
}

/** The tag keys on the board (and any activated before its resources went), each with its status and its values' costs. */
function ByTag({ cost, actions, running, refused }: GroupProps) {
  const keys = [...new Set([...cost.tagKeys, ...cost.costTags.map((c) => c.key)])];
  if (keys.length === 0) return h('p', { class: 'muted', id: 'cost-by-tag-none' }, t('cost.tags.none'));
  return h(
    Choice,
    { id: 'cost-tag-key', label: t('cost.tags.key'), options: keys.map((k): [string, string] => [k, k]) },
    keys.map((key) => h(TagKey, { key, tagKey: key, record: cost.costTags.find((c) => c.key === key), actions, running, refused })),
  );
}

function TagKey({ tagKey, record, actions, running, refused }: { tagKey: string; record: CostTagView | undefined; actions: PlayerActions; running: boolean; refused: string | undefined }) {
  const active = record?.active ?? false;
  const toggle = () => actions.send({ type: 'updateCostAllocationTag', tagKey, status: active ? 'Inactive' : 'Active' }, { field: TAG_FIELD });
  return h(
    'div',
    { 'data-tag-key': tagKey },
    h(
      'div',
      { class: 'sp-buy' },
      h('span', { id: 'cost-tag-status', 'data-active': String(active), class: 'muted' }, record ? t(active ? 'cost.tags.activeSince' : 'cost.tags.inactiveSince', { t: formatClock(record.fromS) }) : t('cost.tags.notActive')),
      h('button', { type: 'button', id: 'cost-tag-toggle', class: active ? '' : 'primary', disabled: !running, onClick: toggle }, t(active ? 'cost.tags.deactivate' : 'cost.tags.activate')),
    ),
    refused ? h('p', { class: 'field-error', role: 'alert', id: 'cost-tag-refused' }, `⚠ ${refused}`) : null,
    record ? h('h3', {}, t('cost.tags.byValue')) : null,
    record ? h(Bars, { rows: record.lines, id: 'cost-by-tag', label: (v) => (v === '' ? t('cost.tags.noTagKey', { key: tagKey }) : v) }) : null,
  );
}
