// The host's chaos: a scenario event injected now, for every team — an AZ or a region going dark, a failed
// instance or database, a flood, a traffic spike. What teachers use to make a point during a session.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { zonesOf } from '../../shared/geography/regions.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { t } from '../i18n/index.ts';
import { boardRegions } from '../view/layout.ts';
import type { MatchViewState } from '../view/match-view.ts';
import type { PlayerActions } from '../view/player-actions.ts';

type InjectEvent = Extract<MatchIntent, { type: 'inject' }>['event'];

export function chaosEvents(state: MatchViewState): { id: string; event: InjectEvent }[] {
  const regions = boardRegions(state.match.board);
  return [
    ...regions.flatMap((region) => zonesOf(region).map((zone) => ({ id: `az:${zone}`, event: { type: 'az-outage', atS: 0, durationS: 900, params: { zone } } as InjectEvent }))),
    ...regions.map((region) => ({ id: `region:${region}`, event: { type: 'region-outage', atS: 0, durationS: 1800, params: { region } } as InjectEvent })),
    { id: 'instance', event: { type: 'instance-failure', atS: 0, params: { count: 1 } } as InjectEvent },
    { id: 'database', event: { type: 'db-failure', atS: 0, params: {} } as InjectEvent },
    { id: 'spike', event: { type: 'traffic-spike', atS: 0, durationS: 1200, params: { multiplier: 2, rampS: 120 } } as InjectEvent },
    { id: 'flood', event: { type: 'flood', atS: 0, durationS: 600, params: { area: 'north-america', multiplier: 5 } } as InjectEvent },
  ];
}

function label(id: string): string {
  const [kind, where] = id.split(':');
  return t(`chaos.${kind}`, { where });
}

export function Chaos({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const events = chaosEvents(state);
  const [chosen, setChosen] = useState(events[0]?.id ?? '');
  const event = events.find((e) => e.id === chosen) ?? events[0];
  return h(
    'div',
    { class: 'chaos', role: 'group', 'aria-label': t('chaos.title') },
    h('select', { id: 'chaos-event', 'aria-label': t('chaos.title'), title: event ? label(event.id) : undefined, value: event?.id, onChange: (e: Event) => setChosen((e.target as HTMLSelectElement).value) }, events.map((e) => h('option', { key: e.id, value: e.id }, label(e.id)))),
    h('button', { type: 'button', id: 'chaos-inject', class: 'danger', title: t('chaos.hint'), 'aria-label': t('chaos.inject'), onClick: () => event && actions.send({ type: 'inject', event: event.event }) }, '⚡ ', h('span', { class: 'label' }, t('chaos.inject'))),
  );
}
