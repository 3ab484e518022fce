// Measures the design loader against real CloudFormation templates it was not written for (issue 13's proof):
// each template becomes a one-stack manifest in us-east-1 and goes through the loader the CLI uses, with the
// plain parameters CloudFormation would ask for given a value and the AWS-specific ones left to the account.
// Templates that would serve a web page in AWS are then run through a short scenario of North American web
// traffic to see whether the board serves it too.
//
//   node scripts/measure-templates.ts <dir> [--json out.json] [--no-sim] [--alone]
//
// --alone: no companion stacks (see measure/companions.ts); --no-sim: loading only; --json: every row, in full.
//
// The templates are not part of the repository (they are other people's work): gather them anywhere, e.g. from
// aws-cloudformation/aws-cloudformation-templates. Output: one row per template, the totals, and every refusal's
// message grouped by its code.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseScenarioText, type Scenario } from '../shared/scenario/index.ts';
import { runScenario } from '../shared/sim/index.ts';
import { loadDesign, parseTemplateText } from '../shared/template/index.ts';
import { CODECS, SECURITY_GROUP_INGRESS } from '../shared/template/codecs/index.ts';
import { UPDATE_SEMANTICS } from '../shared/template/update-semantics.ts';
import { FRESH_ACCOUNT } from '../shared/account/default-vpc.ts';
import type { Design, DesignIssue } from '../shared/design/model.ts';
import { companionsFor, exportingTemplates, missingImports, type Candidate } from './measure/companions.ts';
import { plainValues } from './measure/parameter-values.ts';
import { webReason } from './measure/web-reason.ts';

const MODELLED = new Set<string>([...CODECS.map((c) => c.awsType), SECURITY_GROUP_INGRESS, ...Object.keys(UPDATE_SEMANTICS)]);

/** Ten simulated minutes of North American web traffic in us-east-1's afternoon: enough for instances to boot. */
const WEB_SCENARIO = `
id: measure-web-traffic
title: Measuring a real template
durationS: 900
budgetUsd: 1000
latencyObjectiveMs: 500
startHour: 15
start: { regions: [us-east-1] }
traffic:
  - area: north-america
    baselineRps: 20
mix: { static: 0.7, read: 0.3, write: 0 }
`;

type Outcome = 'loaded' | 'refused' | 'crashed' | 'unreadable';

interface Row {
  file: string;
  modelled: string[];
  outcome: Outcome;
  errors: { code: string; message: string }[];
  /** Why the template would serve a web page in AWS; undefined when it would not. */
  web?: string;
  /** Requests served on the board in the web scenario (undefined when not run). */
  served?: number;
  requests?: number;
  simCrash?: string;
  /** The simulation's own warnings (what cannot work on the board). */
  simWarnings?: string[];
  params: Record<string, string | number>;
  warnings: { code: string; message: string }[];
  /** Alone, it imported exports no stack had. */
  importsAlone?: boolean;
  /** The outcome before companion stacks were added. */
  aloneOutcome?: Outcome;
  /** Companion stacks deployed first ("stackName=file"), for a template that imports their exports. */
  companions: string[];
}

/** Warnings every real template has and that say nothing about a gap: they are counted, not listed. */
const QUIET_WARNINGS = new Set(['unmodelled-type', 'parameter-chosen']);

// ---- Running one template ----

function typesOf(template: unknown): string[] {
  const resources = (template as { Resources?: unknown })?.Resources;
  if (!resources || typeof resources !== 'object') return [];
  return Object.values(resources as Record<string, unknown>).map((r) => String((r as { Type?: unknown })?.Type ?? ''));
}

interface Stack {
  name: string;
  file: string;
  text: string;
  parameters: Record<string, string | number>;
}

type Loaded = { design?: Design; errors: DesignIssue[]; warnings: DesignIssue[] };

/** Loads stacks as the CLI does: one manifest in us-east-1, the account's default VPC, the loader's own checks. */
function loadStacks(stacks: Stack[]): Loaded {
  const manifest = { stacks: stacks.map((s) => ({ name: s.name, region: 'us-east-1', template: s.file, parameters: s.parameters })) };
  const loaded = loadDesign(manifest, (p) => stacks.find((s) => s.file === p)?.text, { account: FRESH_ACCOUNT });
  return {
    design: loaded.design,
    errors: loaded.issues.filter((i) => i.severity === 'error'),
    warnings: loaded.issues.filter((i) => i.severity === 'warning'),
  };
}

const imports = (l: Loaded) => l.errors.filter((e) => e.code === 'import-not-found');

/**
 * When the template imports what no stack exports, adds (at most three) companion stacks from its repository that
 * export the missing names, each time the one that leaves the fewest imports (then errors) unresolved.
 */
function withCompanions(stack: Stack, alone: Loaded, candidates: Candidate[]): { loaded: Loaded; companions: string[] } {
  let best = alone;
  const chosen: Stack[] = [];
  for (let round = 0; round < 3 && imports(best).length > 0; round++) {
    const missing = missingImports(imports(best).map((e) => e.message));
    let pick: { loaded: Loaded; stack: Stack } | undefined;
    for (const { candidate, stackName } of companionsFor(stack.file, missing, candidates)) {
      if (chosen.some((c) => c.file === candidate.file)) continue;
      // A fixed export name ("AWS-Workshop-VpcId") says nothing of its stack's name: two companions may claim one.
      let name = stackName;
      for (let n = 2; name === stack.name || chosen.some((c) => c.name === name); n++) name = `${stackName}-${n}`;
      const companion = { name, file: candidate.file, text: candidate.text, parameters: plainValues(parseTemplateText(candidate.text).value) };
      const loaded = loadStacks([...chosen, companion, stack]);
      const better = !pick || imports(loaded).length < imports(pick.loaded).length || (imports(loaded).length === imports(pick.loaded).length && loaded.errors.length < pick.loaded.errors.length);
      if (better) pick = { loaded, stack: companion };
    }
    // Progress: fewer unresolved imports, or the measured stack's own resolved at the price of its companion's
    // (a chain: the companion needs a network stack of its own, found in the next round).
    const own = (l: Loaded) => imports(l).filter((e) => e.stack === stack.name).length;
    if (!pick || (imports(pick.loaded).length >= imports(best).length && own(pick.loaded) >= own(best))) break;
    chosen.push(pick.stack);
    best = pick.loaded;
  }
  return { loaded: best, companions: chosen.map((c) => `${c.name}=${c.file}`) };
}

function outcomeOf(loaded: Loaded): Outcome {
  if (loaded.errors.some((i) => i.code === 'internal-error')) return 'crashed';
  return loaded.errors.length > 0 || !loaded.design ? 'refused' : 'loaded';
}

const describe = (i: DesignIssue) => ({ code: i.code, message: `${i.stack && i.stack !== 'measured' ? `[${i.stack}] ` : ''}${i.logicalId ? `${i.logicalId}: ` : ''}${i.message}` });

function measure(path: string, scenario: Scenario, simulate: boolean, candidates: Candidate[]): Row {
  const file = basename(path);
  const text = readFileSync(path, 'utf8');
  const parsed = parseTemplateText(text);
  const template = parsed.value;
  const modelled = [...new Set(typesOf(template).filter((t) => MODELLED.has(t)))].sort();
  const params = plainValues(template);
  const row: Row = { file, modelled, outcome: 'loaded', errors: [], warnings: [], web: webReason(template), params, companions: [] };
  if (template === undefined) {
    // Unreadable text still counts among the templates that model the game's resources when it names their types.
    row.modelled = [...new Set([...text.matchAll(/AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g)].map((m) => m[0]).filter((t) => MODELLED.has(t)))].sort();
    row.outcome = 'unreadable';
    row.errors = parsed.issues.filter((i) => i.severity === 'error').map(describe);
    return row;
  }
  const stack: Stack = { name: 'measured', file, text, parameters: params };
  let loaded: Loaded;
  try {
    loaded = loadStacks([stack]);
    row.aloneOutcome = outcomeOf(loaded);
    row.importsAlone = imports(loaded).length > 0;
    if (row.importsAlone) {
      const joined = withCompanions(stack, loaded, candidates);
      loaded = joined.loaded;
      row.companions = joined.companions;
    }
  } catch (error) {
    row.outcome = 'crashed';
    row.errors = [{ code: 'exception', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }];
    return row;
  }
  row.outcome = outcomeOf(loaded);
  row.errors = loaded.errors.map(describe);
  row.warnings = loaded.warnings.filter((w) => !QUIET_WARNINGS.has(w.code)).map(describe);
  if (row.outcome === 'loaded' && row.web && simulate) {
    try {
      const r = runScenario(loaded.design!, scenario, { seed: 1 });
      row.served = r.served;
      row.requests = r.requests;
      row.simWarnings = r.warnings;
    } catch (error) {
      row.simCrash = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
  }
  return row;
}

// ---- Report ----

function pct(n: number, of: number): string {
  return of === 0 ? '-' : `${((n / of) * 100).toFixed(1)}%`;
}

function report(rows: Row[]): string {
  const lines: string[] = [];
  const w = Math.min(90, Math.max(...rows.map((r) => r.file.length)));
  lines.push(`${'template'.padEnd(w)}  modelled  outcome     web  served/requests  first error`);
  for (const r of rows) {
    const served = r.simCrash ? 'SIM CRASH' : r.served === undefined ? '' : `${Math.round(r.served)}/${Math.round(r.requests ?? 0)}`;
    const first = r.errors[0] ? `${r.errors[0].code}: ${r.errors[0].message.split('\n')[0]!.slice(0, 140)}` : '';
    lines.push(`${r.file.slice(0, w).padEnd(w)}  ${String(r.modelled.length).padStart(8)}  ${r.outcome.padEnd(10)}  ${r.web ? 'yes' : '   '}  ${served.padStart(15)}  ${first}`);
  }
  const modelled = rows.filter((r) => r.modelled.length > 0);
  const loaded = modelled.filter((r) => r.outcome === 'loaded');
  const crashed = rows.filter((r) => r.outcome === 'crashed' || r.simCrash);
  const web = modelled.filter((r) => r.web);
  const webServing = web.filter((r) => (r.served ?? 0) > 0);
  lines.push('');
  lines.push(`templates                       ${rows.length}`);
  lines.push(`unreadable (not YAML/JSON)      ${rows.filter((r) => r.outcome === 'unreadable').length}`);
  lines.push(`with modelled resources (M)     ${modelled.length}`);
  const alone = modelled.filter((r) => r.aloneOutcome === 'loaded');
  const needOthers = modelled.filter((r) => r.companions.length > 0);
  lines.push(`  of M loaded alone             ${alone.length} (${pct(alone.length, modelled.length)})`);
  const importing = modelled.filter((r) => r.importsAlone);
  lines.push(`  of M import another stack's exports (refused alone, as CloudFormation refuses them) ${importing.length}`);
  lines.push(`    given companion stacks from their repository  ${needOthers.length}, of which loaded ${needOthers.filter((r) => r.outcome === 'loaded').length}`);
  lines.push(`  of M loaded without an error  ${loaded.length} (${pct(loaded.length, modelled.length)}) (alone or with companions)`);
  lines.push(`  of M refused                  ${modelled.filter((r) => r.outcome === 'refused').length}`);
  lines.push(`  of M unreadable               ${modelled.filter((r) => r.outcome === 'unreadable').length}`);
  lines.push(`without modelled resources      ${rows.length - modelled.length} (loaded ${rows.filter((r) => r.modelled.length === 0 && r.outcome === 'loaded').length})`);
  lines.push(`crashed (loader or simulation)  ${crashed.length}`);
  lines.push(`serve a web page in AWS         ${web.length}`);
  lines.push(`  loaded                        ${web.filter((r) => r.outcome === 'loaded').length}`);
  lines.push(`  serve traffic on the board    ${webServing.length} (${pct(webServing.length, web.length)})`);
  lines.push('');
  lines.push('refusals of templates with modelled resources, by code (each template counted once per code)');
  const groups = new Map<string, { file: string; message: string }[]>();
  for (const r of modelled) {
    if (r.outcome === 'loaded') continue;
    const seen = new Set<string>();
    for (const e of r.errors) {
      if (seen.has(e.code)) continue;
      seen.add(e.code);
      const g = groups.get(e.code) ?? [];
      g.push({ file: r.file, message: e.message.split('\n')[0]! });
      groups.set(e.code, g);
    }
  }
  for (const [code, g] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${code}  (${g.length} templates)`);
    for (const x of g) lines.push(`    ${x.file}: ${x.message.slice(0, 220)}`);
  }
  lines.push('');
  lines.push('warnings of templates with modelled resources that load, by code (unmodelled-type and parameter-chosen left out)');
  const warned = new Map<string, { file: string; message: string }[]>();
  for (const r of modelled) {
    if (r.outcome !== 'loaded') continue;
    const seen = new Set<string>();
    for (const e of r.warnings) {
      if (seen.has(e.code)) continue;
      seen.add(e.code);
      const g = warned.get(e.code) ?? [];
      g.push({ file: r.file, message: e.message.split('\n')[0]! });
      warned.set(e.code, g);
    }
  }
  for (const [code, g] of [...warned].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${code}  (${g.length} templates)`);
    for (const x of g.slice(0, 4)) lines.push(`    ${x.file}: ${x.message.slice(0, 220)}`);
  }
  const notServing = web.filter((r) => r.outcome === 'loaded' && !((r.served ?? 0) > 0));
  if (notServing.length > 0) {
    lines.push('');
    lines.push('web templates that load but serve nothing on the board');
    for (const r of notServing) {
      lines.push(`  ${r.file} (${r.web})${r.simCrash ? `: simulation crashed: ${r.simCrash.split('\n')[0]}` : ''}`);
      for (const w of r.simWarnings ?? []) lines.push(`      ${w}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--json');
  const jsonAt = args.indexOf('--json');
  const simulate = !args.includes('--no-sim');
  if (!dir) {
    process.stderr.write('usage: node scripts/measure-templates.ts <dir of templates> [--json out.json] [--no-sim] [--alone]\n');
    process.exit(2);
  }
  const parsed = parseScenarioText(WEB_SCENARIO);
  if (!parsed.ok) throw new Error(`the measuring scenario is invalid: ${parsed.message}`);
  const root = resolve(dir);
  const files = readdirSync(root)
    .filter((f) => statSync(join(root, f)).isFile())
    .sort();
  const candidates = args.includes('--alone') ? [] : exportingTemplates(files.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') })));
  const rows: Row[] = [];
  for (const f of files) {
    try {
      rows.push(measure(join(root, f), parsed.scenario, simulate, candidates));
    } catch (error) {
      rows.push({ file: f, modelled: [], outcome: 'crashed', errors: [{ code: 'exception', message: String(error) }], warnings: [], params: {}, companions: [] });
    }
  }
  process.stdout.write(report(rows));
  if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1]!, `${JSON.stringify(rows, null, 1)}\n`);
}

main();
