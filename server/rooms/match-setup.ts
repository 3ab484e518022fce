// A new match from a room's create options: its scenario and starting design from assets/, its teams.
import { join } from 'node:path';
import { createMatch } from '../../shared/match/create.ts';
import { type Match } from '../../shared/match/match.ts';
import { scenarioAccount, startingDesign, startingManifest } from '../../shared/scenario/start.ts';
import type { CreateOptions } from '../../shared/protocol/join.ts';
import { ASSETS_DIR, designFromManifest, errorsOf, scenarioById } from '../assets/library.ts';

export type MatchSetupResult = { ok: true; match: Match } | { ok: false; message: string };

export function teamsFor(options: CreateOptions): { id: string; name: string }[] {
  const count = options.mode === 'classroom' ? (options.teams ?? 2) : 1;
  return Array.from({ length: count }, (_, i) => ({ id: `team-${i + 1}`, name: `Team ${i + 1}` }));
}

export function setUpMatch(options: CreateOptions, seed: number): MatchSetupResult {
  const scenario = scenarioById(options.scenario);
  if (!scenario.ok) return scenario;
  // The board starts from the example design asked for, else the scenario's own starting design, else empty.
  const manifest = options.design ? join('designs', options.design, 'manifest.yaml') : startingManifest(scenario.scenario);
  let loaded;
  if (manifest) {
    const read = designFromManifest(join(ASSETS_DIR, manifest), scenarioAccount(scenario.scenario));
    const error = errorsOf(read.issues)[0];
    if (!read.design || error) return { ok: false, message: `the design "${manifest}" does not load${error ? `: ${error.message}` : ''}` };
    loaded = read.design;
  }
  const design = options.design && loaded ? { ...loaded, actions: [] } : startingDesign(scenario.scenario, loaded);
  return { ok: true, match: createMatch({ mode: options.mode, scenario: scenario.scenario, seed, design, teams: teamsFor(options) }, Date.now()) };
}
