// The scenario list the server offers (GET /api/scenarios): enough for the campaign map and the briefing.
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
}

export async function fetchScenarios(): Promise<ScenarioSummary[]> {
  const response = await fetch(`${serverEndpoint()}/api/scenarios`);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as ScenarioSummary[];
}
