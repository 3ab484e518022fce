// A scenario written as a self-contained level: its starting board and its solutions read from assets/ and put
// inline, so a teacher can open a campaign level in the editor and make their own from it. Pure: the caller hands
// in the reader of assets/ (the server's; the browser asks the server for the result).

import { parseManifestText } from '../template/manifest-schema.ts';
import { parseTemplateText } from '../template/template-text.ts';
import { assetPathFrom, type AssetReader } from './design-source.ts';
import type { DesignSource, InlineDesign, Scenario } from './schema.ts';

/** A design with its templates inside it; undefined when a file it names cannot be read or parsed. */
export function inlineDesign(source: DesignSource, readAsset: AssetReader): InlineDesign | undefined {
  if (typeof source !== 'string') return source;
  const text = readAsset(source);
  if (text === undefined) return undefined;
  const { manifest } = parseManifestText(text);
  if (!manifest) return undefined;
  const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  const stacks: InlineDesign['stacks'] = [];
  for (const stack of manifest.stacks) {
    let template = stack.template;
    if (typeof template === 'string') {
      const path = assetPathFrom(folder, template);
      const body = path === undefined ? undefined : readAsset(path);
      if (body === undefined) return undefined;
      const parsed = parseTemplateText(body, { stack: stack.name });
      if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return undefined;
      template = parsed.value as Record<string, unknown>;
    }
    stacks.push({ name: stack.name, region: stack.region, template, ...(stack.parameters ? { parameters: stack.parameters } : {}) });
  }
  return { stacks, ...(manifest.actions && manifest.actions.length > 0 ? { actions: manifest.actions } : {}) };
}

/**
 * The scenario as a level document: boards inline, out of the campaign (a copy is not the campaign's level), no
 * origin. Undefined when one of its designs cannot be read.
 */
export function levelFromScenario(scenario: Scenario, readAsset: AssetReader): Scenario | undefined {
  const { campaign: _campaign, level: _level, ...rest } = scenario;
  const level: Scenario = { ...structuredClone(rest) };
  if ('design' in scenario.start) {
    const start = inlineDesign(scenario.start.design, readAsset);
    if (!start) return undefined;
    level.start = start;
  }
  if (scenario.solutions) {
    const reference = inlineDesign(scenario.solutions.reference, readAsset);
    const naive = inlineDesign(scenario.solutions.naive, readAsset);
    if (!reference || !naive) return undefined;
    level.solutions = { reference, naive };
  }
  return level;
}
