// A new match from a room's create options: its scenario and starting design from assets/, its teams.
import { createMatch } from '../../shared/match/create.ts';
import { type Match } from '../../shared/match/match.ts';
import { loadDesignSource } from '../../shared/scenario/design-source.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { scenarioAccount, startingDesign, startingSource } from '../../shared/scenario/start.ts';
import type { CreateOptions } from '../../shared/protocol/join.ts';
import { errorsOf, readAsset, scenarioById } from '../assets/library.ts';

export type MatchSetupResult = { ok: true; match: Match } | { ok: false; message: string };

export function teamsFor(options: CreateOptions): { id: string; name: string }[] {
  const count = options.mode === 'classroom' ? (options.teams ?? 2) : 1;
  return Array.from({ length: count }, (_, i) => ({ id: `team-${i + 1}`, name: `Team ${i + 1}` }));
}

export function setUpMatch(options: CreateOptions, seed: number): MatchSetupResult {
  const scenario = scenarioById(options.scenario);
  if (!scenario.ok) return scenario;
  return matchFromScenario(scenario.scenario, options, seed);
}

/** A match of a scenario already read (a campaign file, or a published level with its origin set). */
export function matchFromScenario(scenario: Scenario, options: CreateOptions, seed: number): MatchSetupResult {
  // The board starts from the example design asked for, else the scenario's own starting design, else empty.
  const source = options.design ? `designs/${options.design}/manifest.yaml` : startingSource(scenario);
  let loaded;
  if (source !== undefined) {
    const read = loadDesignSource(source, scenarioAccount(scenario), readAsset);
    const error = errorsOf(read.issues)[0];
    const name = typeof source === 'string' ? `"${source}"` : 'written in the level';
    if (!read.design || error) return { ok: false, message: `the design ${name} does not load${error ? `: ${error.message}` : ''}` };
    loaded = read.design;
  }
  const design = options.design && loaded ? { ...loaded, actions: [] } : startingDesign(scenario, loaded);
  return { ok: true, match: createMatch({ mode: options.mode, scenario, seed, design, teams: teamsFor(options) }, Date.now()) };
}
