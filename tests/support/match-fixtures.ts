// Matches for tests: an example design and scenario from assets/, and the actors who play them.
import { join } from 'node:path';
import { designFromManifest, scenarioById, ASSETS_DIR } from '../../server/assets/library.ts';
import type { Design } from '../../shared/design/model.ts';
import { createMatch } from '../../shared/match/create.ts';
import { type Actor, type Match, type MatchMode } from '../../shared/match/match.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

export function exampleDesign(name: string): Design {
  const loaded = designFromManifest(join(ASSETS_DIR, 'designs', name, 'manifest.yaml'));
  if (!loaded.design || loaded.issues.some((i) => i.severity === 'error')) throw new Error(`design ${name} does not load`);
  return loaded.design;
}

export function exampleScenario(id: string): Scenario {
  const loaded = scenarioById(id);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.scenario;
}

export function testMatch(options: { mode?: MatchMode; teams?: string[]; design?: string; scenario?: string; seed?: number } = {}): Match {
  return createMatch({
    mode: options.mode ?? 'team',
    scenario: exampleScenario(options.scenario ?? 'az-outage'),
    seed: options.seed ?? 7,
    design: exampleDesign(options.design ?? 'alb-asg-multi-az'),
    teams: (options.teams ?? ['red']).map((id) => ({ id, name: id })),
  });
}

export const host = (team: string | null = 'red'): Actor => ({ nickname: 'Teacher', identity: { kind: 'root' }, team, host: true, mfa: true });
export const user = (name: string, team: string | null = 'red'): Actor => ({ nickname: name, identity: { kind: 'user', name }, team, host: false, mfa: false });
