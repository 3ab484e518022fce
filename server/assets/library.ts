// The game's files on disk: scenarios and designs under assets/. The rules are pure and never read files;
// the server, the command-line tools and the tests load through here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Account } from '../../shared/account/default-vpc.ts';
import type { DesignIssue } from '../../shared/design/model.ts';
import { parseScenarioText, type Scenario } from '../../shared/scenario/index.ts';
import { loadDesignSource } from '../../shared/scenario/design-source.ts';
import type { LoadedDesign } from '../../shared/template/index.ts';

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));
const SCENARIOS_DIR = join(ASSETS_DIR, 'scenarios');
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type ScenarioLoad = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** A scenario by id (assets/scenarios/<id>.yaml); ids are checked before any path is built from them. */
export function scenarioById(id: string): ScenarioLoad {
  if (!SCENARIO_ID.test(id)) return { ok: false, message: `"${id.slice(0, 64)}" is not a scenario id` };
  const path = join(SCENARIOS_DIR, `${id}.yaml`);
  if (!existsSync(path)) return { ok: false, message: `there is no scenario "${id}"` };
  return scenarioFromFile(path);
}

export function scenarioFromFile(path: string): ScenarioLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, message: `cannot read ${path}` };
  }
  const parsed = parseScenarioText(text);
  return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, message: `${path}: ${parsed.code}: ${parsed.message}` };
}

export function scenarioIds(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A design manifest under assets/ (by its path on disk) and the templates it names, relative to its folder. */
export function designFromManifest(path: string, account?: Account): LoadedDesign {
  const inAssets = relative(ASSETS_DIR, path).split(sep).join('/');
  return loadDesignSource(inAssets, account, readAsset);
}

/** A file under assets/ by its path there (what shared/scenario/design-source.ts reads designs through). */
export function readAsset(path: string): string | undefined {
  if (path.split('/').includes('..') || isAbsolute(path)) return undefined;
  try {
    return readFileSync(join(ASSETS_DIR, path), 'utf8');
  } catch {
    return undefined;
  }
}

export function errorsOf(issues: readonly DesignIssue[]): DesignIssue[] {
  return issues.filter((i) => i.severity === 'error');
}
