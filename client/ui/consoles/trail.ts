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

export function CloudTrail({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const [filters, setFilters] = useState<{ principal: string; action: string; resource: string; outcome: string; access: string }>({ principal: '', action: '', resource: '', outcome: '', access: '' });
  const [events, setEvents] = useState<TrailEvent[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const tick = Math.floor(state.match.simS / 60) + state.match.board.revision;
  useEffect(() => {
    let live = true;
    const query = {
      ...(filters.principal ? { principal: filters.principal } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.resource ? { resource: filters.resource } : {}),
      ...(filters.outcome === 'Success' || filters.outcome === 'Failure' ? { outcome: filters.outcome as 'Success' | 'Failure' } : {}),
      ...(filters.access === 'changes' ? { readOnly: false } : filters.access === 'reads' ? { readOnly: true } : {}),
      limit: 100,
    };
    void actions.trail(query).then((found) => live && setEvents(found));
    return () => {
      live = false;
    };
  }, [filters, tick]);
  const input = (key: keyof typeof filters, label: string) =>
    h('input', { 'aria-label': label, placeholder: label, value: filters[key], 'data-filter': key, onInput: (e: Event) => setFilters({ ...filters, [key]: (e.target as HTMLInputElement).value }) });
  return h(
    'div',
    { class: 'console trail' },
    h(
      'div',
      { class: 'filters' },
      input('principal', t('trail.principal')),
      input('action', t('trail.action')),
      input('resource', t('trail.resource')),
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
            h('td', {}, formatClock(e.simS)),
            h('td', {}, `${e.principal.type}: ${e.principal.name}`),
            h('td', {}, h('code', {}, `${e.eventSource.split('.')[0]}:${e.eventName}`)),
            h('td', {}, e.resource ?? sayLogged(e.params)),
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
