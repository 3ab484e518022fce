// What a player's screens need to know of a scenario before and around a match (the campaign map, the briefing,
// the mission panel, the teacher's form, a published level's page): its words in both languages and its figures,
// not its events. One shape for the campaign's files (GET /api/scenarios) and published levels (GET /api/levels/…).
import { scenarioPeak, type ScenarioPeak } from './peak.ts';
import type { Scenario } from './schema.ts';

export interface ScenarioSummary {
  id: string;
  title: string;
  teachingGoal: string;
  durationS: number;
  budgetUsd: number;
  latencyObjectiveMs: number;
  stars: [number, number, number];
  hints: string[];
  /** Korean title, goal and hints, when the scenario has them. */
  ko?: { title: string; teachingGoal?: string; hints?: string[] };
  /** Place in the solo campaign (1 first), when the scenario is part of it. */
  campaign?: { order: number };
  /** The resource kinds the scenario lets players place; absent: all of them. */
  allowedKinds?: string[];
  /** The busiest minute the scenario plans (shared/scenario/peak.ts). */
  peak?: ScenarioPeak;
  /** A published level: its code and version (absent for the campaign's scenarios). */
  level?: { code: string; version: number };
}

export function scenarioSummary(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    teachingGoal: s.teachingGoal ?? '',
    ...(s.ko ? { ko: s.ko } : {}),
    ...(s.campaign ? { campaign: s.campaign } : {}),
    ...(s.allowedKinds ? { allowedKinds: s.allowedKinds } : {}),
    durationS: s.durationS,
    budgetUsd: s.budgetUsd,
    latencyObjectiveMs: s.latencyObjectiveMs,
    stars: s.stars,
    hints: s.hints,
    peak: scenarioPeak(s),
    ...(s.level ? { level: s.level } : {}),
  };
}
