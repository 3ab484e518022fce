import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../../shared/scenario/index.ts';

const DIR = 'assets/scenarios';

describe('scenario files', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

  it('ships the AZ and region outage scenarios', () => {
    expect(files).toEqual(expect.arrayContaining(['az-outage.yaml', 'region-outage.yaml']));
  });

  for (const file of files) {
    it(`${file} is valid and named after its id`, () => {
      const r = parseScenarioText(readFileSync(`${DIR}/${file}`, 'utf8'));
      if (!r.ok) throw new Error(r.message);
      expect(`${r.scenario.id}.yaml`).toBe(file);
      expect(r.scenario.objectives.some((o) => o.primary)).toBe(true);
    });
  }

  it('az-outage darkens us-east-1b for about half an hour of a two-to-three-hour run', () => {
    const r = parseScenarioText(readFileSync(`${DIR}/az-outage.yaml`, 'utf8'));
    if (!r.ok) throw new Error(r.message);
    const outage = r.scenario.events.find((e) => e.type === 'az-outage');
    expect(outage).toMatchObject({ params: { zone: 'us-east-1b' } });
    expect(outage && 'durationS' in outage ? outage.durationS : 0).toBeGreaterThanOrEqual(1500);
    expect(r.scenario.durationS).toBeGreaterThanOrEqual(7200);
    expect(r.scenario.durationS).toBeLessThanOrEqual(10800);
  });
});

describe('parseScenarioText', () => {
  const minimal = {
    id: 'mini',
    title: 'Mini',
    durationS: 600,
    budgetUsd: 1,
    latencyObjectiveMs: 100,
    traffic: [{ area: 'europe', baselineRps: 10 }],
    mix: { static: 0.2, read: 0.7, write: 0.1 },
  };

  it('fills defaults', () => {
    const r = parseScenario(minimal);
    expect(r.ok && r.scenario.stars).toEqual([400, 600, 800]);
    expect(r.ok && r.scenario.events).toEqual([]);
  });

  it('returns a result for broken YAML instead of throwing', () => {
    expect(parseScenarioText('id: [unclosed')).toMatchObject({ ok: false, code: 'scenario-syntax' });
  });

  it('names the offending field', () => {
    const r = parseScenario({ ...minimal, mix: { static: 0.5, read: 0.5, write: 0.5 } });
    expect(r).toMatchObject({ ok: false, code: 'scenario-invalid' });
    if (!r.ok) expect(r.message).toMatch(/mix/);
    const z = parseScenario({ ...minimal, events: [{ type: 'az-outage', atS: 10, params: { zone: 'us-east-1z' } }] });
    expect(z.ok).toBe(false);
    if (!z.ok) expect(z.message).toMatch(/events\.0\.params\.zone/);
  });

  it('rejects an event after the end and a daily curve without 24 points', () => {
    expect(parseScenario({ ...minimal, events: [{ type: 'announcement', atS: 601, params: { message: 'late' } }] }).ok).toBe(false);
    expect(parseScenario({ ...minimal, traffic: [{ area: 'europe', baselineRps: 1, dailyCurve: [1, 2] }] }).ok).toBe(false);
  });
});

describe('scenarioJsonSchema', () => {
  it('describes the format for editors', async () => {
    const { scenarioJsonSchema } = await import('../../../shared/scenario/index.ts');
    const schema = scenarioJsonSchema() as { type: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'traffic', 'mix', 'events', 'objectives', 'stars']));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'durationS', 'traffic', 'mix']));
    expect(JSON.stringify(schema)).toMatch(/az-outage/);
  });
});
