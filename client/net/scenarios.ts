// The scenario list the server offers (GET /api/scenarios): enough for the campaign map and the briefing.
import type { ScenarioSummary } from '../../shared/scenario/summary.ts';

export type { ScenarioSummary };
import { serverEndpoint } from './endpoint.ts';

/** The scenario's words in the player's language (English is the file's main text). */
export function localised(s: ScenarioSummary, language: string): { title: string; teachingGoal: string; hints: string[] } {
  if (language === 'ko' && s.ko) return { title: s.ko.title, teachingGoal: s.ko.teachingGoal ?? s.teachingGoal, hints: s.ko.hints ?? s.hints };
  return { title: s.title, teachingGoal: s.teachingGoal, hints: s.hints };
}

/** The campaign's levels: the scenarios that say their place in it, in order; else every scenario. */
export function campaignLevels(all: readonly ScenarioSummary[]): ScenarioSummary[] {
  const ordered = all.filter((s) => s.campaign).sort((a, b) => a.campaign!.order - b.campaign!.order);
  return ordered.length > 0 ? ordered : [...all];
}

export async function fetchScenarios(): Promise<ScenarioSummary[]> {
  const response = await fetch(`${serverEndpoint()}/api/scenarios`);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as ScenarioSummary[];
}
