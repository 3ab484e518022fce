// The ledger Cost Explorer reads of a run's past: EC2 On-Demand spend hour by hour (the lookback a Savings
// Plans recommendation is computed from), the whole bill hour by hour (the history the forecast's trend is
// fitted to), EC2 instance-hours by instance type and region hour by hour (the lookback of Reserved Instance
// recommendations) and what a bought plan has committed, used and saved so far. The money step writes it. The
// budget alerts' forecast reads the hourly bill (its trend, forecast.ts); everything else here only Cost Explorer
// reads. It is not hashed: it is a function of the run's past, which the state and timeline already fix. Snapshots
// carry it; one restored from a snapshot that has none starts a new one (the forecast is then flat until two more
// whole hours have passed).

import type { CostTagRecord } from './cost-tags.ts';

export interface CostLedger {
  /** EC2 On-Demand spend (price changes applied, before any Savings Plan) per simulated hour of the run. */
  ec2HourlyUsd: number[];
  /** Everything charged (after any Savings Plan) per simulated hour of the run. */
  hourlyUsd?: number[];
  /**
   * Per simulated hour: instance-hours billed, by usage key (instance type index × region count + region
   * index; see usageKey). An instance running the whole hour adds 1.
   */
  instanceHours?: Record<number, number>[];
  /** Reserved Instances so far: instance-hours reserved, the ones running instances used, and what they saved (negative: cost more). */
  reservedHours?: number;
  reservedUsedHours?: number;
  reservedSavedUsd?: number;
  /** The bought plan so far: commitment billed, the part of it no usage used, and what it saved. */
  committedUsd: number;
  unusedCommitmentUsd: number;
  savedUsd: number;
  /** Cost allocation tags activated in the run and the spend grouped by each since (cost-tags.ts); absent without any. */
  costTags?: CostTagRecord[];
}

export function emptyLedger(): CostLedger {
  return { ec2HourlyUsd: [], hourlyUsd: [], instanceHours: [], committedUsd: 0, unusedCommitmentUsd: 0, savedUsd: 0 };
}

/** A deep copy (snapshots carry the ledger as plain JSON). */
export function copyLedger(l: CostLedger): CostLedger {
  return {
    ...l,
    ec2HourlyUsd: [...l.ec2HourlyUsd],
    hourlyUsd: [...(l.hourlyUsd ?? [])],
    instanceHours: (l.instanceHours ?? []).map((h) => ({ ...h })),
    ...(l.costTags ? { costTags: l.costTags.map((r) => ({ ...r, spentByValue: { ...r.spentByValue }, stepByValue: { ...r.stepByValue } })) } : {}),
  };
}

function addToHour(hours: number[], hour: number, usd: number): void {
  while (hours.length <= hour) hours.push(0);
  hours[hour] = hours[hour]! + usd;
}

/** Adds a step's EC2 On-Demand spend to the hour the step belongs to. */
export function recordEc2(ledger: CostLedger, nowS: number, usd: number): void {
  addToHour(ledger.ec2HourlyUsd, Math.floor(nowS / 3600), usd);
}

/** Adds a step's whole charge to the hour the step belongs to. */
export function recordSpend(ledger: CostLedger, nowS: number, usd: number): void {
  addToHour((ledger.hourlyUsd ??= []), Math.floor(nowS / 3600), usd);
}

/** The key instance-hours are kept under: an instance type (instance-types.ts index) in a region (index). */
export function usageKey(typeIndex: number, regionIndex: number, regionCount: number): number {
  return typeIndex * regionCount + regionIndex;
}

/** Adds `hours` of one instance of a usage key to the hour the step belongs to. */
export function recordInstanceHours(ledger: CostLedger, nowS: number, key: number, hours: number): void {
  const all = (ledger.instanceHours ??= []);
  const hour = Math.floor(nowS / 3600);
  while (all.length <= hour) all.push({});
  const h = all[hour]!;
  h[key] = (h[key] ?? 0) + hours;
}

/** Instance-hours billed per simulated hour of the run, all types and regions: what a usage budget of EC2 running hours measures. */
export function hourlyInstanceHours(ledger: CostLedger): number[] {
  return (ledger.instanceHours ?? []).map((h) => {
    let sum = 0;
    for (const k in h) sum += h[k]!;
    return sum;
  });
}
