// The full scenario format: the fields beyond the minimal one, what they refuse, the helpers the room calls
// (starting design, allowed kinds), and the generated JSON Schema kept in assets/schema. After an intended
// change to the format, write the schema file again with
//   UPDATE_SCHEMA=1 npx vitest run --project shared tests/shared/scenario/format.test.ts

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import {
  HINT_CONDITIONS,
  kindAllowed,
  parseScenario,
  RESOURCE_KINDS,
  scenarioJsonSchema,
  startingDesign,
  startingManifest,
  type ScenarioInput,
} from '../../../shared/scenario/index.ts';
import { ASSETS, allScenarios, assetPathOf } from '../campaign/files.ts';

const SCHEMA_FILE = join(ASSETS, 'schema', 'scenario.schema.json');

const minimal: ScenarioInput = {
  id: 'mini',
  title: 'Mini',
  durationS: 3600,
  budgetUsd: 5,
  latencyObjectiveMs: 100,
  traffic: [{ area: 'europe', baselineRps: 10 }],
  mix: { static: 0.2, read: 0.7, write: 0.1 },
};

function parse(extra: Record<string, unknown>) {
  return parseScenario({ ...minimal, ...extra });
}

function refused(extra: Record<string, unknown>, field: RegExp) {
  const r = parse(extra);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(field);
}

describe('the full scenario format', () => {
  it('reads every field of a campaign level', () => {
    const r = parse({
      ko: { title: '미니', teachingGoal: '목표', hints: ['힌트'] },
      campaign: { order: 3 },
      start: { design: 'scenarios/solutions/one-web-server/naive/manifest.yaml' },
      allowedKinds: ['vpc', 'subnet', 'instance'],
      events: [
        { type: 'flash-crowd', atS: 1800, durationS: 600, params: { multiplier: 5 }, announce: { leadS: 900, message: 'Sale at 0:30', messageKo: '세일' } },
        { type: 'price-change', atS: 600, params: { service: 'compute', multiplier: 1.3 } },
        { type: 'leaked-credentials', atS: 1200, params: { user: 'ci-deployer' } },
        { type: 'db-retirement', atS: 1500, params: { target: 'LegacyDb' } },
        { type: 'budget-cut', atS: 2000, params: { amountUsd: 3 } },
      ],
      random: [{ count: [1, 3], within: [600, 3000], event: { type: 'instance-failure', params: { count: 1 } } }],
      liveHints: [{ id: 'hot', when: { condition: 'cpu-high' }, text: { en: 'Hot', ko: '뜨거움' } }],
      objectives: [{ id: 'money', primary: true, metric: 'budgetShare', comparison: '<=', target: 1 }],
      solutions: { reference: 'scenarios/solutions/one-web-server/reference/manifest.yaml', naive: 'scenarios/solutions/one-web-server/naive/manifest.yaml' },
    });
    if (!r.ok) throw new Error(r.message);
    const s = r.scenario;
    expect(s.ko?.title).toBe('미니');
    expect(s.campaign?.order).toBe(3);
    expect(startingManifest(s)).toBe('scenarios/solutions/one-web-server/naive/manifest.yaml');
    expect(s.events[2]).toMatchObject({ type: 'leaked-credentials', params: { user: 'ci-deployer', region: 'us-east-1', instanceType: 'c5.2xlarge', count: 2, everyS: 600 } });
    expect(s.random[0]!.event).toMatchObject({ type: 'instance-failure' });
    expect(s.liveHints[0]).toMatchObject({ afterS: 0, when: { condition: 'cpu-high', above: 80 } });
  });

  it('defaults to an empty board in us-east-1, every kind allowed, no random events and no live hints', () => {
    const r = parse({});
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.start).toEqual({ regions: ['us-east-1'] });
    expect(r.scenario.allowedKinds).toBeUndefined();
    expect(r.scenario.random).toEqual([]);
    expect(r.scenario.liveHints).toEqual([]);
  });

  it('refuses an announcement before the start, a random range past the end, and unknown kinds, services, types or conditions', () => {
    refused({ events: [{ type: 'az-outage', atS: 100, params: { zone: 'us-east-1a' }, announce: { leadS: 200, message: 'x' } }] }, /announcement/);
    refused({ random: [{ count: [1, 2], within: [0, 4000], event: { type: 'db-failure' } }] }, /random/);
    refused({ random: [{ count: [3, 1], within: [0, 100], event: { type: 'db-failure' } }] }, /random\.0\.count/);
    refused({ allowedKinds: ['instance', 'mainframe'] }, /allowedKinds/);
    refused({ events: [{ type: 'price-change', atS: 1, params: { service: 'coffee', multiplier: 2 } }] }, /events\.0\.params\.service/);
    refused({ events: [{ type: 'leaked-credentials', atS: 1, params: { user: 'x', instanceType: 'z9.huge' } }] }, /instanceType/);
    refused({ events: [{ type: 'leaked-credentials', atS: 1, params: { user: 'x', everyS: 5 } }] }, /everyS/);
    refused({ liveHints: [{ id: 'h', when: { condition: 'moon-phase' }, text: { en: 'x' } }] }, /liveHints\.0\.when/);
    refused({ liveHints: [{ id: 'h', when: { condition: 'single-zone' }, afterS: 100, beforeS: 50, text: { en: 'x' } }] }, /beforeS/);
    refused({
      liveHints: [
        { id: 'h', when: { condition: 'single-zone' }, text: { en: 'x' } },
        { id: 'h', when: { condition: 'single-region' }, text: { en: 'y' } },
      ],
    }, /live hint ids/);
  });

  it('keeps starting designs and proofs inside the assets folder', () => {
    refused({ start: { design: '../../etc/passwd.yaml' } }, /start/);
    refused({ start: { design: '/abs/manifest.yaml' } }, /start/);
    refused({ start: { design: 'designs/x/manifest.yaml', regions: ['us-east-1'] } }, /start/);
    refused({ start: { regions: ['moon-1'] } }, /start/);
    refused({ solutions: { reference: 'designs/../../x.yaml', naive: 'designs/x/manifest.yaml' } }, /solutions/);
  });

  it('offers every kind of the design model to allowedKinds, and every hint condition to live hints', () => {
    expect(RESOURCE_KINDS).toEqual(expect.arrayContaining(['vpc', 'instance', 'autoScalingGroup', 'loadBalancer', 'database', 'distribution', 'transitGateway']));
    expect(HINT_CONDITIONS).toEqual(expect.arrayContaining(['lb-disabled-zone', 'no-scaling-policy', 'single-az-database', 'cpu-high', 'budget-forecast-over', 'no-cdn-for-static', 'dns-ttl-long']));
  });
});

describe('what a room starts a scenario with', () => {
  const loaded: Design = {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }],
    resources: [{ id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } }],
    unmodelled: [],
    actions: [{ atS: 10, intent: { type: 'reboot', logicalId: 'X' } }],
  };

  it('an empty board with a stack per region the scenario names', () => {
    const r = parse({ start: { regions: ['us-east-1', 'eu-west-1'] } });
    if (!r.ok) throw new Error(r.message);
    expect(startingManifest(r.scenario)).toBeUndefined();
    const d = startingDesign(r.scenario, loaded);
    expect(d.stacks.map((s) => s.region)).toEqual(['us-east-1', 'eu-west-1']);
    expect(d.resources).toEqual([]);
  });

  it('the loaded starting design, a copy, without its scripted actions', () => {
    const r = parse({ start: { design: 'designs/single-instance/manifest.yaml' } });
    if (!r.ok) throw new Error(r.message);
    const d = startingDesign(r.scenario, loaded);
    expect(d.resources).toEqual(loaded.resources);
    expect(d.actions).toEqual([]);
    expect(d).not.toBe(loaded);
    expect(loaded.actions).toHaveLength(1);
  });

  it('the kinds the palette may offer', () => {
    const limited = parse({ allowedKinds: ['vpc', 'instance'] });
    const open = parse({});
    if (!limited.ok || !open.ok) throw new Error('unparsed');
    expect(kindAllowed(limited.scenario, 'instance')).toBe(true);
    expect(kindAllowed(limited.scenario, 'loadBalancer')).toBe(false);
    expect(kindAllowed(open.scenario, 'loadBalancer')).toBe(true);
  });
});

describe('the shipped scenarios', () => {
  it('name starting designs and proofs that exist', () => {
    for (const s of allScenarios()) {
      const start = startingManifest(s);
      if (start) expect(existsSync(join(ASSETS, start)), `${s.id} start ${start}`).toBe(true);
      expect(existsSync(join(ASSETS, assetPathOf(s.solutions!.reference))), `${s.id} reference`).toBe(true);
      expect(existsSync(join(ASSETS, assetPathOf(s.solutions!.naive))), `${s.id} naive`).toBe(true);
    }
  });
});

describe('assets/schema/scenario.schema.json', () => {
  const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  if (process.env.UPDATE_SCHEMA === '1') {
    it('is written again', () => writeFileSync(SCHEMA_FILE, generated));
    return;
  }
  it('is the JSON Schema generated from the zod schema (npm run sim -- --schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('describes the new fields and events for editors', () => {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    for (const word of ['liveHints', 'random', 'allowedKinds', 'leaked-credentials', 'price-change', 'leadS', 'lb-disabled-zone', 'solutions', 'release', 'errorPct']) {
      expect(text).toContain(`"${word}"`);
    }
  });
});
