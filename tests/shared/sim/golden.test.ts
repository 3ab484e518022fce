// Golden replays: recorded runs (design × scenario × seed × timed actions) must give the recorded hash and
// score on every test run. After an intended change to the rules, record again with
//   UPDATE_GOLDEN=1 npx vitest run --project shared tests/shared/sim/golden.test.ts
// and commit tests/fixtures/golden-runs.json with the change that explains it.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { parseScenarioText, type Scenario } from '../../../shared/scenario/index.ts';
import { runScenario } from '../../../shared/sim/index.ts';
import { designBuilder, webTier } from './builders.ts';

const FIXTURE = 'tests/fixtures/golden-runs.json';

interface Golden {
  name: string;
  hash: string;
  score: number;
  stars: number;
  availability: number;
  costUsd: number;
}

function loadScenario(id: string): Scenario {
  const r = parseScenarioText(readFileSync(`assets/scenarios/${id}.yaml`, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

function twoRegionAccelerated(): Design {
  const d = designBuilder();
  const lbs: number[] = [];
  let primary = -1;
  for (const region of ['us-east-1', 'us-west-2']) {
    d.stack(region, region);
    const net = d.network('Main', region, ['a', 'b', 'c']);
    const tg = d.targetGroup('Targets');
    lbs.push(d.loadBalancer('Lb', net.subnets, [tg]));
    d.group('Web', net.subnets, [tg], { desired: 3, type: 'm5.large' });
    primary = d.database(region === 'us-east-1' ? 'Primary' : 'Replica', net.subnets, primary >= 0 ? { source: primary } : { multiAz: true });
  }
  d.stack('global', 'us-east-1');
  d.accelerator('Accelerator', [
    { region: 'us-east-1', endpoints: [lbs[0]!] },
    { region: 'us-west-2', endpoints: [lbs[1]!] },
  ]);
  d.design.actions.push({ atS: 3700, intent: { type: 'promote-replica', stack: 'us-west-2', logicalId: 'Replica' } });
  return d.design;
}

function singleInstance(): Design {
  const d = designBuilder();
  d.stack('solo', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['b']);
  d.instance('Server', net.subnets[0]!, 't3.medium');
  return d.design;
}

function withCloudFront(): Design {
  const { b, lb } = webTier({ desired: 3, db: { multiAz: true } });
  b.distribution('Cdn', lb, 3600);
  return b.design;
}

const CASES: { name: string; design: () => Design; scenario: string; seed: number }[] = [
  { name: 'single-instance × az-outage', design: singleInstance, scenario: 'az-outage', seed: 1 },
  { name: 'web tier × az-outage', design: () => webTier({ desired: 4, db: { multiAz: true } }).b.design, scenario: 'az-outage', seed: 1 },
  { name: 'cloudfront × az-outage', design: withCloudFront, scenario: 'az-outage', seed: 7 },
  { name: 'web tier × region-outage', design: () => webTier({ desired: 4, db: { multiAz: true } }).b.design, scenario: 'region-outage', seed: 2 },
  { name: 'two regions, accelerator, promotion × region-outage', design: twoRegionAccelerated, scenario: 'region-outage', seed: 3 },
];

function record(): Golden[] {
  return CASES.map((c) => {
    const r = runScenario(c.design(), loadScenario(c.scenario), { seed: c.seed });
    return { name: c.name, hash: r.hash, score: r.score, stars: r.stars, availability: r.availability, costUsd: r.costUsd };
  });
}

describe('golden replays', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    it('records the golden runs', () => {
      writeFileSync(FIXTURE, `${JSON.stringify(record(), null, 2)}\n`);
    });
    return;
  }
  const golden = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Golden[]) : [];
  it('has one recording per case', () => {
    expect(golden.map((g) => g.name)).toEqual(CASES.map((c) => c.name));
  });
  for (const c of CASES) {
    it(`replays ${c.name}`, () => {
      const expected = golden.find((g) => g.name === c.name)!;
      const r = runScenario(c.design(), loadScenario(c.scenario), { seed: c.seed });
      expect({ hash: r.hash, score: r.score, stars: r.stars, availability: r.availability, costUsd: r.costUsd }).toEqual({
        hash: expected.hash,
        score: expected.score,
        stars: expected.stars,
        availability: expected.availability,
        costUsd: expected.costUsd,
      });
    });
  }
});
