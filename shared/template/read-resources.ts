// Reads the Resources of every stack into board resources. Ids are planned first (template order, stack by
// stack), so references can be resolved in any direction; a resource whose required reference names nothing on
// the board is set aside as unplaceable and the reading is done again without it, until nothing changes.

import type { DesignIssue, Resource, ResourceKind, UnmodelledResource } from '../design/model.ts';
import type { ResourceCodec } from './codec.ts';
import { codecOfType, SECURITY_GROUP_INGRESS } from './codecs/index.ts';
import { resolveValue } from './intrinsics.ts';
import { describeValue, isPlainObject, setOwn, type PlainObject } from './plain-data.ts';
import { PropertyReader } from './property-reader.ts';
import type { PlannedResource, ReadEnv } from './read-env.ts';
import { readAttributes } from './resource-attributes.ts';
import { ResourceRef } from './resource-ref.ts';
import type { PreparedStack } from './stack-setup.ts';
import { importsOrRefersAcross, writtenFormsOf } from './written-forms.ts';

interface Entry {
  stack: number;
  logicalId: string;
  body: PlainObject;
  type: string;
  codec?: ResourceCodec;
  excluded: boolean;
}

/** The account as the reading sees it: which regions keep a default VPC, and who asks for one. */
export interface AccountView {
  hasDefaultVpc: (region: string) => boolean;
  /** Told of every region whose default VPC a resource asks for (it stays on the board even if unused). */
  asked: (region: string) => void;
}

const NO_ACCOUNT: AccountView = { hasDefaultVpc: () => false, asked: () => {} };

export interface ReadResult {
  resources: Resource[];
  unmodelled: UnmodelledResource[];
  issues: DesignIssue[];
}

export function readResources(
  stacks: PreparedStack[],
  setSink: (sink: (issue: DesignIssue) => void) => void,
  account: AccountView = NO_ACCOUNT,
): ReadResult {
  const stable: DesignIssue[] = [];
  const entries: Entry[] = [];
  const invalid: UnmodelledResource[] = [];
  stacks.forEach((s, stack) => {
    for (const [logicalId, body] of Object.entries(s.scope.resources)) {
      const type = isPlainObject(body) && typeof body['Type'] === 'string' ? body['Type'] : undefined;
      if (!isPlainObject(body) || type === undefined) {
        stable.push({ severity: 'error', code: 'invalid-resource', stack: s.stack.name, logicalId, message: 'a resource needs a Type' });
        // Kept for export as it was, so that fixing the template elsewhere loses nothing.
        if (isPlainObject(body)) invalid.push({ stack, logicalId, type: '', body, reason: 'unmodelled-type' });
        continue;
      }
      // A VPCGatewayAttachment attaches an internet gateway or a virtual private gateway: one codec reads both.
      const codec = codecOfType(type);
      entries.push({ stack, logicalId, body, type, excluded: s.scope.isExcluded(logicalId), ...(codec ? { codec } : {}) });
    }
  });

  const unplaceable = new Map<string, string>();
  let pass: Pass | undefined;
  for (let round = 0; round <= entries.length; round++) {
    pass = readPass(stacks, entries, unplaceable, setSink, account);
    // What a resource reported in the pass that set it aside explains why: it is kept.
    stable.push(...pass.setAsideIssues);
    if (pass.newlyUnplaceable.size === 0) break;
    for (const [key, reason] of pass.newlyUnplaceable) unplaceable.set(key, reason);
  }
  const final = pass!;
  const unmodelled: UnmodelledResource[] = [...invalid];
  for (const entry of entries) {
    if (final.planned.has(keyOf(entry.stack, entry.logicalId)) || final.folded.has(keyOf(entry.stack, entry.logicalId))) continue;
    const reason = entry.excluded ? 'condition-false' : entry.codec ? 'unplaceable' : 'unmodelled-type';
    unmodelled.push({ stack: entry.stack, logicalId: entry.logicalId, type: entry.type, body: entry.body, reason });
    const where = { stack: stacks[entry.stack]!.stack.name, logicalId: entry.logicalId };
    if (reason === 'condition-false') {
      const condition = describeValue(entry.body['Condition']);
      final.issues.push({ severity: 'note', code: 'condition-false', ...where, message: `left out of the stack: its Condition ${condition} is false`, params: { condition } });
    } else if (reason === 'unplaceable') {
      final.issues.push({ severity: 'warning', code: 'unplaceable', ...where, message: `${entry.type} not placed on the board: ${unplaceable.get(keyOf(entry.stack, entry.logicalId))}; kept for export` });
    } else if (READ_OFF_BOARD.has(entry.type)) {
      final.issues.push({ severity: 'note', code: 'unmodelled-type', ...where, message: `${entry.type} is not on the board; ${READ_OFF_BOARD.get(entry.type)}; kept for export` });
    } else {
      final.issues.push({ severity: 'warning', code: 'unmodelled-type', ...where, message: `${entry.type} is not modelled by the game; kept for export`, params: { type: entry.type } });
    }
  }
  return { resources: final.resources, unmodelled, issues: [...stable, ...final.issues] };
}

/** Types kept off the board that the simulation still reads (shared/sim/compile/topics.ts): a note, not a warning. */
const READ_OFF_BOARD: ReadonlyMap<string, string> = new Map([
  ['AWS::SNS::Topic', 'the game reads who subscribes to it, for the alarms that notify it'],
  ['AWS::SNS::Subscription', 'the game reads it as a subscriber of its topic, for the alarms that notify it'],
]);

interface Pass {
  planned: Map<string, PlannedResource>;
  folded: Set<string>;
  resources: Resource[];
  issues: DesignIssue[];
  setAsideIssues: DesignIssue[];
  newlyUnplaceable: Map<string, string>;
}

function keyOf(stack: number, logicalId: string): string {
  return `${stack}/${logicalId}`;
}

function readPass(
  stacks: PreparedStack[],
  entries: Entry[],
  unplaceable: Map<string, string>,
  setSink: (sink: (i: DesignIssue) => void) => void,
  account: AccountView,
): Pass {
  const issues: DesignIssue[] = [];
  setSink((issue) => issues.push(issue));
  for (const s of stacks) s.scope.conditionMemo.clear();

  // Ids: one per board resource in template order, derived resources right after the one they come from.
  const planned = new Map<string, PlannedResource>();
  const derived = new Map<string, PlannedResource>();
  let next = 0;
  for (const e of entries) {
    if (!e.codec || e.excluded || unplaceable.has(keyOf(e.stack, e.logicalId))) continue;
    const id = next++;
    planned.set(keyOf(e.stack, e.logicalId), { id, kind: e.codec.kind, stack: e.stack, logicalId: e.logicalId, awsType: e.type });
    for (const d of e.codec.derives ?? []) {
      const logicalId = freeName(stacks[e.stack]!.scope.resources, `${e.logicalId}${d.suffix}`);
      derived.set(`${id}/${d.kind}`, { id: next++, kind: d.kind, stack: e.stack, logicalId, awsType: e.type });
    }
  }
  const folded = foldIngress(stacks, entries, planned);
  const resources: Resource[] = [];
  const newlyUnplaceable = new Map<string, string>();
  const setAsideIssues: DesignIssue[] = [];

  for (const e of entries) {
    const self = planned.get(keyOf(e.stack, e.logicalId));
    if (!self || !e.codec) continue;
    const stackName = stacks[e.stack]!.stack.name;
    const own: DesignIssue[] = [];
    setSink((issue) => own.push(issue));
    const report = (severity: DesignIssue['severity'], code: string, message: string, params?: DesignIssue['params']) =>
      own.push({ severity, code, stack: stackName, logicalId: e.logicalId, message, ...(params ? { params } : {}) });
    let emitted: Resource['props'][] = [];
    let problem: string | undefined;
    const env: ReadEnv = {
      scope: stacks[e.stack]!.scope,
      logicalId: e.logicalId,
      selfId: self.id,
      planned: (stack, logicalId) => planned.get(keyOf(stack, logicalId)),
      derivedOf: (id, kind) => derived.get(`${id}/${kind}`),
      regionOf: (stack) => stacks[stack]?.stack.region ?? '',
      hasDefaultVpc: account.hasDefaultVpc,
      accountStack: (region) => {
        account.asked(region);
        const index = stacks.findIndex((s) => s.stack.account && s.stack.region === region);
        return index < 0 ? undefined : index;
      },
      emitDerived: (props) => {
        emitted = props;
      },
      unplaceable: (reason) => {
        problem ??= reason;
      },
      foldedIngress: () => folded.get(keyOf(e.stack, e.logicalId)) ?? [],
      report,
    };
    const properties = e.body['Properties'] ?? {};
    let props: Resource['props'] | undefined;
    const reader = new PropertyReader(isPlainObject(properties) ? properties : {}, env);
    if (!isPlainObject(properties)) problem = 'its Properties are not a map';
    else {
      try {
        props = e.codec.read(reader);
      } catch (error) {
        report('error', 'internal-error', `the loader failed on this resource (${error instanceof Error ? error.message : 'unknown'})`);
        problem ??= 'the loader failed on it';
      }
    }
    setSink((issue) => issues.push(issue));
    if (problem !== undefined || props === undefined) {
      newlyUnplaceable.set(keyOf(e.stack, e.logicalId), problem ?? 'a required property is missing');
      setAsideIssues.push(...own.filter((i) => i.code !== 'unmodelled-property'));
      continue;
    }
    const stackOf = e.stack;
    const attributes = readAttributes(e.body, (name) => planned.get(keyOf(stackOf, name))?.id);
    const resource = { id: self.id, stack: e.stack, logicalId: e.logicalId, kind: e.codec.kind, props, ...attributes } as Resource;
    const kept = reader.kept();
    if (kept) {
      resource.unmodelled = kept;
      const properties = keptPaths(kept).join(', ');
      report('note', 'unmodelled-property', `not modelled, kept for export: ${properties}`, { properties });
    }
    const scope = stacks[e.stack]!.scope;
    const written = writtenFormsOf(
      withoutOwnForms(properties as PlainObject, e.codec.ownForms),
      kept,
      (name) => Object.hasOwn(scope.resources, name),
      (raw) => {
        // A value from another stack is written by the exporter as its own Fn::ImportValue: no form to keep.
        const resolved = resolveValue(raw, scope, { logicalId: e.logicalId, path: 'Properties' });
        const foreign = (ref: ResourceRef) => ref.stack !== e.stack && !stacks[ref.stack]?.stack.account;
        return importsOrRefersAcross(raw, resolved, foreign) ? undefined : reader.templateForm(resolved);
      },
    );
    if (written) resource.written = written;
    if (!e.codec.usual) resource.awsType = e.type;
    resources.push(resource);
    (e.codec.derives ?? []).forEach((d, i) => {
      const slot = derived.get(`${self.id}/${d.kind}`)!;
      const props = emitted[i];
      if (props !== undefined) resources.push({ id: slot.id, stack: e.stack, logicalId: slot.logicalId, kind: d.kind, props, partOf: self.id } as Resource);
    });
    issues.push(...own);
  }
  resources.sort((a, b) => a.id - b.id);
  // Ids are indexes: a derived resource a codec failed to emit would leave a hole the simulation cannot skip.
  if (newlyUnplaceable.size === 0 && resources.some((r, i) => r.id !== i)) {
    issues.push({ severity: 'error', code: 'internal-error', message: 'resource ids are not consecutive; the design cannot be used' });
  }
  const foldedKeys = new Set([...folded.values()].flat().map((f) => keyOf(f.stack, f.logicalId)));
  return { planned, folded: foldedKeys, resources, issues, setAsideIssues, newlyUnplaceable };
}

/** Standalone ingress rules naming a security group on the board, by the group they join. */
function foldIngress(stacks: PreparedStack[], entries: Entry[], planned: Map<string, PlannedResource>) {
  const folded = new Map<string, { logicalId: string; stack: number; properties: PlainObject }[]>();
  for (const e of entries) {
    if (e.type !== SECURITY_GROUP_INGRESS || e.excluded || !isPlainObject(e.body['Properties'])) continue;
    const properties = e.body['Properties'];
    const scope = stacks[e.stack]!.scope;
    const group = properties['GroupId'] ?? properties['GroupName'];
    const value = resolveValue(group, scope, { logicalId: e.logicalId, path: 'GroupId' });
    const ref = value instanceof ResourceRef ? value : typeof value === 'string' ? scope.refOfText(value) : undefined;
    const target = ref ? planned.get(keyOf(ref.stack, ref.logicalId)) : undefined;
    if (!target || target.kind !== ('securityGroup' satisfies ResourceKind) || target.stack !== e.stack) continue;
    const key = keyOf(target.stack, target.logicalId);
    folded.set(key, [...(folded.get(key) ?? []), { logicalId: e.logicalId, stack: e.stack, properties }]);
  }
  return folded;
}

/** A logical id not used by the template (derived resources must not collide with declared ones). */
function freeName(resources: PlainObject, wanted: string): string {
  let name = wanted;
  for (let i = 2; Object.hasOwn(resources, name); i++) name = `${wanted}${i}`;
  return name;
}

/** "A, B.C" for the kept properties: top-level keys, and one level into partly read objects. */
function keptPaths(kept: PlainObject): string[] {
  return Object.entries(kept).flatMap(([k, v]) =>
    isPlainObject(v) && Object.keys(v).length <= 6 && !Object.keys(v).some((x) => x === 'Ref' || x.startsWith('Fn::'))
      ? Object.keys(v).map((sub) => `${k}.${sub}`)
      : [k],
  );
}

/** The properties whose author's form is left to the codec (a dashboard's body) are not remembered here. */
function withoutOwnForms(properties: PlainObject, own: readonly string[] | undefined): PlainObject {
  if (own === undefined) return properties;
  const out: PlainObject = {};
  for (const [key, value] of Object.entries(properties)) if (!own.includes(key)) setOwn(out, key, value);
  return out;
}
