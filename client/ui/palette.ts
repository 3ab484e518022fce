// The palette: what can be placed, each with the game's icon, its shortcut key and where it goes. Entries the
// player's policy refused are greyed out with the reason; a classroom's teacher, who builds on no board, sees them
// all greyed out with a line saying why.
import { h } from 'preact';
import { t } from '../i18n/index.ts';
import { iconUrl } from '../art/icons.ts';
import type { MatchView, MatchViewState } from '../view/match-view.ts';
import { PALETTE } from '../../shared/design/plans/palette.ts';

export const PALETTE_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'q', 'r'];

export function Palette({ state, view, allowed, watching }: { state: MatchViewState; view: MatchView; allowed: (id: string) => boolean; watching: boolean }) {
  const armed = PALETTE.find((p) => p.id === state.armed);
  return h(
    'nav',
    { class: `palette ${watching ? 'watching' : ''}`, 'aria-label': t('palette.title') },
    h('h2', {}, t('palette.title')),
    watching ? h('p', { id: 'palette-watching', class: 'palette-watching' }, t('palette.watching')) : null,
    h(
      'div',
      { class: 'palette-grid', role: 'toolbar' },
      PALETTE.map((entry, i) => {
        const denied = watching || state.denied.includes(entry.id) || !allowed(entry.id);
        return h(
          'button',
          {
            key: entry.id,
            type: 'button',
            class: `palette-item ${denied ? 'denied' : ''}`,
            'data-entry': entry.id,
            'data-kind': entry.kind,
            'aria-pressed': String(state.armed === entry.id),
            title: `${t(`palette.${entry.id}.name`)} — ${t(`palette.${entry.id}.hint`)}${watching ? '' : denied ? ` (${t('palette.denied')})` : ''}`,
            disabled: denied,
            onClick: () => view.arm(entry.id),
          },
          h('img', { src: iconUrl(entry.kind), alt: '', width: 30, height: 30 }),
          h('span', { class: 'palette-name' }, t(`palette.${entry.id}.name`)),
          h('kbd', {}, PALETTE_KEYS[i]),
        );
      }),
    ),
    watching ? null : h('p', { class: 'hint', id: 'palette-hint' }, armed ? t('palette.armed', { name: t(`palette.${armed.id}.name`), where: t(`palette.where.${armed.where}`) }) : state.connectFrom ? t('palette.connecting') : t('palette.idle')),
  );
}
