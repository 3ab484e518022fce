// The design loader: a manifest (its stacks, their regions, templates and parameter values) becomes a Design.
// Pure: the caller supplies file reading; nothing here touches a disk. It never throws: every problem, even
// an unexpected one, comes back as an issue naming the stack and logical id where it was found.

import { FRESH_ACCOUNT, hasDefaultVpc, isAccountStackName, type Account } from '../account/default-vpc.ts';
import type { Design, DesignIssue, TimedAction } from '../design/model.ts';
import { accountDirectory, accountNameOf, accountRefOf, boardRefOf, usedAccountRegions } from './account-stacks.ts';
import { isRegion } from '../geography/regions.ts';
import { checkDesign } from './design-checks.ts';
import { parseManifestText, readManifest, type Manifest } from './manifest-schema.ts';
import { describeValue, isPlainObject, toPlainData, type PlainObject } from './plain-data.ts';
import { readResources, type ReadResult } from './read-resources.ts';
import { scanReferences } from './references.ts';
import { PhysicalNames } from './resource-ref.ts';
import { typeOfResource } from './stack-scope.ts';
import { exportLookup } from './stack-exports.ts';
import { logicalIdsOf, modelProperties } from './export.ts';
import { unwrittenOf } from './written-forms.ts';
import { prepareAccountStack, prepareStack, type PreparedStack } from './stack-setup.ts';
import { parseTemplateText } from './template-text.ts';

export { parseManifestText } from './manifest-schema.ts';

export interface LoadedDesign {
  /**
   * Present whenever the manifest could be read. Its references are always consistent (every id names a
   * resource of the right kind); an `error` issue still means it must not be deployed or simulated.
   */
  design?: Design;
  issues: DesignIssue[];
}

export interface LoadOptions {
  /** The account the stacks run in (a scenario may have deleted default VPCs); a fresh account otherwise. */
  account?: Account;
}

export function loadDesign(
  manifest: unknown,
  readTemplate: (path: string) => string | undefined,
  options: LoadOptions = {},
): LoadedDesign {
  try {
    return load(manifest, readTemplate, options.account ?? FRESH_ACCOUNT);
  } catch (error) {
    const detail = error instanceof Error ? error.message : describeValue(error);
    return { issues: [{ severity: 'error', code: 'internal-error', message: `the loader failed unexpectedly: ${detail}` }] };
  }
}

function load(input: unknown, readTemplate: (path: string) => string | undefined, account: Account): LoadedDesign {
  const read = readManifestInput(input);
  if (!read.manifest) return { issues: read.issues };
  const manifest = read.manifest;
  const issues: DesignIssue[] = [...read.issues];
  let sink: (issue: DesignIssue) => void = (issue) => issues.push(issue);
  const report = (issue: DesignIssue) => sink(issue);

  const names = new PhysicalNames();
  const prepared: PreparedStack[] = [];
  const accountStackOf = (region: string) => {
    const index = prepared.findIndex((s) => s.stack.account && s.stack.region === region);
    return index < 0 ? undefined : index;
  };
  const wide = {
    nameOfRef: (ref: Parameters<PhysicalNames['nameOf']>[0]) => {
      const s = prepared[ref.stack];
      if (s?.stack.account) return accountNameOf(s.stack.region, ref.logicalId, ref.attribute);
      return names.nameOf(ref, s?.stack.name ?? '', s?.stack.region ?? '', s ? typeOfResource(s.scope, ref.logicalId) : undefined);
    },
    refOfText: (text: string) => accountRefOf(text, accountStackOf) ?? names.resourceOf(text) ?? boardRefOf(text, manifest.stacks, prepared),
    importValue: exportLookup(() => prepared, report),
    report,
  };

  const seen = new Set<string>();
  const templates = manifest.stacks.map((entry) => {
    if (seen.has(entry.name)) issues.push({ severity: 'error', code: 'duplicate-stack', stack: entry.name, message: `two stacks are named ${entry.name}` });
    seen.add(entry.name);
    if (!isRegion(entry.region)) {
      issues.push({ severity: 'error', code: 'unknown-region', stack: entry.name, message: `region ${entry.region} is not one of the board's regions` });
    }
    return templateOf(entry, readTemplate, issues);
  });
  const directory = accountDirectory(account, manifest.stacks, templates);
  manifest.stacks.forEach((entry, index) => {
    const template = templates[index]!;
    prepared.push(prepareStack(index, entry, template, wide, directory));
    if (isPlainObject(template['Transform']) || typeof template['Transform'] === 'string' || Array.isArray(template['Transform'])) {
      issues.push({ severity: 'warning', code: 'transform-not-supported', stack: entry.name, message: 'Transform (macros, SAM) is not expanded: the template is read as written', params: {} });
    }
  });
  for (const s of prepared) issues.push(...scanReferences(s.stack.name, s.template));

  // The account's default VPCs are read with the stacks; only those the stacks use stay on the board.
  const own = prepared.length;
  const asked = new Set<string>();
  const readWith = (regions: string[]) => {
    prepared.length = own;
    for (const region of regions) prepared.push(prepareAccountStack(prepared.length, region, wide));
    const result = readResources(
      prepared,
      (next) => {
        sink = next;
      },
      { hasDefaultVpc: (region) => hasDefaultVpc(account, region), asked: (region) => asked.add(region) },
    );
    sink = (issue) => issues.push(issue);
    return result;
  };
  const offered = [...new Set(manifest.stacks.map((s) => s.region))].filter((region) => hasDefaultVpc(account, region));
  let result = readWith(offered);
  const referenced = usedAccountRegions(result.resources, prepared);
  const used = offered.filter((region) => referenced.includes(region) || asked.has(region));
  if (used.length === 0 && offered.length > 0) result = withoutAccount(result, own, prepared);
  else if (used.length !== offered.length) result = readWith(used);
  // Notes from reading AWS's own default VPC (properties the board does not model) are no news to the player.
  issues.push(...result.issues.filter((i) => i.severity !== 'note' || i.stack === undefined || !isAccountStackName(i.stack)));

  const actions: TimedAction[] = (manifest.actions ?? []).map((a) => ({ atS: a.atS, ...(a.as !== undefined ? { as: a.as } : {}), intent: a.intent, ...(a.after ? { after: a.after } : {}) }));
  const design: Design = { stacks: prepared.map((s) => s.stack), resources: result.resources, unmodelled: result.unmodelled, actions };
  noteUnwritten(design, prepared);
  issues.push(...checkDesign(design));
  return { design, issues: dedupe(issues) };
}

/** Each resource remembers what its template left out that the exporter would write (written-forms.ts). */
function noteUnwritten(design: Design, prepared: PreparedStack[]): void {
  const ids = prepared.map((_, index) => logicalIdsOf(design, index));
  for (const resource of design.resources) {
    const stack = prepared[resource.stack];
    if (!stack || stack.stack.account || resource.partOf !== undefined) continue;
    const modelled = modelProperties(design, resource, ids[resource.stack]);
    const body = stack.scope.resources[resource.logicalId];
    const unwritten = modelled && isPlainObject(body) ? unwrittenOf(modelled.written, modelled.defaulted, body['Properties'], resource.unmodelled) : undefined;
    if (unwritten) resource.unwritten = unwritten;
  }
}

/**
 * The reading without the account's stacks, when no stack uses them: their resources come after every stack's
 * own (ids are planned stack by stack), so taking them off leaves every other id as it is.
 */
function withoutAccount(result: ReadResult, own: number, prepared: PreparedStack[]): ReadResult {
  const accountNames = new Set(prepared.slice(own).map((s) => s.stack.name));
  prepared.length = own;
  return {
    resources: result.resources.filter((r) => r.stack < own),
    unmodelled: result.unmodelled.filter((u) => u.stack < own),
    issues: result.issues.filter((i) => i.stack === undefined || !accountNames.has(i.stack)),
  };
}

function readManifestInput(input: unknown): { manifest?: Manifest; issues: DesignIssue[] } {
  if (typeof input === 'string') return parseManifestText(input);
  const plain = toPlainData(input);
  if (plain.problem !== undefined) {
    return { issues: [{ severity: 'error', code: 'invalid-manifest', message: `the manifest cannot be read: ${plain.problem}` }] };
  }
  return readManifest(plain.value);
}

/** The template of a manifest stack: read through the caller (a path) or given inline; {} when unusable. */
function templateOf(
  entry: Manifest['stacks'][number],
  readTemplate: (path: string) => string | undefined,
  issues: DesignIssue[],
): PlainObject {
  let value: unknown = entry.template;
  if (typeof entry.template === 'string') {
    let text: string | undefined;
    try {
      text = readTemplate(entry.template);
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      issues.push({ severity: 'error', code: 'template-not-found', stack: entry.name, message: `cannot read the template ${entry.template}` });
      return {};
    }
    const parsed = parseTemplateText(text, { stack: entry.name });
    issues.push(...parsed.issues);
    value = parsed.value;
    if (value === undefined) return {};
  }
  if (!isPlainObject(value) || !isPlainObject(value['Resources']) || Object.keys(value['Resources']).length === 0) {
    issues.push({ severity: 'error', code: 'invalid-template', stack: entry.name, message: 'a template is a map with at least one resource under Resources' });
    return isPlainObject(value) ? { ...value, Resources: isPlainObject(value['Resources']) ? value['Resources'] : {} } : {};
  }
  return value;
}

/** The same finding reached twice (a reading pass, a shared condition) is reported once. */
function dedupe(issues: DesignIssue[]): DesignIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([issue.severity, issue.code, issue.stack, issue.logicalId, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
