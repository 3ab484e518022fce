// The timeline of events: every event type the simulation has (shared/scenario/events.ts), each with its time, its
// duration where it has one, its parameters and an optional announcement shown ahead of it; added, removed and
// reordered.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { eventHasDuration, eventParamFields, EVENT_TYPES, moveItem, newEvent, removeItem, retypeEvent } from '../../../shared/scenario/editor-model.ts';
import type { ScenarioEventType } from '../../../shared/scenario/events.ts';
import { formatClock, t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';
import { Field, ItemButtons, NumberField, Problems, TextField } from './fields.ts';
import { ParamField } from './param-fields.ts';

export const eventName = (type: string): string => t(`levelEditor.event.${type}`, { defaultValue: type });

type EventRow = { type: ScenarioEventType; atS: number; announce?: unknown };

function EventItem({ index, count, event, all }: { index: number; count: number; event: EventRow; all: EventRow[] }) {
  const { set } = useEditing();
  const base = ['events', index] as const;
  const known = EVENT_TYPES.includes(event.type);
  return h(
    'div',
    { class: 'editor-item', 'data-item': `event-${index}` },
    h(
      'div',
      { class: 'item-head' },
      h('strong', {}, `${index + 1}. ${eventName(event.type)}`),
      h('span', { class: 'muted' }, Number.isFinite(event.atS) ? formatClock(event.atS) : ''),
      h(ItemButtons, { name: `${index + 1}. ${eventName(event.type)}`, index, count, onMove: (d) => set(['events'], moveItem(all, index, d)), onRemove: () => set(['events'], removeItem(all, index)) }),
    ),
    h(
      'div',
      { class: 'editor-grid' },
      h(Field, {
        path: [...base, 'type'],
        label: t('levelEditor.eventType'),
        input: (props) =>
          h(
            'select',
            { ...props, value: event.type, onChange: (e: Event) => set(base, retypeEvent(event as unknown as Record<string, unknown>, (e.target as HTMLSelectElement).value as ScenarioEventType)) },
            EVENT_TYPES.map((type) => h('option', { key: type, value: type }, eventName(type))),
          ),
      }),
      h(NumberField, { path: [...base, 'atS'], label: t('levelEditor.atS'), unit: t('levelEditor.seconds'), step: 60 }),
      known && eventHasDuration(event.type) ? h(NumberField, { path: [...base, 'durationS'], label: t('levelEditor.eventDuration'), hint: t('levelEditor.eventDurationHint'), unit: t('levelEditor.seconds'), step: 60 }) : null,
      ...(known ? eventParamFields(event.type).map((spec) => h(ParamField, { key: spec.key, base: [...base, 'params'], spec })) : []),
    ),
    h(Problems, { path: [...base, 'params'] }),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        class: 'announce-toggle',
        checked: event.announce !== undefined,
        onChange: (e: Event) => set([...base, 'announce'], (e.target as HTMLInputElement).checked ? { leadS: 60, message: '', messageKo: '' } : undefined),
      }),
      ` ${t('levelEditor.announce')}`,
    ),
    event.announce
      ? h(
          'div',
          { class: 'editor-grid' },
          h(NumberField, { path: [...base, 'announce', 'leadS'], label: t('levelEditor.leadS'), unit: t('levelEditor.seconds'), step: 30 }),
          h('div', {}),
          h(TextField, { path: [...base, 'announce', 'message'], label: t('levelEditor.announceEn') }),
          h(TextField, { path: [...base, 'announce', 'messageKo'], label: t('levelEditor.announceKo'), optional: true }),
        )
      : null,
    h(Problems, { path: [...base, 'announce'] }),
  );
}

export function EventsSection() {
  const { form, set } = useEditing();
  const events = (form.document.events as EventRow[] | undefined) ?? [];
  const [type, setType] = useState<ScenarioEventType>('traffic-spike');
  const add = () => {
    const last = events.at(-1)?.atS;
    const at = Math.min(Number(form.document.durationS) || 600, (Number.isFinite(last) ? last! : 0) + 600);
    set(['events'], [...events, newEvent(type, at)]);
  };
  return h(
    'section',
    { class: 'editor-section', 'aria-labelledby': 'level-events-head' },
    h('h2', { id: 'level-events-head' }, t('levelEditor.events')),
    h('p', { class: 'explain' }, t('levelEditor.eventsHint')),
    h(Problems, { path: ['events'] }),
    events.map((event, i) => h(EventItem, { key: i, index: i, count: events.length, event, all: events })),
    h(
      'div',
      { class: 'row add-row' },
      h('label', { for: 'level-new-event-type' }, t('levelEditor.newEventType')),
      h('select', { id: 'level-new-event-type', value: type, onChange: (e: Event) => setType((e.target as HTMLSelectElement).value as ScenarioEventType) }, EVENT_TYPES.map((x) => h('option', { key: x, value: x }, eventName(x)))),
      h('button', { type: 'button', class: 'ghost', id: 'level-add-event', onClick: add }, `+ ${t('levelEditor.addEvent')}`),
    ),
  );
}
