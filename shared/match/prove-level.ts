// Proof that a level can be won and lost: its reference design meets every primary objective and its naive design
// misses one, each run through the same rules a match plays (runLevel). One function for every prover, so they
// cannot disagree: the campaign's `npm run sim -- --check`, the level editor's worker in the browser, and the
// server, which proves a level again before it publishes it (a browser's word is not taken for it).

import type { Design } from '../design/model.ts';
import { FRESH_ACCOUNT } from '../account/default-vpc.ts';
import type { ObjectiveResult } from '../score/index.ts';
import { loadDesignSource, type AssetReader } from '../scenario/design-source.ts';
import { parseLevel, type LevelErrorCode, type LevelIssue } from '../scenario/level.ts';
import type { DesignSource, Scenario } from '../scenario/schema.ts';
import { scenarioAccount } from '../scenario/start.ts';
import { runLevel, timedActionProblem } from './run-match.ts';

/** One design's run of the level, with what the editor shows side by side. */
export interface DesignProof {
  availability: number;
  latencyP95Ms: number;
  costUsd: number;
  score: number;
  stars: number;
  objectives: ObjectiveResult[];
  /** Every primary objective met: the level is won. */
  primaryMet: boolean;
  /** The primary objectives missed (their ids). */
  missed: string[];
}

export interface LevelProof {
  seed: number;
  reference: DesignProof;
  naive: DesignProof;
  /** The reference wins: the level can be won, so it may be published. */
  publishable: boolean;
  /** The naive design wins too: the level teaches nothing it does not already give away (a warning, not a refusal). */
  naiveWins: boolean;
}

/** The seed a level is proven with (a level is played on other seeds; its proof is one fixed run, as the campaign's). */
export const PROOF_SEED = 1;

/** One design through the level. */
export function proveDesign(design: Design, scenario: Scenario, seed: number = PROOF_SEED): DesignProof {
  const r = runLevel(design, scenario, { seed });
  const missed = r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);
  return {
    availability: r.availability,
    latencyP95Ms: r.latencyP95Ms,
    costUsd: r.costUsd,
    score: r.score,
    stars: r.stars,
    objectives: r.objectives,
    primaryMet: missed.length === 0,
    missed,
  };
}

/** Both designs through the level, and the verdict. */
export function proveLevel(scenario: Scenario, designs: { reference: Design; naive: Design }, seed: number = PROOF_SEED): LevelProof {
  const reference = proveDesign(designs.reference, scenario, seed);
  const naive = proveDesign(designs.naive, scenario, seed);
  return { seed, reference, naive, publishable: reference.primaryMet, naiveWins: naive.primaryMet };
}

export const DESIGN_ERRORS = {
  'design-invalid': 'A design of the level does not load.',
} as const;

export type LoadedSource = { ok: true; design: Design; warnings: string[] } | { ok: false; issues: LevelIssue[] };

/**
 * A design the scenario names, loaded in the scenario's account, with its problems placed on `path` (the
 * field that holds it: `solutions.reference`, `start`). Its timed actions are checked as the CLI checks them.
 */
export function loadSource(scenario: Scenario, source: DesignSource, path: string, readAsset?: AssetReader): LoadedSource {
  const loaded = loadDesignSource(source, scenario.account ? scenarioAccount(scenario) : FRESH_ACCOUNT, readAsset);
  const where = (issue: { stack?: string; logicalId?: string }) => [issue.stack, issue.logicalId].filter(Boolean).join('/');
  const issues: LevelIssue[] = loaded.issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({ path, message: `${where(i) ? `${where(i)}: ` : ''}${i.message}` }));
  loaded.design?.actions.forEach((a, i) => {
    const problem = timedActionProblem(a);
    if (problem) issues.push({ path: `${path}.actions.${i}`, message: `not a valid action: ${problem}` });
  });
  if (!loaded.design || issues.length > 0) return { ok: false, issues: issues.length > 0 ? issues : [{ path, message: 'the design could not be loaded' }] };
  const warnings = loaded.issues.filter((i) => i.severity === 'warning').map((i) => `${where(i) ? `${where(i)}: ` : ''}${i.message}`);
  return { ok: true, design: loaded.design, warnings };
}

export type LevelDocumentProof =
  | { ok: true; level: Scenario; proof: LevelProof; warnings: LevelIssue[] }
  | { ok: false; code: LevelErrorCode | 'design-invalid'; message: string; issues: LevelIssue[] };

/**
 * A level document, as the editor holds it or as the API receives it, checked and proven: parsed with the level's
 * limits, its starting board and both designs loaded, both designs run. What the editor's worker posts back and
 * what the server runs before publishing.
 */
export function proveLevelDocument(raw: unknown, seed: number = PROOF_SEED): LevelDocumentProof {
  const parsed = parseLevel(raw);
  if (!parsed.ok) return parsed;
  const level = parsed.level;
  const issues: LevelIssue[] = [];
  const warnings: LevelIssue[] = [];
  if ('stacks' in level.start) {
    const start = loadSource(level, level.start, 'start');
    if (!start.ok) issues.push(...start.issues);
    else warnings.push(...start.warnings.map((message) => ({ path: 'start', message })));
  }
  const reference = loadSource(level, level.solutions!.reference, 'solutions.reference');
  const naive = loadSource(level, level.solutions!.naive, 'solutions.naive');
  for (const [loaded, path] of [
    [reference, 'solutions.reference'],
    [naive, 'solutions.naive'],
  ] as const) {
    if (!loaded.ok) issues.push(...loaded.issues);
    else warnings.push(...loaded.warnings.map((message) => ({ path, message })));
  }
  if (issues.length > 0 || !reference.ok || !naive.ok) {
    const first = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
    return { ok: false, code: 'design-invalid', message: `${DESIGN_ERRORS['design-invalid']} ${first}`, issues };
  }
  return { ok: true, level, proof: proveLevel(level, { reference: reference.design, naive: naive.design }, seed), warnings };
}
