// A new match from a room's create options: its scenario and starting design from assets/, its teams.
import { join } from 'node:path';
import { leakedUsers } from '../../shared/match/apply.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { createMatch, type Match } from '../../shared/match/match.ts';
import { BUILDERS_GROUP } from './seats.ts';
import { startingDesign, startingManifest } from '../../shared/scenario/start.ts';
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
    const read = designFromManifest(join(ASSETS_DIR, manifest));
    const error = errorsOf(read.issues)[0];
    if (!read.design || error) return { ok: false, message: `the design "${manifest}" does not load${error ? `: ${error.message}` : ''}` };
    loaded = read.design;
  }
  const design = options.design && loaded ? { ...loaded, actions: [] } : startingDesign(scenario.scenario, loaded);
  return { ok: true, match: createMatch({ mode: options.mode, scenario: scenario.scenario, seed, design, teams: teamsFor(options) }) };
}

/** The account a match starts with: the Builders group every player joins, and the users a scenario leaks. */
export function startAccount(match: Match, system: (intent: MatchIntent) => void): void {
  system({ type: 'iam', request: { op: 'createGroup', name: BUILDERS_GROUP } });
  system({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'group', name: BUILDERS_GROUP }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
  // A scenario that leaks a deployment user's keys starts with that user in the account, over-privileged.
  for (const user of leakedUsers(match.scenario)) {
    system({ type: 'iam', request: { op: 'createUser', name: user } });
    system({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: user }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
  }
}
