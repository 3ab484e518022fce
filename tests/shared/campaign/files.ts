// The shipped scenarios and the designs that prove them, read from assets/ as the server and the CLI read them.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Design } from '../../../shared/design/model.ts';
import { parseScenarioText, type Scenario } from '../../../shared/scenario/index.ts';
import { loadDesign, parseManifestText } from '../../../shared/template/index.ts';

export const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const SCENARIOS = join(ASSETS, 'scenarios');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort();
}

export function loadScenarioFile(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return parsed.scenario;
}

export function allScenarios(): Scenario[] {
  return scenarioFiles().map(loadScenarioFile);
}

/** The campaign in its order. */
export function campaign(): Scenario[] {
  return allScenarios()
    .filter((s) => s.campaign !== undefined)
    .sort((a, b) => a.campaign!.order - b.campaign!.order);
}

/** A design manifest under assets/ (a path as scenarios give it), loaded; throws on any error. */
export function loadAssetDesign(path: string): Design {
  const file = join(ASSETS, path);
  const parsed = parseManifestText(readFileSync(file, 'utf8'));
  if (!parsed.manifest) throw new Error(`${path}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  const loaded = loadDesign(parsed.manifest, (t) => readFileSync(isAbsolute(t) ? t : join(dirname(file), t), 'utf8'));
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (!loaded.design || errors.length > 0) throw new Error(`${path}: ${errors.map((i) => `${i.logicalId}: ${i.message}`).join('; ')}`);
  return loaded.design;
}
