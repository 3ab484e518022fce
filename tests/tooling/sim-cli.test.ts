// The command-line simulator, run as a user runs it: a separate Node process on the repository's files.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAsset } from '../../server/assets/library.ts';
import { levelToYaml } from '../../shared/scenario/level.ts';
import { levelFromScenario } from '../../shared/scenario/level-from-scenario.ts';
import { parseScenarioText, type Scenario } from '../../shared/scenario/index.ts';

function parsed(text: string): Scenario {
  const r = parseScenarioText(text);
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

const ROOT = join(import.meta.dirname, '..', '..');
// Node 22 runs the TypeScript directly; inside vitest process.execPath usually is it already.
const NODE =
  Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : join(ROOT, 'node_modules', '.bin', 'node');
const OK = 'tests/fixtures/sim-cli/ok/manifest.yaml';

function sim(...args: string[]) {
  const r = spawnSync(NODE, ['scripts/sim.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run sim', () => {
  it('runs a design through a scenario and prints one JSON object', () => {
    const r = sim('--design', OK, '--scenario', 'az-outage', '--seed', '3', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(r.stdout);
    for (const key of ['availability', 'latencyP95Ms', 'costUsd', 'revenueUsd', 'score', 'stars', 'objectives', 'warnings', 'series', 'timeline']) {
      expect(result).toHaveProperty(key);
    }
    expect(result.availability).toBeGreaterThan(0.9);
    expect(result.availability).toBeLessThanOrEqual(1);
    expect(result.series).toHaveLength(180); // one point per simulated minute of a 3-hour scenario
    expect(result.series[0]).toEqual(expect.objectContaining({ tS: 0, requests: expect.any(Number), errors: expect.any(Number) }));
    // The manifest's scripted reboot happened at its time.
    // Each entry: its code and values, and the English sentence they say.
    expect(result.timeline).toContainEqual({ tS: 600, kind: 'action', code: 'actionReboot', values: { resource: 'solo/WebServer' }, message: 'reboot solo/WebServer' });
    expect(result.objectives.find((o: { id: string }) => o.id === 'availability')).toEqual(expect.objectContaining({ primary: true }));
  }, 60_000);

  it('gives byte-identical output for the same seed', () => {
    const a = sim('--design', OK, '--scenario', 'region-outage', '--seed', '11', '--json');
    const b = sim('--design', OK, '--scenario', 'region-outage', '--seed', '11', '--json');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const c = sim('--design', OK, '--scenario', 'region-outage', '--seed', '12', '--json');
    expect(c.stdout).not.toBe(a.stdout);
  }, 60_000);

  it('prints a readable summary by default, reading a scenario from a file', () => {
    const r = sim('--design', OK, '--scenario', 'assets/scenarios/az-outage.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^availability +\d+\.\d{3}%/m);
    expect(r.stdout).toMatch(/^score +\d+\.\d \/ 1000/m);
    expect(r.stdout).toMatch(/availability zone us-east-1b goes dark/);
    // The shared "first failure" (shared/match/debrief.ts), after the outage that caused it.
    expect(r.stdout).toMatch(/^first failure \d\d:\d\d:\d\d  .+ \(after \d\d:\d\d:\d\d  availability zone us-east-1b goes dark\)$/m);
  }, 60_000);

  it('exits 2 naming the file, stack and logical id of an invalid template', () => {
    const r = sim('--design', 'tests/fixtures/sim-cli/broken/manifest.yaml', '--scenario', 'az-outage');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\/web\.yaml/);
    expect(r.stderr).toMatch(/solo\/WebServer/);
    expect(r.stderr).toMatch(/MissingSubnet/);
  }, 60_000);

  it('exits 2 for an invalid scripted action, an unknown scenario, a bad seed or missing arguments', () => {
    const action = sim('--design', 'tests/fixtures/sim-cli/bad-action/manifest.yaml', '--scenario', 'az-outage');
    expect(action.status).toBe(2);
    expect(action.stderr).toMatch(/actions\[0\]/);
    const scenario = sim('--design', OK, '--scenario', 'no-such-scenario');
    expect(scenario.status).toBe(2);
    expect(scenario.stderr).toMatch(/no-such-scenario/);
    expect(sim('--design', OK, '--scenario', 'az-outage', '--seed', 'x').status).toBe(2);
    expect(sim('--scenario', 'az-outage').status).toBe(2);
    expect(sim('--design', 'nowhere/manifest.yaml', '--scenario', 'az-outage').status).toBe(2);
  }, 60_000);

  it('--list --json names every scenario with its reference and naive designs, which --design then runs', () => {
    const r = sim('--list', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const listed = JSON.parse(r.stdout) as { id: string; title: string; reference: string; naive: string }[];
    expect(listed.map((l) => l.id)).toEqual(expect.arrayContaining(['one-web-server', 'black-friday-in-three-regions', 'az-outage', 'region-outage']));
    expect(listed.length).toBeGreaterThanOrEqual(14);
    for (const l of listed) {
      expect(l.title).toBeTruthy();
      expect(existsSync(join(ROOT, l.reference)), l.reference).toBe(true);
      expect(existsSync(join(ROOT, l.naive)), l.naive).toBe(true);
    }
    const first = listed[0]!;
    expect(first.id).toBe('one-web-server');
    const naive = sim('--design', first.naive, '--scenario', first.id, '--json');
    expect(naive.status).toBe(0);
    const result = JSON.parse(naive.stdout);
    expect(result.objectives.some((o: { primary: boolean; met: boolean }) => o.primary && !o.met)).toBe(true);
    expect(result.hintsShown.map((h: { id: string }) => h.id)).toContain('cpu-knee');
  }, 60_000);

  it('--schema prints the JSON Schema kept in assets/schema', () => {
    const r = sim('--schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'assets/schema/scenario.schema.json'), 'utf8'));
  }, 60_000);

  it.skipIf(!existsSync(join(ROOT, '..', 'shared', 'cfn-samples')))('runs an AWS sample with no parameter values: the account fills them, the default VPC serves', () => {
    const r = sim('--design', 'tests/fixtures/sim-cli/aws-sample/manifest.yaml', '--scenario', 'one-web-server', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.availability).toBeGreaterThan(0.9);
    // The console's choice is said, naming the parameter.
    expect(result.warnings.join('\n')).toMatch(/parameter KeyName \(AWS::EC2::KeyPair::KeyName\) has no value: the board uses five-nines-key/);
  }, 60_000);

  it('loads a design in the scenario\'s account: without a default VPC, what needs one is refused', () => {
    const fresh = sim('--design', 'tests/fixtures/sim-cli/default-vpc/manifest.yaml', '--scenario', 'one-web-server', '--json');
    expect(fresh.status).toBe(0);
    expect(JSON.parse(fresh.stdout).availability).toBeGreaterThan(0.9);
    const deleted = sim('--design', 'tests/fixtures/sim-cli/default-vpc/manifest.yaml', '--scenario', 'tests/fixtures/sim-cli/default-vpc/no-default-vpc.yaml');
    expect(deleted.status).toBe(2);
    expect(deleted.stdout).toBe('');
    expect(deleted.stderr).toMatch(/web\/WebServer: No default VPC for this user/);
  }, 60_000);

  it('--check --scenario proves one exported level file, its designs inline, as the editor and the server do', () => {
    const level = levelFromScenario(parsed(readFileSync(join(ROOT, 'assets/scenarios/one-web-server.yaml'), 'utf8')), readAsset)!;
    const dir = mkdtempSync(join(tmpdir(), 'five-nines-level-'));
    const file = join(dir, 'my-level.yaml');
    writeFileSync(file, levelToYaml(level));
    const r = sim('--check', '--scenario', file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { design: string; path: string; primaryMet: boolean; asExpected: boolean }[];
    expect(rows.map((x) => [x.design, x.path, x.primaryMet, x.asExpected])).toEqual([
      ['reference', 'inline', true, true],
      ['naive', 'inline', false, true],
    ]);
    // A level whose designs are swapped is caught: exit 1, the reference marked.
    writeFileSync(file, levelToYaml({ ...level, solutions: { reference: level.solutions!.naive, naive: level.solutions!.reference } }));
    const swapped = sim('--check', '--scenario', file);
    expect(swapped.status).toBe(1);
    expect(swapped.stdout).toContain('NOT AS EXPECTED');
  });

  it('has the scenarios it names by id', () => {
    expect(existsSync(join(ROOT, 'assets/scenarios/az-outage.yaml'))).toBe(true);
  });
});
