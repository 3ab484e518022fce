// The teacher's competitions in this tab's sessionStorage, keyed by their room code: the id and host token the
// server showed once, so a reload keeps the competition card and the competition console (and its exports).
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import type { ScenarioSummary } from '../../shared/scenario/summary.ts';

const PREFIX = 'five-nines.competition.';
const LAST = 'five-nines.competition-last';

export interface SavedCompetition extends CreatedCompetition {
  scenario: string;
  /** The published level it plays, when it plays one: its code and, when the teacher came from its page, its summary. */
  level?: { code: string; summary?: ScenarioSummary };
  teams: number;
  teamSize: number;
  buildTimeS: number;
  speed: number;
}

function storage(): Storage | undefined {
  return globalThis.sessionStorage;
}

export function saveCompetition(competition: SavedCompetition): void {
  storage()?.setItem(PREFIX + competition.code, JSON.stringify(competition));
  storage()?.setItem(LAST, competition.code);
}

export function savedCompetition(code: string): SavedCompetition | null {
  try {
    const saved = JSON.parse(storage()?.getItem(PREFIX + code) ?? 'null') as SavedCompetition | null;
    if (!saved || typeof saved.id !== 'string' || typeof saved.hostToken !== 'string' || saved.code !== code) return null;
    return saved;
  } catch {
    return null;
  }
}

/** The competition this tab set up last (the one the teacher's screen shows again after a reload). */
export function lastCompetition(): SavedCompetition | null {
  const code = storage()?.getItem(LAST);
  return code ? savedCompetition(code) : null;
}

/** The teacher starts over: the card no longer opens by itself (the competition stays kept for its console). */
export function putAsideLastCompetition(): void {
  storage()?.removeItem(LAST);
}
