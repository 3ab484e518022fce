// The ledger Cost Explorer reads of a run's past: EC2 On-Demand spend hour by hour (the lookback a Savings
// Plans recommendation is computed from) and what a bought plan has committed, used and saved so far. The
// money step writes it; it decides nothing in the simulation (the bill itself is in the state), so it is not
// part of the hash, and a world restored from a snapshot starts a new one.

export interface CostLedger {
  /** EC2 On-Demand spend (price changes applied, before any Savings Plan) per simulated hour of the run. */
  ec2HourlyUsd: number[];
  /** The bought plan so far: commitment billed, the part of it no usage used, and what it saved. */
  committedUsd: number;
  unusedCommitmentUsd: number;
  savedUsd: number;
}

export function emptyLedger(): CostLedger {
  return { ec2HourlyUsd: [], committedUsd: 0, unusedCommitmentUsd: 0, savedUsd: 0 };
}

/** Adds a step's EC2 On-Demand spend to the hour the step belongs to. */
export function recordEc2(ledger: CostLedger, nowS: number, usd: number): void {
  const hour = Math.floor(nowS / 3600);
  while (ledger.ec2HourlyUsd.length <= hour) ledger.ec2HourlyUsd.push(0);
  ledger.ec2HourlyUsd[hour] = ledger.ec2HourlyUsd[hour]! + usd;
}
