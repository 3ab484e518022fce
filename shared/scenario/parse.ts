// Reading a scenario file: YAML (JSON is YAML too) → zod. Returns a result; never throws on bad input.

import { parse as parseYaml } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.ts';

export type ScenarioResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; code: 'scenario-syntax' | 'scenario-invalid'; message: string };

export function parseScenarioText(text: string): ScenarioResult {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, code: 'scenario-syntax', message: `the scenario is not valid YAML: ${(err as Error).message}` };
  }
  return parseScenario(raw);
}

export function parseScenario(raw: unknown): ScenarioResult {
  const checked = scenarioSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(scenario)'}: ${i.message}`)
      .join('; ');
    return { ok: false, code: 'scenario-invalid', message: `the scenario is invalid: ${first}` };
  }
  return { ok: true, scenario: checked.data };
}
