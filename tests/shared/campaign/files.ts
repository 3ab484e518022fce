// The shipped scenarios and the designs that prove them, read from assets/ as the server and the CLI read them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Design } from '../../../shared/design/model.ts';
import { parseScenarioText, type Scenario } from '../../../shared/scenario/index.ts';
import { FRESH_ACCOUNT } from '../../../shared/account/default-vpc.ts';
import { loadDesignSource } from '../../../shared/scenario/design-source.ts';
import { readAsset } from '../../../server/assets/library.ts';
import type { DesignSource } from '../../../shared/scenario/schema.ts';

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

/** A design a scenario names (a manifest under assets/, or written inline), loaded; throws on any error. */
export function loadAssetDesign(source: DesignSource): Design {
  const loaded = loadDesignSource(source, FRESH_ACCOUNT, readAsset);
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  const name = typeof source === 'string' ? source : 'inline design';
  if (!loaded.design || errors.length > 0) throw new Error(`${name}: ${errors.map((i) => `${i.logicalId}: ${i.message}`).join('; ')}`);
  return loaded.design;
}

export { readAsset };

/** The assets/ path of a design the campaign names by file (the campaign's solutions all are). */
export function assetPathOf(source: DesignSource): string {
  if (typeof source !== 'string') throw new Error('the campaign names its designs by file, not inline');
  return source;
}
