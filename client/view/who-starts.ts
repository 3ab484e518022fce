// Who starts a match, as a player is told it: themselves (solo, a team's host), the host of a team room, or in a
// classroom the instructor — or the build time running out, when the teacher chose that. Students of a classroom
// are never told to "Press Start": they cannot.
import type { MatchSnapshot } from '../net/snapshot.ts';

export type Starter = 'you' | 'host' | 'instructor' | 'build-time';

export function whoStarts(m: Pick<MatchSnapshot, 'mode' | 'me' | 'classroom'>): Starter {
  if (m.me?.host) return 'you';
  if (m.mode !== 'classroom') return 'host';
  return m.classroom?.autoStart ? 'build-time' : 'instructor';
}

/** The guide's step that says so (assets/i18n `guide.*`). */
export const START_STEP: Record<Starter, string> = { you: 'start', host: 'startByHost', instructor: 'startByInstructor', 'build-time': 'startByBuildTime' };
