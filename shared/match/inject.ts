import { refusal, type Refusal } from '../protocol/refusals.ts';
import type { ScenarioEvent } from '../scenario/schema.ts';
import { injectEvent as injectIntoWorld } from '../sim/inject.ts';
import { simSeconds, type Match } from './match.ts';

/** The most events a host may inject in one match: chaos, not a denial of service on the server. */
export const MAX_INJECTED_EVENTS = 200;

/**
 * A host's chaos: the event starts now (its `atS` is taken as an offset from now) for the chosen teams, or
 * all of them. Every chosen team gets it at the same simulated time, so a competition stays fair.
 */
export function injectEvent(match: Match, event: ScenarioEvent, teams: readonly string[] | undefined): Refusal | undefined {
  const chosen = teams === undefined ? match.teams : match.teams.filter((t) => teams.includes(t.id));
  const unknown = teams?.find((id) => !match.teams.some((t) => t.id === id));
  if (unknown !== undefined) return refusal('unknown-team', unknown);
  // The limit binds each team: chaos aimed at one team counts against that team, not the first one.
  const injected = Math.max(...chosen.map((t) => t.world.scenario.events.length - match.scenario.events.length), 0);
  if (injected >= MAX_INJECTED_EVENTS) return refusal('design-limit', `${MAX_INJECTED_EVENTS} injected events`);
  const at = simSeconds(match) + event.atS;
  // A classroom's chaos is the instructor's, and the timeline says so (sim/instructor-chaos.ts).
  const by = match.mode === 'classroom' ? { by: 'instructor' as const } : {};
  for (const team of chosen) injectIntoWorld(team.world, { ...event, atS: at, ...by } as ScenarioEvent);
  return undefined;
}
