// The command-line simulator: runs a design (a manifest of CloudFormation stacks) through a scenario and
// prints the result, readable or as one JSON object. Same inputs and seed → byte-identical output.
//
//   npm run sim -- --design assets/designs/alb-asg-multi-az/manifest.yaml --scenario az-outage [--seed 7] [--json]
//
// Exit status: 0 for a run (whatever its score), 2 for invalid input, with the reason on stderr.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, type Scenario } from '../shared/scenario/index.ts';
import { runScenario, simActionSchema, type RunResult } from '../shared/sim/index.ts';
import { loadDesign, parseManifestText } from '../shared/template/index.ts';
import type { DesignIssue } from '../shared/design/model.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run sim -- --design <manifest.yaml> --scenario <id or file> [--seed N] [--json]';

class InputError extends Error {}

function parseArgs(argv: string[]): { design: string; scenario: string; seed: number; json: boolean } {
  let design: string | undefined;
  let scenario: string | undefined;
  let seed = 1;
  let json = false;
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
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new InputError(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!design || !scenario) throw new InputError(USAGE);
  return { design, scenario, seed, json };
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

function loadManifest(path: string) {
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
  const loaded = loadDesign(parsed.manifest, (template) => {
    const at = isAbsolute(template) ? template : join(folder, template);
    try {
      return readFileSync(at, 'utf8');
    } catch {
      return undefined;
    }
  });
  const issues = [...parsed.issues, ...loaded.issues];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !loaded.design) {
    throw new InputError(errors.map((i) => describeIssue(fileOf(i), i)).join('\n') || `${shown}: the design could not be loaded`);
  }
  loaded.design.actions.forEach((a, i) => {
    const checked = simActionSchema.safeParse(a.intent);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new InputError(`${shown}: actions[${i}] (at ${a.atS} s) is not a valid action: ${issue?.path.join('.') || 'intent'}: ${issue?.message}`);
    }
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
  lines.push('');
  lines.push('objectives');
  for (const o of r.objectives) {
    const value = o.metric === 'availability' ? pct(o.value) : o.value.toFixed(2);
    lines.push(`  ${o.met ? 'met    ' : 'missed '} ${o.id}${o.primary ? ' (primary)' : ''}: ${o.metric} = ${value}, target ${o.target}`);
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

function main(): void {
  try {
    const args = parseArgs(process.argv.slice(2));
    const scenario = loadScenario(args.scenario);
    const { design, warnings } = loadManifest(args.design);
    const result = runScenario(design, scenario, { seed: args.seed });
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
