// The command-line simulator: runs a design (a manifest of CloudFormation stacks) through a scenario and
// prints the result, readable or as one JSON object. Same inputs and seed → byte-identical output.
//
//   npm run sim -- --design assets/designs/alb-asg-multi-az/manifest.yaml --scenario az-outage [--seed 7] [--json]
//   npm run sim -- --list [--json]      every scenario with its reference and naive designs
//   npm run sim -- --check [--json]     runs every scenario's reference and naive design: the proof table
//   npm run sim -- --check --scenario <file>   the same proof for one scenario or level file (inline designs too)
//   npm run sim -- --schema             the scenario format as JSON Schema (assets/schema/scenario.schema.json)
//
// A manifest's actions that name who plays them (`as`) are played through the room's rules
// (shared/match/run-match.ts): that is how the IAM levels are proven without players.
//
// Exit status: 0 for a run (whatever its score), 2 for invalid input, with the reason on stderr; --check
// exits 1 when a reference design misses a primary objective or a naive design meets them all.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstFailureOf } from '../shared/match/debrief.ts';
import { parseScenarioText, scenarioAccount, scenarioJsonSchema, type Scenario } from '../shared/scenario/index.ts';
import type { RunResult } from '../shared/sim/index.ts';
import { runLevel, timedActionProblem } from '../shared/match/run-match.ts';
import { loadSource, proveDesign } from '../shared/match/prove-level.ts';
import type { DesignSource } from '../shared/scenario/schema.ts';
import { timelineSentence } from '../shared/sim/timeline-text.ts';
import { loadDesign, parseManifestText } from '../shared/template/index.ts';
import type { DesignIssue } from '../shared/design/model.ts';
import { FRESH_ACCOUNT, type Account } from '../shared/account/default-vpc.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run sim -- --design <manifest.yaml> --scenario <id or file> [--seed N] [--json]\n' +
  '       npm run sim -- --list [--json] | --check [--scenario <file>] [--json] | --schema';

class InputError extends Error {}

type Mode = 'run' | 'list' | 'check' | 'schema';

function parseArgs(argv: string[]): { mode: Mode; design: string; scenario: string; seed: number; json: boolean } {
  let design: string | undefined;
  let scenario: string | undefined;
  let seed = 1;
  let json = false;
  let mode: Mode = 'run';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new InputError(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--design') design = value();
    else if (arg === '--scenario') scenario = value();
    else if (arg === '--seed') {
      const v = value();
      if (!/^\d{1,10}$/.test(v) || Number(v) > 0xffffffff) throw new InputError(`--seed must be a whole number from 0 to 4294967295, not ${v}`);
      seed = Number(v);
    } else if (arg === '--json') json = true;
    else if (arg === '--list') mode = 'list';
    else if (arg === '--check') mode = 'check';
    else if (arg === '--schema') mode = 'schema';
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new InputError(`unknown argument ${arg}\n${USAGE}`);
  }
  if (mode !== 'run') return { mode, design: '', scenario: scenario ?? '', seed, json };
  if (!design || !scenario) throw new InputError(USAGE);
  return { mode, design, scenario, seed, json };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the ${what} ${path}`);
  }
}

function loadScenario(arg: string): Scenario {
  const asFile = /\.(ya?ml|json)$/i.test(arg) || arg.includes('/');
  const path = asFile ? resolve(arg) : join(ROOT, 'assets', 'scenarios', `${arg}.yaml`);
  if (!asFile && !/^[a-z0-9][a-z0-9-]*$/.test(arg)) throw new InputError(`"${arg}" is neither a scenario id nor a file`);
  if (!existsSync(path)) throw new InputError(asFile ? `no scenario file ${path}` : `no scenario "${arg}" in assets/scenarios`);
  const parsed = parseScenarioText(readText(path, 'scenario'));
  if (!parsed.ok) throw new InputError(`${path}: ${parsed.code}: ${parsed.message}`);
  return parsed.scenario;
}

function describeIssue(file: string, issue: DesignIssue): string {
  const where = [issue.stack, issue.logicalId].filter(Boolean).join('/');
  return `${file}: ${issue.severity}${where ? ` in ${where}` : ''}: ${issue.message} (${issue.code})`;
}

/** Loads a manifest in the scenario's account (its default VPCs, unless the scenario deleted some). */
function loadManifest(path: string, account: Account = FRESH_ACCOUNT) {
  const file = resolve(path);
  const shown = relative(process.cwd(), file) || file;
  const parsed = parseManifestText(readText(file, 'manifest'));
  if (!parsed.manifest) throw new InputError(parsed.issues.map((i) => describeIssue(shown, i)).join('\n') || `${shown}: not a manifest`);
  const folder = dirname(file);
  // An issue of a stack is reported against that stack's template file.
  const fileOf = (issue: DesignIssue) => {
    const entry = parsed.manifest!.stacks.find((s) => s.name === issue.stack);
    return entry && typeof entry.template === 'string' ? relative(process.cwd(), resolve(folder, entry.template)) : shown;
  };
  const loaded = loadDesign(
    parsed.manifest,
    (template) => {
      const at = isAbsolute(template) ? template : join(folder, template);
      try {
        return readFileSync(at, 'utf8');
      } catch {
        return undefined;
      }
    },
    { account },
  );
  const issues = [...parsed.issues, ...loaded.issues];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !loaded.design) {
    throw new InputError(errors.map((i) => describeIssue(fileOf(i), i)).join('\n') || `${shown}: the design could not be loaded`);
  }
  loaded.design.actions.forEach((a, i) => {
    const problem = timedActionProblem(a);
    if (problem) throw new InputError(`${shown}: actions[${i}] (at ${a.atS} s) is not a valid action: ${problem}`);
  });
  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => describeIssue(fileOf(i), i));
  return { design: loaded.design, warnings };
}

// ---- Readable output (no locale-dependent formatting: the output must be byte-identical everywhere) ----

function grouped(n: number): string {
  const s = Math.round(n).toString();
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function clock(tS: number): string {
  const h = Math.floor(tS / 3600);
  const m = Math.floor((tS % 3600) / 60);
  const s = Math.floor(tS % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function summary(designPath: string, scenario: Scenario, r: RunResult): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  lines.push(`${scenario.title} (${scenario.id}), ${clock(scenario.durationS)} simulated, seed ${r.seed}`);
  lines.push(`design ${designPath}`);
  lines.push('');
  lines.push(`availability  ${pct(r.availability)}  (${r.nines.toFixed(2)} nines; ${grouped(r.requests)} requests, ${grouped(r.failed)} failed, ${grouped(r.shed)} shed)`);
  lines.push(`latency       p50 ${r.latencyP50Ms.toFixed(0)} ms, p95 ${r.latencyP95Ms.toFixed(0)} ms, p99 ${r.latencyP99Ms.toFixed(0)} ms (objective p95 ${scenario.latencyObjectiveMs} ms)`);
  const c = r.costByService;
  lines.push(`cost          $${r.costUsd.toFixed(2)} of a $${r.budgetUsd} budget (compute $${c.compute.toFixed(2)}, database $${c.database.toFixed(2)}, load balancing $${c.balancing.toFixed(2)}, data transfer $${c.transfer.toFixed(2)}, edge $${c.edge.toFixed(2)}, other $${c.other.toFixed(2)})`);
  lines.push(`revenue       $${r.revenueUsd.toFixed(2)}`);
  lines.push(`score         ${r.score.toFixed(1)} / 1000  ${'★'.repeat(r.stars)}${'☆'.repeat(3 - r.stars)}`);
  // What failed first, by the rule the results screen, the replay and the competition records use.
  const first = firstFailureOf(r.timeline);
  lines.push(
    first
      ? `first failure ${clock(first.failure.tS)}  ${timelineSentence(first.failure)}${first.cause ? ` (after ${clock(first.cause.tS)}  ${timelineSentence(first.cause)})` : ''}`
      : 'first failure none',
  );
  lines.push('');
  lines.push('objectives');
  for (const o of r.objectives) {
    const value = o.metric === 'availability' ? pct(o.value) : o.value.toFixed(2);
    lines.push(`  ${o.met ? 'met    ' : 'missed '} ${o.id}${o.primary ? ' (primary)' : ''}: ${o.metric} = ${value}, target ${o.target}`);
  }
  if (r.hintsShown.length > 0) {
    lines.push('');
    lines.push('hints');
    for (const h of r.hintsShown) {
      const text = scenario.liveHints.find((x) => x.id === h.id)?.text.en ?? '';
      lines.push(`  ${clock(h.tS)}  ${h.id}: ${text}`);
    }
  }
  lines.push('');
  lines.push('timeline');
  const shown = r.timeline.slice(0, 200);
  for (const e of shown) lines.push(`  ${clock(e.tS)}  ${e.kind.padEnd(8)} ${e.message}`);
  if (r.timeline.length > shown.length) lines.push(`  … ${r.timeline.length - shown.length} more entries (--json has them all)`);
  if (r.warnings.length > 0) {
    lines.push('');
    lines.push('warnings');
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- The campaign's proof: every scenario with its reference and naive designs ----

interface Listed {
  id: string;
  title: string;
  order: number | null;
  /** Paths from the repository root, as --design takes them. */
  reference: string | null;
  naive: string | null;
}

/** Where a scenario's design is, as --list shows it: a path from the repository root, or "inline". */
function shownSource(source: DesignSource | undefined): string | null {
  if (source === undefined) return null;
  return typeof source === 'string' ? `assets/${source}` : 'inline';
}

/** Every scenario in assets/scenarios: campaign order first, then the others by id. */
function listScenarios(): { listed: Listed; scenario: Scenario }[] {
  const dir = join(ROOT, 'assets', 'scenarios');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const parsed = parseScenarioText(readText(join(dir, f), 'scenario'));
      if (!parsed.ok) throw new InputError(`assets/scenarios/${f}: ${parsed.code}: ${parsed.message}`);
      const s = parsed.scenario;
      return {
        scenario: s,
        listed: { id: s.id, title: s.title, order: s.campaign?.order ?? null, reference: shownSource(s.solutions?.reference), naive: shownSource(s.solutions?.naive) },
      };
    });
  const rank = (l: Listed) => l.order ?? Number.MAX_SAFE_INTEGER;
  return all.sort((a, b) => rank(a.listed) - rank(b.listed) || (a.listed.id < b.listed.id ? -1 : a.listed.id > b.listed.id ? 1 : 0));
}

interface Checked {
  id: string;
  design: 'reference' | 'naive';
  path: string;
  availability: number;
  latencyP95Ms: number;
  costUsd: number;
  score: number;
  stars: number;
  primaryMet: boolean;
  missed: string[];
  /** The reference meets every primary objective; the naive design misses one. */
  asExpected: boolean;
}

/** A scenario's design: a manifest file through the CLI's loader (its messages name files), an inline one through the levels' loader. */
function loadSolution(scenario: Scenario, which: 'reference' | 'naive') {
  const source = scenario.solutions?.[which];
  if (source === undefined) throw new InputError(`scenario ${scenario.id} names no ${which} design (solutions.${which})`);
  if (typeof source === 'string') return loadManifest(join(ROOT, 'assets', source), scenarioAccount(scenario)).design;
  const loaded = loadSource(scenario, source, `solutions.${which}`);
  if (!loaded.ok) throw new InputError(loaded.issues.map((i) => `${scenario.id}: ${i.path}: ${i.message}`).join('\n'));
  return loaded.design;
}

function checkScenarios(scenarios: Scenario[], seed: number): Checked[] {
  const out: Checked[] = [];
  for (const scenario of scenarios) {
    for (const which of ['reference', 'naive'] as const) {
      const r = proveDesign(loadSolution(scenario, which), scenario, seed);
      out.push({
        id: scenario.id,
        design: which,
        path: shownSource(scenario.solutions?.[which]) ?? '-',
        availability: r.availability,
        latencyP95Ms: r.latencyP95Ms,
        costUsd: r.costUsd,
        score: r.score,
        stars: r.stars,
        primaryMet: r.primaryMet,
        missed: r.missed,
        asExpected: which === 'reference' ? r.primaryMet : !r.primaryMet,
      });
    }
  }
  return out;
}

function checkTable(rows: Checked[]): string {
  // The scenario column is as wide as the longest id, so a long level name never runs into its design.
  const width = Math.max(34, ...rows.map((r) => r.id.length + 2));
  const lines = [`${'scenario'.padEnd(width)}design     avail.     p95      cost     score  stars  primary objectives`];
  for (const r of rows) {
    const verdict = r.primaryMet ? 'met' : `missed ${r.missed.join(', ')}`;
    lines.push(
      `${r.id.padEnd(width)}${r.design.padEnd(11)}${`${(r.availability * 100).toFixed(3)}%`.padStart(9)}${`${r.latencyP95Ms.toFixed(0)} ms`.padStart(9)}${`$${r.costUsd.toFixed(2)}`.padStart(10)}${r.score.toFixed(1).padStart(8)}${String(r.stars).padStart(6)}  ${verdict}${r.asExpected ? '' : '  ← NOT AS EXPECTED'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.mode === 'schema') {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      return;
    }
    if (args.mode === 'list') {
      const listed = listScenarios().map((x) => x.listed);
      process.stdout.write(
        args.json ? `${JSON.stringify(listed)}\n` : listed.map((l) => `${l.id.padEnd(34)}${l.title}\n  reference ${l.reference ?? '-'}\n  naive     ${l.naive ?? '-'}\n`).join(''),
      );
      return;
    }
    if (args.mode === 'check') {
      const rows = checkScenarios(args.scenario ? [loadScenario(args.scenario)] : listScenarios().map((x) => x.scenario), args.seed);
      process.stdout.write(args.json ? `${JSON.stringify(rows)}\n` : checkTable(rows));
      if (rows.some((r) => !r.asExpected)) process.exitCode = 1;
      return;
    }
    const scenario = loadScenario(args.scenario);
    const { design, warnings } = loadManifest(args.design, scenarioAccount(scenario));
    const result = runLevel(design, scenario, { seed: args.seed });
    result.warnings = [...warnings, ...result.warnings];
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : summary(args.design, scenario, result));
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`sim: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

main();
