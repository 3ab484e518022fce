// The codes compiled alarms carry and alarms.ts switches on: the metric an alarm watches, its actions, its
// statistic and its comparison, and the metric catalogue's measures as metric codes.

import type { Measure } from '../../catalogue/metrics.ts';

// Metrics an alarm can watch.
export const M_UNKNOWN = 0;
export const M_ASG_CPU = 1;
export const M_INSTANCE_CPU = 2;
export const M_DB_CPU = 3;
export const M_LB_REQUESTS = 4;
export const M_LB_REQUESTS_PER_TARGET = 5;
export const M_LB_5XX = 6;
export const M_LB_LATENCY_S = 7;
export const M_LB_HEALTHY = 8;
export const M_LB_UNHEALTHY = 9;
export const M_CF_REQUESTS = 10;
export const M_CF_ERROR_RATE = 11;
export const M_CF_HIT_RATE = 12;
export const M_CHARGES = 13;
export const M_STATUS_SYSTEM = 14;
export const M_STATUS_INSTANCE = 15;
export const M_STATUS_ANY = 16;
export const M_HC_STATUS = 17;
export const M_DB_CONNECTIONS = 18;
/** A custom metric a CloudWatch Logs metric filter publishes (compile/log-filters.ts); subject: its index. */
export const M_LOG_METRIC = 19;

// What an alarm action does (alarmActionKind): a scaling policy, an EC2 action on the alarm's instance, an SNS topic.
export const ACT_POLICY = 0;
export const ACT_STOP = 1;
export const ACT_TERMINATE = 2;
export const ACT_REBOOT = 3;
export const ACT_RECOVER = 4;
export const ACT_TOPIC = 5;

export const STAT_AVERAGE = 0;
export const STAT_SUM = 1;
export const STAT_MINIMUM = 2;
export const STAT_MAXIMUM = 3;
export const STAT_COUNT = 4;

export const CMP_GT = 0;
export const CMP_GE = 1;
export const CMP_LT = 2;
export const CMP_LE = 3;

/** The metric catalogue's measures (shared/catalogue/metrics.ts) as the codes alarms.ts switches on. */
export const MEASURE_CODE: Record<Measure, number> = {
  groupCpu: M_ASG_CPU,
  instanceCpu: M_INSTANCE_CPU,
  statusCheckSystem: M_STATUS_SYSTEM,
  statusCheckInstance: M_STATUS_INSTANCE,
  statusCheckAny: M_STATUS_ANY,
  databaseCpu: M_DB_CPU,
  databaseConnections: M_DB_CONNECTIONS,
  lbRequests: M_LB_REQUESTS,
  lbRequestsPerTarget: M_LB_REQUESTS_PER_TARGET,
  lb5xx: M_LB_5XX,
  lbLatencyS: M_LB_LATENCY_S,
  lbHealthy: M_LB_HEALTHY,
  lbUnhealthy: M_LB_UNHEALTHY,
  edgeRequests: M_CF_REQUESTS,
  edgeErrorRate: M_CF_ERROR_RATE,
  edgeHitRate: M_CF_HIT_RATE,
  healthCheckStatus: M_HC_STATUS,
  estimatedCharges: M_CHARGES,
};
