// The settings a new piece starts with, as the AWS console proposes them: written once, here, and read by the
// building plans (shared/design/plans), the template reader (a property a template leaves out) and the
// inspector (the value a field shows before the player sets one). Timings and thresholds are the catalogue's
// own figures, so a default and its explanation can never disagree.
import { autoScaling } from './compute.ts';
import { globalAccelerator, route53 } from './edge.ts';
import { loadBalancers } from './network.ts';

/** The instance type a new instance or launch template starts with. */
export const DEFAULT_INSTANCE_TYPE = 't3.small';

/** The database class a new database (or read replica) starts with. */
export const DEFAULT_DB_CLASS = 'db.t3.medium';

/** A new RDS instance's allocated storage. */
export const DEFAULT_DB_STORAGE_GB = 20;

/** The target health check a target group starts with, per load balancer type (what CloudFormation assumes too). */
export function targetHealthCheckDefaults(lbType: 'application' | 'network' = 'application'): { intervalS: number; healthyThreshold: number; unhealthyThreshold: number } {
  const figures = loadBalancers[lbType];
  return { intervalS: figures.healthCheckIntervalS.value, healthyThreshold: figures.healthyThreshold.value, unhealthyThreshold: figures.unhealthyThreshold.value };
}

/** The path an HTTP target health check asks for when none is given. */
export const DEFAULT_HEALTH_CHECK_PATH = '/';

/** A Route 53 health check's request interval and failure threshold. */
export function dnsHealthCheckDefaults(): { intervalS: number; failureThreshold: number } {
  return { intervalS: route53.healthCheckIntervalS.value, failureThreshold: route53.failureThreshold.value };
}

/** A Global Accelerator endpoint group's health checking and its endpoints' weight. */
export function endpointGroupDefaults(): { healthCheckIntervalS: number; thresholdCount: number; trafficDialPct: number; endpointWeight: number } {
  // 100% traffic dial and weight 128 are Global Accelerator's own defaults.
  return { healthCheckIntervalS: globalAccelerator.healthCheckIntervalS.value, thresholdCount: globalAccelerator.thresholdCount.value, trafficDialPct: 100, endpointWeight: 128 };
}

/** An Auto Scaling group's cooldown when none is given. */
export function defaultCooldownS(): number {
  return autoScaling.defaultCooldownS.value;
}

/** The alarm the inspector's "add alarm" proposes for a kind of piece: the metric AWS's console suggests first. */
export const ALARM_PRESETS: Readonly<Record<string, { metric: string; namespace: string; threshold: number; comparison: 'GreaterThanThreshold' }>> = {
  autoScalingGroup: { metric: 'CPUUtilization', namespace: 'AWS/EC2', threshold: 70, comparison: 'GreaterThanThreshold' },
  instance: { metric: 'CPUUtilization', namespace: 'AWS/EC2', threshold: 80, comparison: 'GreaterThanThreshold' },
  database: { metric: 'CPUUtilization', namespace: 'AWS/RDS', threshold: 80, comparison: 'GreaterThanThreshold' },
  loadBalancer: { metric: 'HTTPCode_ELB_5XX_Count', namespace: 'AWS/ApplicationELB', threshold: 50, comparison: 'GreaterThanThreshold' },
  distribution: { metric: '5xxErrorRate', namespace: 'AWS/CloudFront', threshold: 5, comparison: 'GreaterThanThreshold' },
};
