// Step 6, control (alarms): each alarm collects its metric every step; at the end of each period the
// statistic becomes a datapoint; when the last `evaluation periods` datapoints all breach the threshold the
// alarm is in ALARM, otherwise OK. An alarm on a metric the metric catalogue does not have for its subject
// (shared/catalogue/metrics.ts) collects nothing and stays INSUFFICIENT_DATA. While in ALARM it fires its
// scaling policies at every evaluation (as CloudWatch does for Auto Scaling actions); the group's cooldown keeps
// that from running away. Its other actions (SNS topics, EC2 stop/terminate/reboot/recover) run once, when it
// changes to ALARM: "a CloudWatch alarm invokes one or more actions only when the alarm state changes"
// (Application Auto Scaling User Guide, "Monitor with CloudWatch alarms"). The topics an alarm lists under
// OKActions hear every change to OK (the first evaluation's INSUFFICIENT_DATA → OK too, as in CloudWatch), and
// those under InsufficientDataActions hear a change back to INSUFFICIENT_DATA: an alarm whose metric no longer
// exists for its subject (its resource was removed or changed) stops collecting and goes there.

import {
  ACT_POLICY,
  ACT_TOPIC,
  CMP_GE,
  CMP_GT,
  CMP_LE,
  CMP_LT,
  M_ASG_CPU,
  M_CF_ERROR_RATE,
  M_CF_HIT_RATE,
  M_CF_REQUESTS,
  M_CHARGES,
  M_DB_CPU,
  M_INSTANCE_CPU,
  M_LB_5XX,
  M_LB_HEALTHY,
  M_LB_LATENCY_S,
  M_LB_REQUESTS,
  M_LB_REQUESTS_PER_TARGET,
  M_LB_UNHEALTHY,
  M_HC_STATUS,
  M_DB_CONNECTIONS,
  M_LOG_METRIC,
  M_STATUS_ANY,
  M_STATUS_INSTANCE,
  M_STATUS_SYSTEM,
  M_UNKNOWN,
} from './compile/control.ts';
import { datapointOf } from './statistic.ts';
import { ALARM_ALARM, ALARM_INSUFFICIENT, ALARM_OK, STEP_SECONDS } from './constants.ts';
import { C_FAILED, C_OFFERED, C_SHED } from './scratch.ts';
import { firePolicy } from './scaling.ts';
import { instanceCheckFailed, notifyTopic, runInstanceAction, systemCheckFailed } from './instance-actions.ts';
import { T_COST } from './state.ts';
import { note, type World } from './world.ts';

function metricValue(world: World, a: number): number {
  return measureValue(world, world.topo.alarmMetric[a]!, world.topo.alarmSubject[a]!);
}

/** A metric's value this step (M_* code) for the subject at index `j` of its topology: what alarms and dashboards read. */
export function measureValue(world: World, metric: number, j: number): number {
  const s = world.state;
  const sc = world.scratch;
  switch (metric) {
    case M_ASG_CPU:
      return s.asgCpu[j]!;
    case M_INSTANCE_CPU:
      return s.instCpu[j]!;
    case M_DB_CPU:
      return s.dbCpu[j]!;
    case M_DB_CONNECTIONS:
      // Little's law: queries in flight = queries per second × seconds per query.
      return sc.dbQueries[j]! * (sc.dbQueryMs[j]! / 1000);
    case M_LB_REQUESTS:
      return sc.lbRequests[j]!;
    case M_LB_REQUESTS_PER_TARGET:
      return sc.lbRequests[j]! / (sc.lbHealthy[j]! > 0 ? sc.lbHealthy[j]! : 1);
    case M_LB_5XX:
      return sc.lbErrors[j]!;
    case M_LB_LATENCY_S:
      return sc.lbLatencyMs[j]! / 1000;
    case M_LB_HEALTHY:
      return sc.lbHealthy[j]!;
    case M_LB_UNHEALTHY:
      return sc.lbUnhealthy[j]!;
    case M_CF_REQUESTS:
      return sc.distRequests[j]! * STEP_SECONDS;
    case M_CF_ERROR_RATE: {
      // The game keeps errors per run, not per distribution: the step's user error rate stands in.
      const offered = sc.stepCounts[C_OFFERED]!;
      return offered > 0 ? ((sc.stepCounts[C_FAILED]! + sc.stepCounts[C_SHED]!) / offered) * 100 : 0;
    }
    case M_CF_HIT_RATE:
      return sc.distRequests[j]! > 0 ? (sc.distHits[j]! / sc.distRequests[j]!) * 100 : 0;
    case M_CHARGES:
      return s.tally[T_COST]!;
    case M_STATUS_SYSTEM:
      return systemCheckFailed(world, j) ? 1 : 0;
    case M_STATUS_INSTANCE:
      return instanceCheckFailed(world, j) ? 1 : 0;
    case M_STATUS_ANY:
      return systemCheckFailed(world, j) || instanceCheckFailed(world, j) ? 1 : 0;
    case M_HC_STATUS:
      return s.hcHealthy[j]!;
    case M_LOG_METRIC:
      return sc.logMetricValue[j]!;
    default:
      return 0;
  }
}

/** A period's datapoint that was never published; a finite number so the state survives JSON. */
const MISSING = -Number.MAX_VALUE;

function breaches(cmp: number, value: number, threshold: number): boolean {
  if (cmp === CMP_GT) return value > threshold;
  if (cmp === CMP_GE) return value >= threshold;
  if (cmp === CMP_LT) return value < threshold;
  if (cmp === CMP_LE) return value <= threshold;
  return false;
}

export function evaluateAlarms(world: World): void {
  const topo = world.topo;
  const s = world.state;
  for (let a = 0; a < topo.alarmCount; a++) {
    if (topo.alarmMetric[a] === M_UNKNOWN) {
      if (s.alarmState[a] !== ALARM_INSUFFICIENT) {
        s.alarmState[a] = ALARM_INSUFFICIENT;
        for (const t of topo.alarmInsufficientTopics[a] ?? []) notifyTopic(world, t, topo.labels[topo.alarmResource[a]!]!, 'INSUFFICIENT_DATA');
      }
      continue;
    }
    const acc = a * 4;
    // A metric filter publishes nothing in a step without a match (and no DefaultValue): no sample then.
    if (topo.alarmMetric[a] !== M_LOG_METRIC || world.scratch.logMetricPresent[topo.alarmSubject[a]!] === 1) {
      const v = metricValue(world, a);
      const n = s.alarmAcc[acc + 1]!;
      s.alarmAcc[acc] = s.alarmAcc[acc]! + v;
      s.alarmAcc[acc + 2] = n === 0 || v < s.alarmAcc[acc + 2]! ? v : s.alarmAcc[acc + 2]!;
      s.alarmAcc[acc + 3] = n === 0 || v > s.alarmAcc[acc + 3]! ? v : s.alarmAcc[acc + 3]!;
      s.alarmAcc[acc + 1] = n + 1;
    }
    s.alarmStepInPeriod[a] = s.alarmStepInPeriod[a]! + 1;
    if (s.alarmStepInPeriod[a]! < topo.alarmPeriodSteps[a]!) continue;

    // End of a period: one datapoint (statistic.ts, the rule dashboards use too).
    const stat = topo.alarmStat[a];
    const count = s.alarmAcc[acc + 1]!;
    // A period without samples has no datapoint (MISSING): TreatMissingData "missing" skips it.
    const point = count === 0 ? MISSING : datapointOf(stat!, s.alarmAcc[acc]!, count, s.alarmAcc[acc + 2]!, s.alarmAcc[acc + 3]!);
    s.alarmAcc[acc] = 0;
    s.alarmAcc[acc + 1] = 0;
    s.alarmAcc[acc + 2] = 0;
    s.alarmAcc[acc + 3] = 0;
    s.alarmStepInPeriod[a] = 0;
    const periods = topo.alarmEvalPeriods[a]!;
    const r0 = topo.alarmRingStart[a]!;
    s.alarmRing[r0 + s.alarmCursor[a]!] = point;
    s.alarmCursor[a] = (s.alarmCursor[a]! + 1) % periods;
    if (s.alarmFill[a]! < periods) s.alarmFill[a] = s.alarmFill[a]! + 1;
    if (s.alarmFill[a]! < periods) continue;

    // Missing datapoints are left out; with none at all the alarm has INSUFFICIENT_DATA.
    let all = true;
    let present = 0;
    for (let k = 0; k < periods && all; k++) {
      const x = s.alarmRing[r0 + k]!;
      if (x === MISSING) continue;
      present++;
      all = breaches(topo.alarmCmp[a]!, x, topo.alarmThreshold[a]!);
    }
    if (present === 0) {
      s.alarmState[a] = ALARM_INSUFFICIENT;
      continue;
    }
    const next = all ? ALARM_ALARM : ALARM_OK;
    const label = topo.labels[topo.alarmResource[a]!]!;
    const changed = next !== s.alarmState[a];
    if (changed) {
      // The first evaluation (INSUFFICIENT_DATA → OK) is not news; every other change is.
      const quiet = s.alarmState[a] === ALARM_INSUFFICIENT && next === ALARM_OK;
      s.alarmState[a] = next;
      if (!quiet) note(world, next === ALARM_ALARM ? 'alarmOn' : 'alarmOff', { alarm: label, value: round(point === MISSING ? 0 : point) });
      if (next === ALARM_OK) for (const t of topo.alarmOkTopics[a] ?? []) notifyTopic(world, t, label, 'OK');
    }
    if (next === ALARM_ALARM) {
      for (let k = topo.alarmActionStart[a]!; k < topo.alarmActionStart[a + 1]!; k++) {
        const kind = topo.alarmActionKind[k]!;
        if (kind === ACT_POLICY) firePolicy(world, topo.alarmActions[k]!);
        else if (!changed) continue;
        else if (kind === ACT_TOPIC) notifyTopic(world, topo.alarmActions[k]!, label, 'ALARM');
        else runInstanceAction(world, kind, topo.alarmActions[k]!, label);
      }
    }
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
