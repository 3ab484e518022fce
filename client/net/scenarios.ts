// The scenario list the server offers (GET /api/scenarios): enough for the campaign map and the briefing.
import type { ScenarioPeak } from '../../shared/scenario/peak.ts';
import { serverEndpoint } from './endpoint.ts';

export interface ScenarioSummary {
  id: string;
  title: string;
  teachingGoal: string;
  durationS: number;
  budgetUsd: number;
  latencyObjectiveMs: number;
  stars: [number, number, number];
  hints: string[];
  /** Korean title, goal and hints, when the scenario file has them. */
  ko?: { title: string; teachingGoal?: string; hints?: string[] };
  /** Place in the solo campaign (1 first), when the scenario is part of it. */
  campaign?: { order: number };
  /** The resource kinds the scenario lets players place; absent: all of them. */
  allowedKinds?: string[];
  /** The busiest minute the scenario plans (shared/scenario/peak.ts). */
  peak?: ScenarioPeak;
}

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
