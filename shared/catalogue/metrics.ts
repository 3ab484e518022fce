// The metric catalogue: which CloudWatch metric exists for which resource, under which namespace and
// dimension, and how the game measures it from the simulation. One table: the alarm compiler
// (shared/sim/compile/control.ts) looks an alarm's namespace, metric name and subject up here, and an alarm
// whose triple names nothing in it stays INSUFFICIENT_DATA for the whole run, as in CloudWatch, where "the
// alarm state also changes to INSUFFICIENT_DATA if CloudWatch metrics become unavailable, or not enough data
// is available for the metric to determine the alarm state" (Application Auto Scaling User Guide, "Monitor
// with CloudWatch alarms"). A metric only exists for the resource that publishes it: AWS/RDS CPUUtilization
// keyed by an Auto Scaling group's name is a metric nobody publishes.

/** What an alarm's dimension names, in the game's terms. */
export type MetricSubject =
  | 'autoScalingGroup'
  | 'instance'
  | 'database'
  | 'applicationLoadBalancer'
  | 'networkLoadBalancer'
  | 'classicLoadBalancer'
  | 'distribution'
  | 'healthCheck'
  | 'account';

/** How the simulation measures it (shared/sim/alarms.ts reads one value per step for each). */
export type Measure =
  | 'groupCpu'
  | 'instanceCpu'
  | 'statusCheckSystem'
  | 'statusCheckInstance'
  | 'statusCheckAny'
  | 'databaseCpu'
  | 'databaseConnections'
  | 'lbRequests'
  | 'lbRequestsPerTarget'
  | 'lb5xx'
  | 'lbLatencyS'
  | 'lbHealthy'
  | 'lbUnhealthy'
  | 'edgeRequests'
  | 'edgeErrorRate'
  | 'edgeHitRate'
  | 'healthCheckStatus'
  | 'estimatedCharges';

export interface MetricEntry {
  namespace: string;
  metric: string;
  /** The dimension that names the subject (as CloudWatch keys the metric). */
  dimension: string;
  subjects: readonly MetricSubject[];
  measure: Measure;
  explain: string;
}

const EC2_STATUS =
  'Amazon EC2 User Guide, "Status checks for Amazon EC2 instances": a system status check watches the AWS systems the ' +
  'instance runs on (loss of network or power, a hardware or software problem on the physical host) and needs AWS to fix ' +
  'it or the instance to move to new hardware; an instance status check watches the instance itself (its OS and ' +
  'network configuration) and needs the owner to fix it, for example by a reboot. Each is 0 (passed) or 1 (failed) a minute.';

export const METRICS: readonly MetricEntry[] = [
  // AWS/EC2 (basic monitoring, one datapoint a minute; the game samples every step).
  {
    namespace: 'AWS/EC2',
    metric: 'CPUUtilization',
    dimension: 'AutoScalingGroupName',
    subjects: ['autoScalingGroup'],
    measure: 'groupCpu',
    explain: 'Average CPU of the in-service instances of an Auto Scaling group (EC2 aggregates by AutoScalingGroupName).',
  },
  {
    namespace: 'AWS/EC2',
    metric: 'CPUUtilization',
    dimension: 'InstanceId',
    subjects: ['instance'],
    measure: 'instanceCpu',
    explain: 'CPU utilisation of one instance in percent: the work it is asked to serve over the work its type can serve.',
  },
  {
    namespace: 'AWS/EC2',
    metric: 'StatusCheckFailed_System',
    dimension: 'InstanceId',
    subjects: ['instance'],
    measure: 'statusCheckSystem',
    explain: `1 while the instance's host has failed (a scenario's hardware failure, or its zone going dark), else 0. ${EC2_STATUS}`,
  },
  {
    namespace: 'AWS/EC2',
    metric: 'StatusCheckFailed_Instance',
    dimension: 'InstanceId',
    subjects: ['instance'],
    measure: 'statusCheckInstance',
    explain: `1 while the instance itself has failed (a scenario's instance failure of kind "instance"), else 0. ${EC2_STATUS}`,
  },
  {
    namespace: 'AWS/EC2',
    metric: 'StatusCheckFailed',
    dimension: 'InstanceId',
    subjects: ['instance'],
    measure: 'statusCheckAny',
    explain: `1 while either status check fails, else 0. ${EC2_STATUS}`,
  },
  // AWS/RDS.
  {
    namespace: 'AWS/RDS',
    metric: 'CPUUtilization',
    dimension: 'DBInstanceIdentifier',
    subjects: ['database'],
    measure: 'databaseCpu',
    explain: "CPU utilisation of a DB instance in percent: the queries it is asked to serve over its class's capacity.",
  },
  {
    namespace: 'AWS/RDS',
    metric: 'DatabaseConnections',
    dimension: 'DBInstanceIdentifier',
    subjects: ['database'],
    measure: 'databaseConnections',
    explain:
      'Client connections busy with a query, by Little\'s law: queries per second × seconds each. The game does not model ' +
      'connection pools, so the idle connections an application keeps open are not counted.',
  },
  // AWS/ApplicationELB (keyed by LoadBalancer; a TargetGroup alarm reads its load balancer's figures).
  ...loadBalancerMetrics('AWS/ApplicationELB', 'LoadBalancer', ['applicationLoadBalancer'], {
    RequestCount: ['lbRequests', 'Requests the load balancer received in the step (Sum gives the period\'s count).'],
    RequestCountPerTarget: ['lbRequestsPerTarget', 'Requests per healthy target (what target tracking on ALBRequestCountPerTarget follows).'],
    HTTPCode_Target_5XX_Count: ['lb5xx', 'Requests that failed at or behind the load balancer with a 5XX.'],
    HTTPCode_ELB_5XX_Count: ['lb5xx', 'Requests the load balancer answered with a 5XX itself (the game counts all failed requests here).'],
    TargetResponseTime: ['lbLatencyS', 'Seconds from the load balancer sending a request to a target until the response, averaged.'],
    HealthyHostCount: ['lbHealthy', 'Targets that pass their health checks.'],
    UnHealthyHostCount: ['lbUnhealthy', 'Registered targets that fail their health checks.'],
  }),
  // AWS/NetworkELB: no HTTP, so no request counts or response codes; the game measures target health.
  ...loadBalancerMetrics('AWS/NetworkELB', 'LoadBalancer', ['networkLoadBalancer'], {
    HealthyHostCount: ['lbHealthy', 'Targets that pass their health checks.'],
    UnHealthyHostCount: ['lbUnhealthy', 'Registered targets that fail their health checks.'],
  }),
  // AWS/ELB (Classic Load Balancer).
  ...loadBalancerMetrics('AWS/ELB', 'LoadBalancerName', ['classicLoadBalancer'], {
    RequestCount: ['lbRequests', 'Requests the load balancer received in the step.'],
    HTTPCode_Backend_5XX: ['lb5xx', 'Requests that failed at or behind the load balancer.'],
    Latency: ['lbLatencyS', 'Seconds until the instance answered, averaged.'],
    HealthyHostCount: ['lbHealthy', 'Instances that pass their health checks.'],
    UnHealthyHostCount: ['lbUnhealthy', 'Registered instances that fail their health checks.'],
  }),
  // AWS/CloudFront.
  {
    namespace: 'AWS/CloudFront',
    metric: 'Requests',
    dimension: 'DistributionId',
    subjects: ['distribution'],
    measure: 'edgeRequests',
    explain: 'Viewer requests the distribution received in the step.',
  },
  {
    namespace: 'AWS/CloudFront',
    metric: '5xxErrorRate',
    dimension: 'DistributionId',
    subjects: ['distribution'],
    measure: 'edgeErrorRate',
    explain: "Percent of viewer requests that failed (the game keeps errors per run: the step's user error rate stands in).",
  },
  {
    namespace: 'AWS/CloudFront',
    metric: 'TotalErrorRate',
    dimension: 'DistributionId',
    subjects: ['distribution'],
    measure: 'edgeErrorRate',
    explain: "Percent of viewer requests that failed (the game keeps errors per run: the step's user error rate stands in).",
  },
  {
    namespace: 'AWS/CloudFront',
    metric: 'CacheHitRate',
    dimension: 'DistributionId',
    subjects: ['distribution'],
    measure: 'edgeHitRate',
    explain: 'Percent of cacheable requests served from the edge cache.',
  },
  // AWS/Route53.
  {
    namespace: 'AWS/Route53',
    metric: 'HealthCheckStatus',
    dimension: 'HealthCheckId',
    subjects: ['healthCheck'],
    measure: 'healthCheckStatus',
    explain: '1 while the Route 53 health check calls its endpoint healthy, 0 while unhealthy.',
  },
  // AWS/Billing.
  {
    namespace: 'AWS/Billing',
    metric: 'EstimatedCharges',
    dimension: 'Currency',
    subjects: ['account'],
    measure: 'estimatedCharges',
    explain: 'What the run has cost so far, in USD (AWS publishes the month-to-date estimate a few times a day; the game every step).',
  },
];

function loadBalancerMetrics(
  namespace: string,
  dimension: string,
  subjects: readonly MetricSubject[],
  metrics: Record<string, [Measure, string]>,
): MetricEntry[] {
  return Object.entries(metrics).map(([metric, [measure, explain]]) => ({ namespace, metric, dimension, subjects, measure, explain }));
}

/** The catalogue's entry for an alarm's namespace, metric name and subject; undefined: no such metric exists. */
export function metricOf(namespace: string, metric: string, subject: MetricSubject | undefined): MetricEntry | undefined {
  if (subject === undefined) return undefined;
  return METRICS.find((m) => m.namespace === namespace && m.metric === metric && m.subjects.includes(subject));
}
