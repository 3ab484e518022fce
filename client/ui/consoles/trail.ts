// CloudTrail: the match's audit log, filtered by who, what, which resource and outcome, newest first, and
// exported as CloudTrail's own JSON.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { exportTrail } from '../../../shared/trail/query.ts';
import { eventCategoryOf, readOnlyOf } from '../../../shared/trail/selectors.ts';
import { formatClock, t } from '../../i18n/index.ts';
import { sayLogged } from '../../i18n/timeline-entry.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * CloudTrail's Event history looks events up by one attribute at a time (LookupEvents' LookupAttributes): the
 * three that answer "who changed what" here, each onto the query field the room's trail lookup takes.
 */
export const LOOKUP_ATTRIBUTES = [
  { id: 'ResourceName', field: 'resource', label: 'trail.lookupResourceName' },
  { id: 'EventName', field: 'action', label: 'trail.lookupEventName' },
  { id: 'Username', field: 'principal', label: 'trail.lookupUsername' },
] as const;
type LookupId = (typeof LOOKUP_ATTRIBUTES)[number]['id'];

export function CloudTrail({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const [filters, setFilters] = useState<{ lookup: LookupId; value: string; outcome: string; access: string }>({ lookup: 'ResourceName', value: '', outcome: '', access: '' });
  const [events, setEvents] = useState<TrailEvent[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const tick = Math.floor(state.match.simS / 60) + state.match.board.revision;
  useEffect(() => {
    let live = true;
    const field = LOOKUP_ATTRIBUTES.find((a) => a.id === filters.lookup)!.field;
    const value = filters.value.trim();
    const query = {
      ...(value ? { [field]: value } : {}),
      ...(filters.outcome === 'Success' || filters.outcome === 'Failure' ? { outcome: filters.outcome as 'Success' | 'Failure' } : {}),
      ...(filters.access === 'changes' ? { readOnly: false } : filters.access === 'reads' ? { readOnly: true } : {}),
      limit: 100,
    };
    void actions.trail(query).then((found) => live && setEvents(found));
    return () => {
      live = false;
    };
  }, [filters, tick]);
  // "Who changed this?": a resource's own changes, newest first, from a click on its name.
  const whoChanged = (resource: string) => setFilters({ ...filters, lookup: 'ResourceName', value: resource, access: 'changes' });
  return h(
    'div',
    { class: 'console trail' },
    h(
      'div',
      { class: 'filters' },
      h(
        'select',
        { 'aria-label': t('trail.lookupAttribute'), id: 'trail-lookup', value: filters.lookup, onChange: (e: Event) => setFilters({ ...filters, lookup: (e.target as HTMLSelectElement).value as LookupId }) },
        LOOKUP_ATTRIBUTES.map((a) => h('option', { key: a.id, value: a.id }, t(a.label))),
      ),
      h('input', {
        id: 'trail-lookup-value',
        'aria-label': t('trail.lookupValue'),
        placeholder: t(`${LOOKUP_ATTRIBUTES.find((a) => a.id === filters.lookup)!.label}Example`),
        value: filters.value,
        onInput: (e: Event) => setFilters({ ...filters, value: (e.target as HTMLInputElement).value }),
      }),
      h(
        'select',
        { 'aria-label': t('trail.outcome'), value: filters.outcome, onChange: (e: Event) => setFilters({ ...filters, outcome: (e.target as HTMLSelectElement).value }) },
        h('option', { value: '' }, t('trail.anyOutcome')),
        h('option', { value: 'Success' }, t('trail.success')),
        h('option', { value: 'Failure' }, t('trail.failure')),
      ),
      h(
        'select',
        { 'aria-label': t('trail.readOnly'), id: 'trail-access', value: filters.access, onChange: (e: Event) => setFilters({ ...filters, access: (e.target as HTMLSelectElement).value }) },
        h('option', { value: '' }, t('trail.anyAccess')),
        h('option', { value: 'changes' }, t('trail.changesOnly')),
        h('option', { value: 'reads' }, t('trail.readsOnly')),
      ),
      h('button', { type: 'button', id: 'trail-export', onClick: () => download(`cloudtrail-${state.match.code}.json`, exportTrail([...events].reverse()), 'application/json') }, t('trail.export')),
    ),
    h(
      'table',
      { class: 'table', id: 'trail-table' },
      h('thead', {}, h('tr', {}, [t('trail.time'), t('trail.principal'), t('trail.action'), t('trail.resource'), t('trail.category'), t('trail.outcome')].map((c) => h('th', { key: c }, c)))),
      h(
        'tbody',
        {},
        events.map((e) => [
          h(
            'tr',
            { key: e.seq, class: e.outcome === 'Failure' ? 'failure' : '', onClick: () => setOpen(open === e.seq ? null : e.seq) },
            h('td', { class: 'time' }, formatClock(e.simS)),
            // The scenario acts under no name of its own: its type says who it is.
            h('td', {}, e.principal.type === 'Scenario' ? t('trail.principalType.Scenario') : `${t(`trail.principalType.${e.principal.type}`)}: ${e.principal.name}`),
            h('td', {}, h('code', {}, `${e.eventSource.split('.')[0]}:${e.eventName}`)),
            h(
              'td',
              {},
              e.resource
                ? e.resource.split(', ').map((r) =>
                    h(
                      'button',
                      {
                        key: r,
                        type: 'button',
                        class: 'link trail-resource',
                        title: t('trail.whoChangedThis'),
                        onClick: (ev: Event) => {
                          ev.stopPropagation();
                          whoChanged(r);
                        },
                      },
                      r,
                    ),
                  )
                : sayLogged(e.params),
            ),
            h('td', { class: 'muted' }, `${eventCategoryOf(e) === 'Data' ? t('trail.data') : t('trail.management')}${readOnlyOf(e) ? ` · ${t('trail.readOnly')}` : ''}`),
            h('td', {}, e.outcome === 'Failure' ? `✕ ${e.errorCode ?? ''}` : '✓'),
          ),
          open === e.seq ? h('tr', { key: `${e.seq}-json`, class: 'json' }, h('td', { colSpan: 6 }, h('pre', {}, JSON.stringify(e, null, 2)))) : null,
        ]),
      ),
    ),
    events.length === 0 ? h('p', { class: 'muted' }, t('trail.empty')) : null,
    h('p', { class: 'muted' }, t('trail.whoChanged')),
  );
}
