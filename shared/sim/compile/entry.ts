// Compiles the way in: fronts (what serves users: load balancers, buckets, instances reached directly),
// CloudFront distributions, web ACLs, Global Accelerators, Route 53 health checks and records, and the
// front door itself: Route 53 if there are records, else an accelerator, a distribution, a public load
// balancer, a public instance, a website bucket — the first that exists.

import { catalogue, readCurve } from '../../catalogue/index.ts';
import type { Design } from '../../design/model.ts';
import { AREA_TO_REGION_RTT_MS, AREAS, REGIONS } from '../../geography/regions.ts';
import {
  AREA_COUNT,
  areaIndex,
  FRONT_BUCKET,
  FRONT_INSTANCE,
  FRONT_LB,
  POLICY_FAILOVER,
  POLICY_LATENCY,
  POLICY_SIMPLE,
  POLICY_WEIGHTED,
  regionIndex,
  TO_ACCELERATOR,
  TO_DISTRIBUTION,
  TO_DNS,
  TO_FRONT,
  TO_NOTHING,
} from '../constants.ts';
import type { ComputeTopology, StorageTopology, EntryTopology, NetworkTopology } from '../topology.ts';
import { roundToStep } from './compute.ts';
import { liveOfKind, refOf } from './network.ts';
import type { DesignWarning } from '../timeline-text.ts';

const POLICIES = { simple: POLICY_SIMPLE, weighted: POLICY_WEIGHTED, latency: POLICY_LATENCY, failover: POLICY_FAILOVER };

export function compileEntry(
  design: Design,
  removed: Uint8Array,
  net: NetworkTopology,
  compute: ComputeTopology,
  storage: StorageTopology,
  labels: string[],
  warnings: DesignWarning[],
): EntryTopology {
  const res = design.resources;
  // Fronts: load balancers, then buckets, then instances that something points at directly.
  const front = { kind: [] as number[], ref: [] as number[], region: [] as number[], pub: [] as number[], resource: [] as number[] };
  const frontOfResource = new Map<number, number>();
  const addFront = (kind: number, ref: number, resource: number, pub: number) => {
    frontOfResource.set(resource, front.kind.length);
    front.kind.push(kind);
    front.ref.push(ref);
    front.region.push(net.resourceRegion[resource]!);
    front.pub.push(pub);
    front.resource.push(resource);
  };
  for (let i = 0; i < compute.lbCount; i++) addFront(FRONT_LB, i, compute.lbResource[i]!, compute.lbPublic[i]!);
  for (let i = 0; i < storage.bucketCount; i++) {
    const b = res[storage.bucketResource[i]!]!;
    addFront(FRONT_BUCKET, i, b.id, b.kind === 'bucket' && b.props.websiteHosting ? 1 : 0);
  }
  const slotOf = new Map<number, number>();
  for (let s = 0; s < compute.instCount; s++) if (compute.instAsg[s] === -1) slotOf.set(compute.instResource[s]!, s);
  /** The front a resource id leads to (created on demand for instances), or -1. */
  const frontOf = (id: number | undefined): number => {
    if (id === undefined || removed[id] === 1) return -1;
    const known = frontOfResource.get(id);
    if (known !== undefined) return known;
    const slot = slotOf.get(id);
    if (slot === undefined) return -1;
    addFront(FRONT_INSTANCE, slot, id, compute.instPublic[slot]!);
    return front.kind.length - 1;
  };

  // Web ACLs.
  const acls = liveOfKind(design, removed, 'webAcl');
  const wafIndex = new Map<number, number>();
  acls.forEach((w, i) => wafIndex.set(w.id, i));
  for (let i = 0; i < compute.lbCount; i++) {
    const r = compute.lbWaf[i]!;
    compute.lbWaf[i] = r >= 0 ? (wafIndex.get(r) ?? -1) : -1;
  }
  const associated = new Map<number, number>();
  for (const a of liveOfKind(design, removed, 'webAclAssociation')) associated.set(a.props.resource, a.props.webAcl);

  // Distributions.
  const dists = liveOfKind(design, removed, 'distribution');
  const distIndex = new Map<number, number>();
  dists.forEach((d, i) => distIndex.set(d.id, i));
  const distOrigin = new Int32Array(dists.length).fill(-1);
  dists.forEach((d, i) => {
    const originId = d.props.origins[0];
    const f = frontOf(originId);
    if (f < 0) {
      warnings.push({ code: 'warnBadOrigin', values: { distribution: labels[d.id]! } });
      return;
    }
    const originKind = front.kind[f]!;
    if (originKind !== FRONT_BUCKET && front.pub[f] !== 1) {
      warnings.push({ code: 'warnPrivateOrigin', values: { distribution: labels[d.id]!, origin: labels[front.resource[f]!]! } });
      return;
    }
    distOrigin[i] = f;
  });
  const priceAreas = catalogue.cloudFront.priceClassAreas.value as Record<string, string[]>;

  // Global Accelerators, their endpoint groups (grouped by accelerator) and endpoints.
  const accs = liveOfKind(design, removed, 'accelerator');
  const accIndex = new Map<number, number>();
  accs.forEach((a, i) => accIndex.set(a.id, i));
  const accOfListener = new Map<number, number>();
  for (const l of liveOfKind(design, removed, 'acceleratorListener')) {
    const a = accIndex.get(l.props.accelerator);
    if (a !== undefined) accOfListener.set(l.id, a);
  }
  const groups = liveOfKind(design, removed, 'endpointGroup').filter((g) => accOfListener.has(g.props.listener));
  groups.sort((x, y) => accOfListener.get(x.props.listener)! - accOfListener.get(y.props.listener)! || x.id - y.id);
  const accGroupStart = new Int32Array(accs.length + 1);
  for (const g of groups) accGroupStart[accOfListener.get(g.props.listener)! + 1]!++;
  for (let a = 0; a < accs.length; a++) accGroupStart[a + 1] = accGroupStart[a + 1]! + accGroupStart[a]!;
  const ep = { front: [] as number[], weight: [] as number[], group: [] as number[] };
  const egEndpointStart: number[] = [0];
  groups.forEach((g, gi) => {
    for (const e of g.props.endpoints) {
      const f = frontOf(e.target);
      if (f < 0 || front.kind[f] === FRONT_BUCKET) {
        warnings.push({ code: 'warnBadEndpoint', values: { accelerator: labels[g.id]! } });
        continue;
      }
      ep.front.push(f);
      ep.weight.push(Math.max(0, e.weight));
      ep.group.push(gi);
    }
    egEndpointStart.push(ep.front.length);
  });
  const egRegion = Int16Array.from(groups.map((g) => Math.max(0, regionIndex(g.props.region))));
  const egOrder = new Int32Array(AREA_COUNT * groups.length);
  for (let area = 0; area < AREA_COUNT; area++) {
    const rtt = AREA_TO_REGION_RTT_MS[AREAS[area]!.code];
    for (let a = 0; a < accs.length; a++) {
      const ids: number[] = [];
      for (let g = accGroupStart[a]!; g < accGroupStart[a + 1]!; g++) ids.push(g);
      ids.sort((x, y) => rtt[REGIONS[egRegion[x]!]!.code] - rtt[REGIONS[egRegion[y]!]!.code] || x - y);
      ids.forEach((g, k) => (egOrder[area * groups.length + accGroupStart[a]! + k] = g));
    }
  }

  // Route 53 health checks.
  const checks = liveOfKind(design, removed, 'healthCheck');
  const hcIndex = new Map<number, number>();
  checks.forEach((c, i) => hcIndex.set(c.id, i));
  const hcFront = Int32Array.from(checks.map((c) => frontOf(c.props.target)));

  // The front-door record group.
  const records = liveOfKind(design, removed, 'recordSet');
  const norm = (name: string) => name.toLowerCase().replace(/\.$/, '');
  const addressable = records.filter((r) => /^(A|AAAA|CNAME)$/i.test(r.props.recordType));
  const first = addressable[0] ?? records[0];
  const door = first ? records.filter((r) => norm(r.props.name) === norm(first.props.name) && r.props.recordType === first.props.recordType) : [];
  const others = new Set(records.filter((r) => !door.includes(r)).map((r) => norm(r.props.name)));
  for (const name of others) if (first) warnings.push({ code: 'warnIdleRecord', values: { name: norm(first.props.name), record: name } });
  const targetOf = (id: number | undefined): [number, number] => {
    if (id === undefined || removed[id] === 1) return [TO_NOTHING, -1];
    const r = res[id];
    if (r?.kind === 'distribution') return [TO_DISTRIBUTION, distIndex.get(id) ?? -1];
    if (r?.kind === 'accelerator') return [TO_ACCELERATOR, accIndex.get(id) ?? -1];
    const f = frontOf(id);
    return f >= 0 ? [TO_FRONT, f] : [TO_NOTHING, -1];
  };
  const recTargetKind = new Uint8Array(door.length);
  const recTarget = new Int32Array(door.length).fill(-1);
  const recRegion = new Int16Array(door.length).fill(-1);
  door.forEach((r, i) => {
    const [kind, index] = targetOf(r.props.target);
    recTargetKind[i] = index >= 0 ? kind : TO_NOTHING;
    recTarget[i] = index;
    if (kind === TO_NOTHING || index < 0) warnings.push({ code: 'warnRecordToNothing', values: { record: labels[r.id]! } });
    if (kind === TO_FRONT && index >= 0 && front.pub[index] !== 1) {
      warnings.push({ code: 'warnPrivateRecordTarget', values: { record: labels[r.id]!, target: labels[front.resource[index]!]! } });
    }
    const named = r.props.region ? regionIndex(r.props.region) : -1;
    recRegion[i] = named >= 0 ? named : kind === TO_FRONT && index >= 0 ? front.region[index]! : -1;
  });
  let ttl = Infinity;
  for (const r of door) {
    const t = r.props.ttlS > 0 ? r.props.ttlS : r.props.target !== undefined ? catalogue.route53.aliasTtlS.value : catalogue.route53.defaultTtlS.value;
    ttl = Math.min(ttl, t);
  }
  const policy = first ? POLICIES[first.props.policy] : POLICY_SIMPLE;
  const allAlias = door.length > 0 && door.every((r) => r.props.target !== undefined);
  const perMillion =
    policy === POLICY_LATENCY ? catalogue.route53.perMillionLatencyQueriesUsd.value : catalogue.route53.perMillionQueriesUsd.value;

  // The front door.
  let entryKind = TO_NOTHING;
  let entryIndex = -1;
  let entryLabel = 'nothing';
  const firstPublicLb = Array.from(compute.lbPublic).indexOf(1);
  const firstPublicInstance = Array.from({ length: compute.instCount }, (_, s) => s).find(
    (s) => compute.instAsg[s] === -1 && compute.instPublic[s] === 1,
  );
  const firstWebsite = front.kind.findIndex((k, f) => k === FRONT_BUCKET && front.pub[f] === 1);
  if (door.length > 0) {
    entryKind = TO_DNS;
    entryLabel = `Route 53 ${norm(first!.props.name)}`;
  } else if (accs.some((a) => a.props.enabled)) {
    entryKind = TO_ACCELERATOR;
    entryIndex = accs.findIndex((a) => a.props.enabled);
    entryLabel = labels[accs[entryIndex]!.id]!;
  } else if (dists.length > 0) {
    entryKind = TO_DISTRIBUTION;
    entryIndex = 0;
    entryLabel = labels[dists[0]!.id]!;
  } else if (firstPublicLb >= 0) {
    entryKind = TO_FRONT;
    entryIndex = firstPublicLb;
    entryLabel = labels[compute.lbResource[firstPublicLb]!]!;
  } else if (firstPublicInstance !== undefined) {
    entryKind = TO_FRONT;
    entryIndex = frontOf(compute.instResource[firstPublicInstance]);
    entryLabel = labels[compute.instResource[firstPublicInstance]!]!;
  } else if (firstWebsite >= 0) {
    entryKind = TO_FRONT;
    entryIndex = firstWebsite;
    entryLabel = labels[front.resource[firstWebsite]!]!;
  } else {
    warnings.push({ code: 'warnNoEntry', values: {} });
  }

  return {
    frontCount: front.kind.length,
    frontKind: Uint8Array.from(front.kind),
    frontRef: Int32Array.from(front.ref),
    frontRegion: Int16Array.from(front.region),
    frontPublic: Uint8Array.from(front.pub),
    frontResource: Int32Array.from(front.resource),

    distCount: dists.length,
    distResource: Int32Array.from(dists.map((d) => d.id)),
    distOrigin,
    distStaticHit: Float64Array.from(
      dists.map((d) => readCurve(catalogue.cloudFront.staticHitRatioByTtl.points, Math.max(0, d.props.defaultTtlS))),
    ),
    distAreaMask: Int32Array.from(
      dists.map((d) => (priceAreas[d.props.priceClass] ?? []).reduce((m, code) => m | (1 << areaIndex(code)), 0)),
    ),
    distWaf: Int32Array.from(
      dists.map((d) => wafIndex.get(d.props.webAcl ?? associated.get(d.id) ?? -1) ?? -1),
    ),

    wafCount: acls.length,
    wafResource: Int32Array.from(acls.map((w) => w.id)),
    wafRateLimit: Float64Array.from(acls.map((w) => (w.props.rateLimit && w.props.rateLimit > 0 ? w.props.rateLimit : 0))),
    wafBlockedMask: Int32Array.from(
      acls.map((w) => w.props.blockedAreas.reduce((m, code) => (areaIndex(code) >= 0 ? m | (1 << areaIndex(code)) : m), 0)),
    ),
    wafRules: Int32Array.from(acls.map((w) => (w.props.rateLimit ? 1 : 0) + (w.props.blockedAreas.length > 0 ? 1 : 0))),

    accCount: accs.length,
    accResource: Int32Array.from(accs.map((a) => a.id)),
    accEnabled: Uint8Array.from(accs.map((a) => (a.props.enabled ? 1 : 0))),
    accGroupStart,
    egRegion,
    egDial: Float64Array.from(groups.map((g) => Math.min(100, Math.max(0, g.props.trafficDialPct)) / 100)),
    egIntervalS: Int32Array.from(
      groups.map((g) => roundToStep(g.props.healthCheckIntervalS > 0 ? g.props.healthCheckIntervalS : catalogue.globalAccelerator.healthCheckIntervalS.value)),
    ),
    egThreshold: Int32Array.from(
      groups.map((g) => Math.max(1, g.props.thresholdCount > 0 ? g.props.thresholdCount : catalogue.globalAccelerator.thresholdCount.value)),
    ),
    egEndpointStart: Int32Array.from(egEndpointStart),
    egOrder,
    epCount: ep.front.length,
    epFront: Int32Array.from(ep.front),
    epWeight: Float64Array.from(ep.weight),
    epGroup: Int32Array.from(ep.group),

    hcCount: checks.length,
    hcResource: Int32Array.from(checks.map((c) => c.id)),
    hcFront,
    hcIntervalS: Int32Array.from(checks.map((c) => roundToStep(c.props.intervalS > 0 ? c.props.intervalS : catalogue.route53.healthCheckIntervalS.value))),
    hcThreshold: Int32Array.from(checks.map((c) => Math.max(1, c.props.failureThreshold || catalogue.route53.failureThreshold.value))),

    recCount: door.length,
    recResource: Int32Array.from(door.map((r) => r.id)),
    recPolicy: policy,
    recTargetKind,
    recTarget,
    recWeight: Float64Array.from(door.map((r) => Math.max(0, r.props.weight ?? (policy === POLICY_WEIGHTED ? 0 : 1)))),
    recRegion,
    recFailover: Uint8Array.from(door.map((r) => (r.props.failover === 'PRIMARY' ? 1 : r.props.failover === 'SECONDARY' ? 2 : 0))),
    recHc: Int32Array.from(door.map((r) => (r.props.healthCheck !== undefined ? (hcIndex.get(r.props.healthCheck) ?? -1) : -1))),
    recEvaluate: Uint8Array.from(door.map((r) => (r.props.evaluateTargetHealth ? 1 : 0))),
    dnsTtlS: door.length > 0 ? roundToStep(ttl) : 0,
    dnsPerQueryUsd: allAlias ? 0 : perMillion / 1e6,

    entryKind,
    entryIndex,
    entryLabel,
  };
}
