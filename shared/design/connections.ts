import type { Design, Resource, ResourceKind } from './model.ts';
import { findByRef, freeLogicalId, withoutResources, type DesignRules, type EditResult } from './edits.ts';
import { refusal } from '../protocol/refusals.ts';
import { PROPS_SCHEMAS } from './schema.ts';
import { copyPlain } from './copy.ts';
import { endpointGroupDefaults } from '../catalogue/defaults.ts';

// Drawing a line between two resources on the board. Each pair of kinds that can be connected says what the
// connection means in CloudFormation terms (registering targets, an alias record, an origin, an alarm
// action, a peering, …) and how to undo it. The order in which a player picks the two does not matter.

type Props = Record<string, unknown>;

interface Connection {
  from: ResourceKind;
  to: readonly ResourceKind[];
  /** What the connection is called in the UI and the audit log. */
  meaning: string;
  connect(design: Design, from: Resource, to: Resource): void;
  disconnect(design: Design, from: Resource, to: Resource): void;
}

function addTo(props: Props, field: string, id: number): void {
  const list = (props[field] as number[] | undefined) ?? [];
  if (!list.includes(id)) props[field] = [...list, id];
}
function removeFrom(props: Props, field: string, id: number): void {
  props[field] = ((props[field] as number[] | undefined) ?? []).filter((x) => x !== id);
}
function setField(field: string): Pick<Connection, 'connect' | 'disconnect'> {
  return {
    connect: (_d, from, to) => void ((from.props as Props)[field] = to.id),
    disconnect: (_d, from, to) => {
      if ((from.props as Props)[field] === to.id) delete (from.props as Props)[field];
    },
  };
}
function listField(field: string): Pick<Connection, 'connect' | 'disconnect'> {
  return {
    connect: (_d, from, to) => addTo(from.props as Props, field, to.id),
    disconnect: (_d, from, to) => removeFrom(from.props as Props, field, to.id),
  };
}

/** Appends a new resource to a design (a connection that needs a resource of its own, like a peering). */
function addResource(design: Design, stack: number, kind: ResourceKind, props: Props): void {
  design.resources.push({ id: design.resources.length, stack, logicalId: freeLogicalId(design, stack, kind), kind, props } as Resource);
}
/** Removes the resources a connection made (a peering, an attachment), renumbering as a delete does. */
function removeWhere(design: Design, match: (r: Resource) => boolean): void {
  design.resources = withoutResources(design, new Set(design.resources.filter(match).map((r) => r.id))).resources;
}

const CONNECTIONS: readonly Connection[] = [
  { from: 'autoScalingGroup', to: ['targetGroup'], meaning: 'registers its instances with', ...listField('targetGroups') },
  { from: 'targetGroup', to: ['instance'], meaning: 'routes to', ...listField('targets') },
  {
    from: 'listener',
    to: ['targetGroup'],
    meaning: 'forwards to',
    connect: (_d, from, to) => {
      const forward = (from.props as Props).forward as { targetGroup: number; weight: number }[];
      if (!forward.some((f) => f.targetGroup === to.id)) forward.push({ targetGroup: to.id, weight: 1 });
    },
    disconnect: (_d, from, to) => {
      const props = from.props as Props;
      props.forward = (props.forward as { targetGroup: number }[]).filter((f) => f.targetGroup !== to.id);
    },
  },
  {
    from: 'loadBalancer',
    to: ['targetGroup'],
    meaning: 'forwards to',
    // A load balancer forwards through a listener: use its first one, or open HTTP :80 as the console does.
    connect: (design, from, to) => {
      const listener = design.resources.find((r) => r.kind === 'listener' && r.props.loadBalancer === from.id);
      if (listener) CONNECTIONS[2]!.connect(design, listener, to);
      else addResource(design, from.stack, 'listener', { loadBalancer: from.id, port: 80, protocol: 'HTTP', forward: [{ targetGroup: to.id, weight: 1 }] });
    },
    disconnect: (design, from, to) => {
      for (const r of design.resources) if (r.kind === 'listener' && r.props.loadBalancer === from.id) CONNECTIONS[2]!.disconnect(design, r, to);
    },
  },
  { from: 'recordSet', to: ['loadBalancer', 'distribution', 'accelerator', 'bucket', 'instance'], meaning: 'resolves to', ...setField('target') },
  { from: 'recordSet', to: ['healthCheck'], meaning: 'is health-checked by', ...setField('healthCheck') },
  { from: 'healthCheck', to: ['loadBalancer', 'instance', 'distribution', 'accelerator'], meaning: 'checks', ...setField('target') },
  { from: 'distribution', to: ['loadBalancer', 'bucket', 'instance'], meaning: 'fetches from', ...listField('origins') },
  { from: 'distribution', to: ['webAcl'], meaning: 'is protected by', ...setField('webAcl') },
  {
    from: 'endpointGroup',
    to: ['loadBalancer', 'instance'],
    meaning: 'accelerates',
    connect: (_d, from, to) => {
      const endpoints = (from.props as Props).endpoints as { target: number; weight: number }[];
      if (!endpoints.some((e) => e.target === to.id)) endpoints.push({ target: to.id, weight: endpointGroupDefaults().endpointWeight });
    },
    disconnect: (_d, from, to) => {
      const props = from.props as Props;
      props.endpoints = (props.endpoints as { target: number }[]).filter((e) => e.target !== to.id);
    },
  },
  { from: 'alarm', to: ['scalingPolicy'], meaning: 'triggers', ...listField('alarmActions') },
  { from: 'alarm', to: ['autoScalingGroup', 'loadBalancer', 'targetGroup', 'database', 'instance', 'distribution'], meaning: 'watches', ...setField('subject') },
  { from: 'scalingPolicy', to: ['autoScalingGroup'], meaning: 'scales', ...setField('group') },
  { from: 'database', to: ['database'], meaning: 'replicates from', ...setField('source') },
  {
    from: 'webAcl',
    to: ['loadBalancer'],
    meaning: 'protects',
    connect: (design, from, to) => {
      const exists = design.resources.some((r) => r.kind === 'webAclAssociation' && r.props.webAcl === from.id && r.props.resource === to.id);
      if (!exists) addResource(design, to.stack, 'webAclAssociation', { webAcl: from.id, resource: to.id });
    },
    disconnect: (design, from, to) =>
      removeWhere(design, (r) => r.kind === 'webAclAssociation' && r.props.webAcl === from.id && r.props.resource === to.id),
  },
  {
    from: 'vpc',
    to: ['vpc'],
    meaning: 'is peered with',
    connect: (design, from, to) => {
      const exists = design.resources.some(
        (r) => r.kind === 'vpcPeering' && [r.props.vpc, r.props.peerVpc].includes(from.id) && [r.props.vpc, r.props.peerVpc].includes(to.id),
      );
      if (!exists) addResource(design, from.stack, 'vpcPeering', { vpc: from.id, peerVpc: to.id });
    },
    disconnect: (design, from, to) =>
      removeWhere(design, (r) => r.kind === 'vpcPeering' && [r.props.vpc, r.props.peerVpc].includes(from.id) && [r.props.vpc, r.props.peerVpc].includes(to.id)),
  },
  {
    from: 'transitGateway',
    to: ['vpc'],
    meaning: 'attaches',
    // An attachment takes one subnet per zone of the VPC, as AWS requires.
    connect: (design, from, to) => {
      if (design.resources.some((r) => r.kind === 'transitGatewayAttachment' && r.props.transitGateway === from.id && r.props.vpc === to.id)) return;
      const perZone = new Map<string, number>();
      for (const r of design.resources) if (r.kind === 'subnet' && r.props.vpc === to.id && !perZone.has(r.props.zone)) perZone.set(r.props.zone, r.id);
      addResource(design, to.stack, 'transitGatewayAttachment', { transitGateway: from.id, vpc: to.id, subnets: [...perZone.values()] });
    },
    disconnect: (design, from, to) =>
      removeWhere(design, (r) => r.kind === 'transitGatewayAttachment' && r.props.transitGateway === from.id && r.props.vpc === to.id),
  },
];

function ruleFor(a: Resource, b: Resource): { rule: Connection; from: Resource; to: Resource } | undefined {
  for (const rule of CONNECTIONS) {
    if (rule.from === a.kind && rule.to.includes(b.kind)) return { rule, from: a, to: b };
  }
  for (const rule of CONNECTIONS) {
    if (rule.from === b.kind && rule.to.includes(a.kind)) return { rule, from: b, to: a };
  }
  return undefined;
}

/** Whether two kinds can be connected, and what it would mean: the board uses it to offer only valid lines. */
export function connectionMeaning(a: ResourceKind, b: ResourceKind): string | undefined {
  return CONNECTIONS.find((c) => (c.from === a && c.to.includes(b)) || (c.from === b && c.to.includes(a)))?.meaning;
}

function change(current: Design, refA: string, refB: string, rules: DesignRules, undo: boolean): EditResult {
  const a = findByRef(current, refA);
  const b = findByRef(current, refB);
  if (!a) return { ok: false, refusal: refusal('unknown-resource', refA) };
  if (!b) return { ok: false, refusal: refusal('unknown-resource', refB) };
  const found = a.id === b.id ? undefined : ruleFor(a, b);
  if (!found) return { ok: false, refusal: refusal('cannot-connect', `${a.kind} ↔ ${b.kind}`) };
  const design = copyPlain(current);
  const from = design.resources[found.from.id]!;
  const to = design.resources[found.to.id]!;
  if (undo) found.rule.disconnect(design, from, to);
  else found.rule.connect(design, from, to);
  for (const r of design.resources) {
    const parsed = PROPS_SCHEMAS[r.kind].safeParse(r.props);
    if (!parsed.success) return { ok: false, refusal: refusal('invalid-properties', `${r.logicalId}: ${parsed.error.issues[0]?.message ?? ''}`) };
  }
  const error = rules(design).find((i) => i.severity === 'error');
  if (error) return { ok: false, refusal: { code: 'design-rule', message: error.message, detail: error.code } };
  return { ok: true, design };
}

export function connectResources(design: Design, a: string, b: string, rules: DesignRules): EditResult {
  return change(design, a, b, rules, false);
}

export function disconnectResources(design: Design, a: string, b: string, rules: DesignRules): EditResult {
  return change(design, a, b, rules, true);
}
