// A new match from a room's create options: its scenario and starting design from assets/, its teams.
import { join } from 'node:path';
import { createMatch, emptyDesign, type Match } from '../../shared/match/match.ts';
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
  let design = emptyDesign(['us-east-1']);
  if (options.design) {
    const loaded = designFromManifest(join(ASSETS_DIR, 'designs', options.design, 'manifest.yaml'));
    const error = errorsOf(loaded.issues)[0];
    if (!loaded.design || error) return { ok: false, message: `the design "${options.design}" does not load${error ? `: ${error.message}` : ''}` };
    design = loaded.design;
  }
  return { ok: true, match: createMatch({ mode: options.mode, scenario: scenario.scenario, seed, design, teams: teamsFor(options) }) };
}
