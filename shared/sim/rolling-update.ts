// A group's CloudFormation UpdatePolicy, read from the attributes the loader keeps: with AutoScalingRollingUpdate,
// a stack update that changes its launch template (or launch configuration) replaces its instances in batches
// (refresh.ts) instead of leaving them on the old one. Defaults are CloudFormation's: MaxBatchSize 1,
// MinInstancesInService 0, PauseTime PT0S.

import type { Resource } from '../design/model.ts';

export interface RollingUpdatePolicy {
  maxBatch: number;
  minInService: number;
  pauseS: number;
}

function count(v: unknown, fallback: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** An ISO 8601 duration as CloudFormation writes PauseTime (PT5M, PT1H30M, PT90S); 0 if unreadable. */
export function isoDurationS(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(v.trim());
  if (!m) return 0;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export function rollingUpdatePolicy(group: Resource): RollingUpdatePolicy | undefined {
  if (group.kind !== 'autoScalingGroup') return undefined;
  const policy = group.attributes?.UpdatePolicy as Record<string, unknown> | undefined;
  const rolling = policy?.AutoScalingRollingUpdate as Record<string, unknown> | undefined;
  if (!rolling || typeof rolling !== 'object') return undefined;
  return {
    maxBatch: Math.max(1, count(rolling.MaxBatchSize, 1)),
    minInService: count(rolling.MinInstancesInService, 0),
    pauseS: isoDurationS(rolling.PauseTime),
  };
}
