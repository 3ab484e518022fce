// What a student sees over the board while the instructor holds the match: "Paused by your instructor". The
// room decides (one clock for every team); the banner only says it, in the player's language.
import { h } from 'preact';
import { t } from '../i18n/index.ts';
import type { MatchSnapshot } from '../net/snapshot.ts';
import './consoles/classroom-controls.css';

export function InstructorBanner({ match }: { match: MatchSnapshot }) {
  if (match.phase !== 'paused' || match.me?.host) return null;
  const text = match.mode === 'classroom' ? t('classroom.pausedByInstructor') : t('classroom.pausedByHost');
  return h('div', { class: 'board-banner paused-banner', id: 'paused-banner', role: 'status' }, `❚❚ ${text}`);
}
