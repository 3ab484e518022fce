// Compiles what watches and steers the world: CloudWatch alarms (metric, statistic, periods, actions),
// scaling policies, scheduled actions and budgets, plus the hourly bill of everything priced per hour that
// neither an instance nor a database instance pays.

import { catalogue, priceFactorOf } from '../../catalogue/index.ts';
import type { Design } from '../../design/model.ts';
import { BILL_CELLS, cellOf, GLOBAL_SLOT, regionSlot, S_ACCELERATOR, S_CLOUDWATCH, S_ELASTICACHE, S_ELB, S_RDS, S_ROUTE53, S_TRANSIT_GATEWAY, S_VPC, S_WAF } from '../bill.ts';
import { STEP_SECONDS } from '../constants.ts';
import type { ComputeTopology, ControlTopology, StorageTopology, EntryTopology, NetworkTopology } from '../topology.ts';
import { roundToStep } from './compute.ts';
import { liveOfKind, refOf } from './network.ts';
import type { DesignWarning } from '../timeline-text.ts';
import { snapshotsOf } from '../../account/retained-stack.ts';
import { snapshotHourlyUsd } from '../snapshot-price.ts';
import { cacheNodesOf } from './session-store.ts';
import { metricOf, type MetricSubject } from '../../catalogue/metrics.ts';
import type { Resource } from '../../design/model.ts';
import { compileTopics } from './topics.ts';
import { compileLogFilters, logMetricKey } from './log-filters.ts';

import { ACT_POLICY, ACT_REBOOT, ACT_RECOVER, ACT_STOP, ACT_TERMINATE, ACT_TOPIC, CMP_GE, CMP_GT, CMP_LE, CMP_LT, MEASURE_CODE, M_LOG_METRIC, M_STATUS_SYSTEM, M_UNKNOWN, STAT_AVERAGE } from './alarm-codes.ts';
import { STAT_CODES } from '../statistic.ts';

// The codes stand in their own file; importers of control.ts still find them here.
export * from './alarm-codes.ts';

const EC2_ACTIONS: Record<string, number> = { stop: ACT_STOP, terminate: ACT_TERMINATE, reboot: ACT_REBOOT, recover: ACT_RECOVER };
const CMPS = {
  GreaterThanThreshold: CMP_GT,
  GreaterThanOrEqualToThreshold: CMP_GE,
  LessThanThreshold: CMP_LT,
  LessThanOrEqualToThreshold: CMP_LE,
};

export function compileControl(
  design: Design,
  removed: Uint8Array,
  net: NetworkTopology,
  compute: ComputeTopology,
  storage: StorageTopology,
  entry: EntryTopology,
  labels: string[],
  warnings: DesignWarning[],
): ControlTopology {
  const res = design.resources;
  const indexIn = (list: Int32Array, id: number | undefined) => (id === undefined ? -1 : list.indexOf(id));

  // Scaling policies.
  const policies = liveOfKind(design, removed, 'scalingPolicy');
  const policyAsg = Int32Array.from(policies.map((p) => indexIn(compute.asgResource, p.props.group)));
  const types = { SimpleScaling: 0, StepScaling: 1, TargetTrackingScaling: 2 };
  policies.forEach((p, i) => {
    if (policyAsg[i]! < 0) warnings.push({ code: 'warnPolicyWithoutGroup', values: { policy: labels[p.id]! } });
    else if (p.props.policyType === 'TargetTrackingScaling') compute.asgTracking[policyAsg[i]!] = i;
  });

  // Alarms: which metric of which component.
  const policyIndex = new Map(policies.map((p, i) => [p.id, i]));
  const alarms = liveOfKind(design, removed, 'alarm');
  const metric: number[] = [];
  const subject: number[] = [];
  const ringStart: number[] = [0];
  const actionStart: number[] = [0];
  const actions: number[] = [];
  const actionKind: number[] = [];
  const topics = compileTopics(design);
  // OKActions and InsufficientDataActions: the SNS topics they name (the game runs no other action on those states).
  const okTopics: number[][] = [];
  const insufficientTopics: number[][] = [];
  const topicsOf = (stack: number, targets: string[] | undefined): number[] => (targets ?? []).map((text) => topics.find(stack, text)).filter((t) => t >= 0);
  const logs = compileLogFilters(design, removed, labels, warnings);
  for (const a of alarms) {
    const subj = a.props.subject !== undefined && removed[a.props.subject] !== 1 ? res[a.props.subject] : undefined;
    const found = subjectOf(subj, a.props.namespace, compute, storage, entry);
    const known = metricOf(a.props.namespace, a.props.metric, found?.subject);
    let m = known && found && found.index >= 0 ? MEASURE_CODE[known.measure] : M_UNKNOWN;
    let s = m === M_UNKNOWN ? -1 : found!.index;
    // A filter's metric has no dimensions: only an alarm naming none (of the board or kept) is on it.
    const dimensions = a.unmodelled?.['Dimensions'];
    if (m === M_UNKNOWN && a.props.subject === undefined && (!Array.isArray(dimensions) || dimensions.length === 0)) {
      const lm = logs.logMetricKey.indexOf(logMetricKey(design.stacks[a.stack]?.region ?? '', a.props.namespace, a.props.metric));
      if (lm >= 0) {
        m = M_LOG_METRIC;
        s = lm;
      }
    }
    if (m === M_UNKNOWN) {
      warnings.push({ code: 'warnUnwatchedMetric', values: { alarm: labels[a.id]!, namespace: a.props.namespace, metric: a.props.metric } });
      m = M_UNKNOWN;
    }
    metric.push(m);
    subject.push(s);
    ringStart.push(ringStart[ringStart.length - 1]! + Math.max(1, a.props.evaluationPeriods));
    for (const id of a.props.alarmActions) {
      const p = policyIndex.get(id);
      if (p !== undefined) {
        actions.push(p);
        actionKind.push(ACT_POLICY);
      }
    }
    // (Designs written before notifications existed carry none.)
    for (const text of a.props.notifications ?? []) {
      // arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover acts on the instance the alarm's InstanceId names.
      const ec2 = /^arn:aws[a-z-]*:automate:[^:]*:ec2:(stop|terminate|reboot|recover)$/.exec(text);
      if (ec2) {
        const kind = EC2_ACTIONS[ec2[1]!]!;
        if (found?.subject !== 'instance' || m === M_UNKNOWN) {
          warnings.push({ code: 'warnEc2ActionWithoutInstance', values: { alarm: labels[a.id]!, action: ec2[1]! } });
        } else if (kind === ACT_RECOVER && m !== M_STATUS_SYSTEM) {
          // CloudWatch User Guide, UsingAlarmActions: the recover action answers a failed system status check only.
          warnings.push({ code: 'warnRecoverNeedsSystemCheck', values: { alarm: labels[a.id]!, metric: a.props.metric } });
        } else {
          actions.push(s);
          actionKind.push(kind);
        }
        continue;
      }
      const topic = topics.find(a.stack, text);
      if (topic >= 0) {
        actions.push(topic);
        actionKind.push(ACT_TOPIC);
        if (topics.topicSubscribers[topic]!.length === 0) warnings.push({ code: 'warnTopicWithoutSubscribers', values: { alarm: labels[a.id]!, topic: topics.topicLabel[topic]! } });
      }
    }
    actionStart.push(actions.length);
    okTopics.push(topicsOf(a.stack, a.props.okActions));
    insufficientTopics.push(topicsOf(a.stack, a.props.insufficientDataActions));
  }

  const scheduled = liveOfKind(design, removed, 'scheduledAction');
  const budgets = liveOfKind(design, removed, 'budget');
  const notifStart: number[] = [0];
  const notifForecast: number[] = [];
  const notifPct: number[] = [];
  // Each notification's subscribers: EMAIL addresses as "email:<address>", SNS topics by index.
  const notifEmails: string[][] = [];
  const notifTopics: number[][] = [];
  for (const b of budgets) {
    for (const n of b.props.notifications) {
      notifForecast.push(n.notificationType === 'FORECASTED' ? 1 : 0);
      notifPct.push(n.thresholdPct);
      notifEmails.push((n.subscribers ?? []).filter((x) => x.type === 'EMAIL').map((x) => `email:${x.address}`));
      notifTopics.push((n.subscribers ?? []).filter((x) => x.type === 'SNS').map((x) => topics.find(b.stack, x.address)).filter((t) => t >= 0));
    }
    notifStart.push(notifPct.length);
  }
  const budgetActions = liveOfKind(design, removed, 'budgetAction');
  const bactInstStart: number[] = [0];
  const bactInst: number[] = [];
  for (const a of budgetActions) {
    for (const id of a.props.instances) {
      const i = Array.from(compute.instResource).findIndex((r, k) => r === id && compute.instAsg[k] === -1);
      if (i >= 0) bactInst.push(i);
    }
    bactInstStart.push(bactInst.length);
  }
  const budgetIndex = (id: number) => budgets.findIndex((b) => b.id === id);

  return {
    alarmCount: alarms.length,
    alarmResource: Int32Array.from(alarms.map((a) => a.id)),
    alarmMetric: Int16Array.from(metric),
    alarmSubject: Int32Array.from(subject),
    alarmStat: Uint8Array.from(alarms.map((a) => STAT_CODES[a.props.statistic] ?? STAT_AVERAGE)),
    alarmCmp: Uint8Array.from(alarms.map((a) => CMPS[a.props.comparison] ?? CMP_GT)),
    alarmThreshold: Float64Array.from(alarms.map((a) => a.props.threshold)),
    alarmPeriodSteps: Int32Array.from(alarms.map((a) => roundToStep(a.props.periodS) / STEP_SECONDS)),
    alarmEvalPeriods: Int32Array.from(alarms.map((a) => Math.max(1, a.props.evaluationPeriods))),
    alarmRingStart: Int32Array.from(ringStart),
    alarmActionStart: Int32Array.from(actionStart),
    alarmActions: Int32Array.from(actions),
    alarmActionKind: Uint8Array.from(actionKind),
    alarmOkTopics: okTopics,
    alarmInsufficientTopics: insufficientTopics,
    topicLabel: topics.topicLabel,
    topicSubscribers: topics.topicSubscribers,
    ...logs,

    policyCount: policies.length,
    policyResource: Int32Array.from(policies.map((p) => p.id)),
    policyAsg,
    policyType: Uint8Array.from(policies.map((p) => types[p.props.policyType] ?? 0)),
    policyAdjustment: Int32Array.from(policies.map((p) => Math.trunc(p.props.adjustment))),
    policyCooldownS: Float64Array.from(policies.map((p) => (p.props.cooldownS > 0 ? roundToStep(p.props.cooldownS) : -1))),
    policyTarget: Float64Array.from(policies.map((p) => p.props.targetValue ?? 50)),

    schedCount: scheduled.length,
    schedResource: Int32Array.from(scheduled.map((s) => s.id)),
    schedAsg: Int32Array.from(scheduled.map((s) => indexIn(compute.asgResource, s.props.group))),
    schedAtS: Float64Array.from(scheduled.map((s) => Math.max(0, s.props.atS))),
    schedMin: Int32Array.from(scheduled.map((s) => s.props.min ?? -1)),
    schedMax: Int32Array.from(scheduled.map((s) => s.props.max ?? -1)),
    schedDesired: Int32Array.from(scheduled.map((s) => s.props.desired ?? -1)),

    budgetCount: budgets.length,
    budgetResource: Int32Array.from(budgets.map((b) => b.id)),
    budgetAmount: Float64Array.from(budgets.map((b) => b.props.amountUsd)),
    budgetUsage: Uint8Array.from(budgets.map((b) => (b.props.usageTypeGroup ? 1 : 0))),
    notifStart: Int32Array.from(notifStart),
    notifForecast: Uint8Array.from(notifForecast),
    notifPct: Float64Array.from(notifPct),
    notifEmails,
    notifTopics,

    bactCount: budgetActions.length,
    bactResource: Int32Array.from(budgetActions.map((a) => a.id)),
    bactBudget: Int32Array.from(budgetActions.map((a) => budgetIndex(a.props.budget))),
    bactForecast: Uint8Array.from(budgetActions.map((a) => (a.props.notificationType === 'FORECASTED' ? 1 : 0))),
    bactLimitUsd: Float64Array.from(budgetActions.map((a) => {
      const b = budgets[budgetIndex(a.props.budget)];
      return a.props.thresholdType === 'ABSOLUTE_VALUE' ? a.props.threshold : ((b?.props.amountUsd ?? 0) * a.props.threshold) / 100;
    })),
    bactManual: Uint8Array.from(budgetActions.map((a) => (a.props.approval === 'MANUAL' ? 1 : 0))),
    bactStops: Uint8Array.from(budgetActions.map((a) => (a.props.actionType === 'RUN_SSM_DOCUMENTS' ? 1 : 0))),
    bactInstStart: Int32Array.from(bactInstStart),
    bactInst: Int32Array.from(bactInst),
    bactPolicy: budgetActions.map((a) => a.props.policyArn),
    bactUsers: budgetActions.map((a) => [...a.props.users]),

    ...fixedHourly(design, removed, compute, storage, entry, alarms),
    wafSlot: Int16Array.from(entry.wafResource, (id) => wafSlotOf(design, id)),
  };
}

/** Where a web ACL bills: globally when it guards CloudFront, else in its stack's region. */
function wafSlotOf(design: Design, id: number): number {
  const r = design.resources[id]!;
  return r.kind === 'webAcl' && r.props.scope === 'CLOUDFRONT' ? GLOBAL_SLOT : regionSlot(design.stacks[r.stack]?.region ?? '');
}

/**
 * Everything billed by the hour that does not change with the running state (per region price factor), in
 * total and per bill cell (service × region, bill.ts). The total is summed in the same order as ever, so the
 * money step charges the same figure to the cent.
 */
function fixedHourly(
  design: Design,
  removed: Uint8Array,
  compute: ComputeTopology,
  storage: StorageTopology,
  entry: EntryTopology,
  alarms: readonly { stack: number; props: { periodS: number } }[],
): { fixedHourlyUsd: number; fixedHourlyByCell: Float64Array } {
  const month = catalogue.hoursPerMonth.value;
  const regionOf = (id: number) => design.stacks[design.resources[id]!.stack]?.region ?? '';
  const factorOf = (id: number) => priceFactorOf(regionOf(id));
  const byCell = new Float64Array(BILL_CELLS);
  let usd = 0;
  const add = (service: number, slot: number, x: number): void => {
    usd += x;
    const c = cellOf(service, slot);
    byCell[c] = byCell[c]! + x;
  };
  for (let i = 0; i < compute.lbCount; i++) {
    const type = compute.lbNetwork[i] === 1 ? catalogue.loadBalancers.network : catalogue.loadBalancers.application;
    add(S_ELB, regionSlot(regionOf(compute.lbResource[i]!)), type.hourlyUsd.value * factorOf(compute.lbResource[i]!));
    // Elastic IPs an NLB maps are public IPv4 addresses, billed per hour (under the load balancer here).
    const eips = (design.resources[compute.lbResource[i]!]!.props as { elasticIps?: number }).elasticIps ?? 0;
    if (eips > 0) add(S_ELB, regionSlot(regionOf(compute.lbResource[i]!)), eips * catalogue.networkLoadBalancer.publicIpv4HourlyUsd.value);
  }
  // Gateway Load Balancers: their hour and their endpoints' hours (GLCUs and per-GB processing are not billed yet).
  for (let i = 0; i < compute.gwCount; i++) add(S_ELB, regionSlot(regionOf(compute.gwResource[i]!)), compute.gwHourlyUsd[i]!);
  for (let i = 0; i < entry.accCount; i++) if (entry.accEnabled[i] === 1) add(S_ACCELERATOR, GLOBAL_SLOT, catalogue.globalAccelerator.hourlyUsd.value);
  for (const a of liveOfKind(design, removed, 'transitGatewayAttachment')) {
    add(S_TRANSIT_GATEWAY, regionSlot(regionOf(a.id)), catalogue.transitGateway.attachmentHourlyUsd.value * factorOf(a.id));
  }
  // Site-to-Site VPN connections: the connection-hour (Cost Explorer shows it under VPC), and into a Transit
  // Gateway also the VPN attachment's hour (catalogue.vpn's explain).
  for (const v of liveOfKind(design, removed, 'vpnConnection')) {
    if (!refOf(design, removed, v.props.customerGateway, 'customerGateway')) continue;
    add(S_VPC, regionSlot(regionOf(v.id)), catalogue.vpn.connectionHourlyUsd.value * factorOf(v.id));
    if (v.props.transitGateway !== undefined && refOf(design, removed, v.props.transitGateway, 'transitGateway')) {
      add(S_TRANSIT_GATEWAY, regionSlot(regionOf(v.id)), catalogue.transitGateway.attachmentHourlyUsd.value * factorOf(v.id));
    }
  }
  const zones = new Set(
    liveOfKind(design, removed, 'recordSet').map((r) => r.props.name.toLowerCase().replace(/\.$/, '').split('.').slice(-2).join('.')),
  );
  add(S_ROUTE53, GLOBAL_SLOT, (zones.size * catalogue.route53.hostedZoneMonthUsd.value) / month);
  for (const c of liveOfKind(design, removed, 'healthCheck')) {
    add(S_ROUTE53, GLOBAL_SLOT, catalogue.route53.healthCheckMonthUsd.value / month);
    if (c.props.intervalS > 0 && c.props.intervalS <= 10) add(S_ROUTE53, GLOBAL_SLOT, catalogue.route53.fastHealthCheckMonthUsd.value / month);
  }
  for (let i = 0; i < entry.wafCount; i++) {
    add(S_WAF, wafSlotOf(design, entry.wafResource[i]!), (catalogue.waf.webAclMonthUsd.value + entry.wafRules[i]! * catalogue.waf.ruleMonthUsd.value) / month);
  }
  for (const a of alarms) {
    const p = a.props.periodS;
    add(S_CLOUDWATCH, regionSlot(design.stacks[a.stack]?.region ?? ''), (p < 60 ? catalogue.cloudWatch.highResolutionAlarmMonthUsd.value : catalogue.cloudWatch.alarmMonthUsd.value) / month);
  }
  for (let d = 0; d < storage.dbCount; d++) {
    const copies = storage.dbMultiAz[d] === 1 ? 2 : 1;
    const id = storage.dbResource[d]!;
    add(S_RDS, regionSlot(regionOf(id)), ((storage.dbStorageGb[d]! * catalogue.database.storageGbMonthUsd.value * copies) / month) * factorOf(id));
  }
  for (const u of design.unmodelled) {
    const region = design.stacks[u.stack]?.region ?? '';
    if (u.type === 'AWS::EC2::NatGateway') add(S_VPC, regionSlot(region), catalogue.natGateway.hourlyUsd.value * priceFactorOf(region));
    // A session store's cache nodes (compile/session-store.ts), by the node-hour.
    const nodes = u.reason === 'unmodelled-type' ? cacheNodesOf(u.type, (u.body.Properties ?? {}) as Record<string, unknown>) : 0;
    if (nodes > 0) add(S_ELASTICACHE, regionSlot(region), nodes * catalogue.sessionStore.cacheNodeHourlyUsd.value * priceFactorOf(region));
  }
  // DB snapshots the account kept of deleted databases (shared/account/retained-stack.ts), by the GB-month.
  for (const snapshot of snapshotsOf(design)) {
    add(S_RDS, regionSlot(snapshot.region), snapshotHourlyUsd(snapshot));
  }
  return { fixedHourlyUsd: usd, fixedHourlyByCell: byCell };
}

/** What an alarm's dimension names, as the metric catalogue knows subjects, and its index in the topology. */
export function subjectOf(
  subj: Resource | undefined,
  namespace: string,
  compute: ComputeTopology,
  storage: StorageTopology,
  entry: EntryTopology,
): { subject: MetricSubject; index: number } | undefined {
  const indexIn = (list: Int32Array, id: number) => list.indexOf(id);
  // EstimatedCharges has one dimension, Currency, that names no resource: the account is its subject.
  if (subj === undefined) return namespace === 'AWS/Billing' ? { subject: 'account', index: 0 } : undefined;
  const lbSubject = (lb: number): MetricSubject => {
    const r = subj.kind === 'loadBalancer' ? subj : undefined;
    if (compute.lbNetwork[lb] === 1) return 'networkLoadBalancer';
    return r?.awsType === 'AWS::ElasticLoadBalancing::LoadBalancer' ? 'classicLoadBalancer' : 'applicationLoadBalancer';
  };
  switch (subj.kind) {
    case 'autoScalingGroup':
      return { subject: 'autoScalingGroup', index: indexIn(compute.asgResource, subj.id) };
    case 'instance':
      return { subject: 'instance', index: Array.from(compute.instResource).findIndex((r, k) => r === subj.id && compute.instAsg[k] === -1) };
    case 'database':
      return { subject: 'database', index: indexIn(storage.dbResource, subj.id) };
    case 'loadBalancer': {
      const lb = indexIn(compute.lbResource, subj.id);
      return { subject: lbSubject(lb), index: lb };
    }
    case 'targetGroup': {
      // A target group's metrics are its load balancer's (the game keeps one set per load balancer).
      const tg = indexIn(compute.tgResource, subj.id);
      let s = -1;
      for (let lb = 0; lb < compute.lbCount && s < 0; lb++) {
        for (let e = compute.lbEdgeStart[lb]!; e < compute.lbEdgeStart[lb + 1]!; e++) if (compute.edgeTg[e] === tg) s = lb;
      }
      return { subject: s >= 0 ? lbSubject(s) : 'applicationLoadBalancer', index: s };
    }
    case 'distribution':
      return { subject: 'distribution', index: indexIn(entry.distResource, subj.id) };
    case 'healthCheck':
      return { subject: 'healthCheck', index: indexIn(entry.hcResource, subj.id) };
    default:
      return undefined;
  }
}
