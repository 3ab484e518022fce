// The load balancer inspector's model: what the board holds of one load balancer (its listeners, their rules,
// its target groups) and what the shared rules let a player change on it, by its kind (shared/design/
// lb-settings.ts). No rule is decided here: the options come from the shared table, and every change still goes
// to the server as a configure intent that the shared checks accept or refuse.
import { familyOf, loadBalancerSettings, type LoadBalancerSettings } from '../../shared/design/lb-settings.ts';
import type { BoardResource } from '../net/snapshot.ts';

export interface ForwardView {
  targetGroup: string;
  weight: number;
}

export interface RuleView {
  ref: string;
  priority: number;
  /** Each condition as [field, values]: path-pattern, host-header, http-request-method, http-header. */
  conditions: { field: 'path' | 'host' | 'method' | 'header'; values: string[]; name?: string }[];
  forward: ForwardView[];
}

export interface ListenerView {
  ref: string;
  protocol: string;
  port: number;
  /** A GWLB's listener: every packet on every port, no protocol. */
  allTraffic: boolean;
  certificate: string;
  /** Protocols the player may pick for it (its own kept first when the rules no longer list it). */
  protocols: string[];
  /** Whether its protocol ends TLS on the load balancer and so takes a certificate. */
  takesCertificate: boolean;
  defaultForward: ForwardView[];
  rules: RuleView[];
}

export interface TargetGroupView {
  ref: string;
  logicalId: string;
  protocol: string;
  port: number;
  algorithm: string;
  anomalyMitigation: boolean;
  stickiness: boolean;
  stickinessType: string;
  stickinessDurationS: number | undefined;
  /** Its own cross-zone setting, or undefined when it follows the load balancer's. */
  crossZone: boolean | undefined;
  healthPath: string | undefined;
  targets: number;
}

export interface LoadBalancerPanel {
  settings: LoadBalancerSettings;
  listeners: ListenerView[];
  groups: TargetGroupView[];
  /** An NLB's Elastic IPs (0: AWS gives one static address per enabled AZ). */
  elasticIps: number;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);

function forwardOf(v: unknown): ForwardView[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((f) => (f && typeof f === 'object' && typeof (f as { targetGroup?: unknown }).targetGroup === 'string' ? [{ targetGroup: (f as { targetGroup: string }).targetGroup, weight: num((f as { weight?: unknown }).weight, 1) }] : []));
}

function ruleOf(r: BoardResource): RuleView {
  const p = r.props;
  const conditions: RuleView['conditions'] = [];
  if (list(p.pathPatterns).length) conditions.push({ field: 'path', values: list(p.pathPatterns) });
  if (list(p.hostHeaders).length) conditions.push({ field: 'host', values: list(p.hostHeaders) });
  if (list(p.httpMethods).length) conditions.push({ field: 'method', values: list(p.httpMethods) });
  for (const hd of Array.isArray(p.httpHeaders) ? (p.httpHeaders as { name?: unknown; values?: unknown }[]) : []) {
    if (typeof hd?.name === 'string') conditions.push({ field: 'header', name: hd.name, values: list(hd.values) });
  }
  return { ref: r.ref, priority: num(p.priority), conditions, forward: forwardOf(p.forward) };
}

/** The panel of load balancer `lb`, whose board parts are `parts` (listeners, rules, target groups). */
export function loadBalancerPanel(lb: BoardResource, parts: readonly BoardResource[]): LoadBalancerPanel {
  const settings = loadBalancerSettings(familyOf(lb.props.lbType, lb.awsType));
  const listeners = parts
    .filter((x) => x.kind === 'listener')
    .map((l): ListenerView => {
      const protocol = String(l.props.protocol ?? '').toUpperCase();
      const protocols = settings.listenerProtocols.includes(protocol) || protocol === '' ? settings.listenerProtocols : [protocol, ...settings.listenerProtocols];
      return {
        ref: l.ref,
        protocol,
        port: num(l.props.port),
        allTraffic: l.props.allTraffic === true,
        certificate: typeof l.props.certificate === 'string' ? l.props.certificate : '',
        protocols,
        takesCertificate: settings.certificateProtocols.includes(protocol),
        defaultForward: forwardOf(l.props.forward),
        rules: parts
          .filter((r) => r.kind === 'listenerRule' && r.props.listener === l.ref)
          .map(ruleOf)
          .sort((a, b) => a.priority - b.priority),
      };
    });
  const groups = parts
    .filter((x) => x.kind === 'targetGroup')
    .map((g): TargetGroupView => {
      const p = g.props;
      const hc = (p.healthCheck ?? {}) as { path?: unknown };
      return {
        ref: g.ref,
        logicalId: g.logicalId,
        protocol: String(p.protocol ?? ''),
        port: num(p.port),
        algorithm: String(p.algorithm ?? 'round_robin'),
        anomalyMitigation: p.anomalyMitigation === true,
        stickiness: p.stickiness === true,
        stickinessType: String(p.stickinessType ?? 'lb_cookie'),
        stickinessDurationS: typeof p.stickinessDurationS === 'number' ? p.stickinessDurationS : undefined,
        crossZone: typeof p.crossZone === 'boolean' ? p.crossZone : undefined,
        healthPath: typeof hc.path === 'string' ? hc.path : undefined,
        targets: list(p.targets).length,
      };
    });
  return { settings, listeners, groups, elasticIps: num(lb.props.elasticIps) };
}

/** The cross-zone setting a target group has in effect: its own, or its load balancer's (always on for an ALB). */
export function effectiveCrossZone(panel: LoadBalancerPanel, group: TargetGroupView, lbCrossZone: boolean): boolean {
  if (group.crossZone !== undefined) return group.crossZone;
  return panel.settings.crossZoneOn === 'targetGroup' ? true : lbCrossZone;
}

/** A listener's default action with target group `ref` given weight `weight` (the others kept). */
export function withWeight(forward: readonly ForwardView[], ref: string, weight: number): ForwardView[] {
  return forward.map((f) => (f.targetGroup === ref ? { targetGroup: f.targetGroup, weight } : { ...f }));
}
