// The design model's compute: instances, launch templates, Auto Scaling groups and their policies and schedules.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, ZoneName } from '../model.ts';

export type Instance = ResourceBase<
  'instance',
  { instanceType: string; subnet: ResourceId; securityGroups: ResourceId[] }
>;
export type LaunchTemplate = ResourceBase<'launchTemplate', { instanceType: string; securityGroups: ResourceId[] }>;
export type AutoScalingGroup = ResourceBase<
  'autoScalingGroup',
  {
    launchTemplate: ResourceId;
    subnets: ResourceId[];
    min: number;
    max: number;
    desired: number;
    targetGroups: ResourceId[];
    /** 'ELB' replaces instances that fail the load balancer's health check, 'EC2' only dead ones. */
    healthCheckType: 'EC2' | 'ELB';
    cooldownS: number;
    /** Zones given directly (AvailabilityZones, a default VPC) rather than through subnets. */
    zones?: ZoneName[];
    /**
     * The instance type a MixedInstancesPolicy launches in place of the launch template's (its first override,
     * the one On-Demand capacity is filled from under the default "prioritized" strategy).
     */
    instanceType?: string;
  }
>;
export type ScalingPolicy = ResourceBase<
  'scalingPolicy',
  {
    group: ResourceId;
    policyType: 'SimpleScaling' | 'StepScaling' | 'TargetTrackingScaling';
    /** SimpleScaling/StepScaling: instances to add (negative: remove). */
    adjustment: number;
    cooldownS: number;
    /** TargetTrackingScaling: average CPU utilisation to hold, in percent. */
    targetValue?: number;
  }
>;
export type ScheduledAction = ResourceBase<
  'scheduledAction',
  {
    group: ResourceId;
    /** Simulated seconds since the scenario started (StartTime as an offset, or a cron Recurrence's first hit). */
    atS: number;
    min?: number;
    max?: number;
    desired?: number;
  }
>;
