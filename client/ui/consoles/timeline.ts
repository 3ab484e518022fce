// The event timeline: what happened to the team's world, newest first, the scenario's announcements marked.
import { h } from 'preact';
import { formatClock, t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import { sayEntry } from '../../i18n/timeline-entry.ts';

const ICON: Record<string, string> = { event: '▶', failure: '✕', recovery: '↺', health: '♥', dns: '⇄', database: '◉', alarm: '⚑', scaling: '⇅', budget: '$', action: '•' };

export function Timeline({ state, compact = false }: { state: MatchViewState; compact?: boolean }) {
  const items = [...state.match.board.timeline].reverse().slice(0, compact ? 6 : 40);
  return h(
    'ol',
    { class: `timeline ${compact ? 'compact' : ''}`, id: compact ? undefined : 'timeline' },
    items.length === 0 ? h('li', { class: 'muted' }, t('timeline.empty')) : null,
    items.map((e, i) =>
      h(
        'li',
        { key: `${e.tS}-${i}`, class: `tl ${e.kind}` },
        h('span', { class: 'tl-time' }, formatClock(e.tS)),
        h('span', { class: 'tl-icon', 'aria-hidden': 'true' }, ICON[e.kind] ?? '•'),
        h('span', { class: 'tl-kind' }, t(`timeline.kind.${e.kind}`, { defaultValue: e.kind })),
        h('span', { class: 'tl-text' }, sayEntry(e)),
      ),
    ),
  );
}
