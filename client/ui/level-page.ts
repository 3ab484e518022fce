// A published level's page (`/?level=CODE`): its briefing, as a campaign level's, and the ways to play it — solo,
// a co-op room for friends, or a classroom competition from the teacher's form — and, for its author, the editor.
import { h } from 'preact';
import type { LevelRecord } from '../../shared/protocol/levels.ts';
import { t } from '../i18n/index.ts';
import { authorToken } from '../net/levels.ts';
import { Briefing } from './campaign.ts';

export type LevelPlay = 'solo' | 'coop' | 'competition' | 'edit';

export function LevelPage({ record, busy, onPlay, onBack }: { record: LevelRecord; busy: boolean; onPlay: (how: LevelPlay) => void; onBack: () => void }) {
  const mine = authorToken(record.code) !== undefined;
  return h(
    Briefing,
    { scenario: record.summary, locked: false, busy, onStart: () => onPlay('solo'), onBack, backLabel: t('common.back') },
    h(
      'div',
      { class: 'level-ways', id: 'level-page', 'data-code': record.code, 'data-version': record.version },
      h('p', { class: 'muted' }, t('levelPage.code', { code: record.code, version: record.version })),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'level-coop', disabled: busy, onClick: () => onPlay('coop') }, t('levelPage.coop')),
        h('button', { type: 'button', id: 'level-competition', class: 'ghost', disabled: busy, onClick: () => onPlay('competition') }, t('levelPage.competition')),
        mine ? h('button', { type: 'button', id: 'level-edit', class: 'link', disabled: busy, onClick: () => onPlay('edit') }, t('levelPage.edit')) : null,
      ),
    ),
  );
}
