// AWS Budgets actions: when a budget's actual (or forecast) spend passes an action's threshold, the action
// runs once, and it changes what happens next. "You can configure actions to run on your behalf when a budget
// exceeds a certain cost or usage threshold" — applying an IAM policy to users, groups or roles, or running an
// SSM document that stops chosen EC2 or RDS instances (AWS Billing and Cost Management User Guide,
// "Configuring a budget action"). An action with MANUAL approval waits for a person: the game notes that it
// waits, and nothing runs (approving is a console step the game has not got).
//
// What each action does here:
// - STOP_EC2_INSTANCES: each chosen instance that runs is stopped (it no longer serves and is no longer
//   billed; EBS is not modelled). Nothing restarts it during the run.
// - APPLY_IAM_POLICY with AWS's managed AWSDenyAll policy on a user: every later API call with that user's
//   keys is denied, so a leak of that user's access key launches nothing more (credentials.ts). Other
//   policies are attached but the game does not read their statements, so they change nothing it simulates.

import { EMPTY } from './constants.ts';
import { revokeCredentials } from './credentials.ts';
import { note, type World } from './world.ts';

/** AWS's managed deny-all policy: its one statement denies every action on every resource. */
export const DENY_ALL_POLICY_ARN = 'arn:aws:iam::aws:policy/AWSDenyAll';

/**
 * Runs the budget actions whose threshold the budget's actual spend or forecast has reached: `actualOf` and
 * `forecastOf` give budget b's measure (USD of a cost budget, hours of a usage budget).
 */
export function runBudgetActions(world: World, actualOf: (b: number) => number, forecastOf: (b: number) => number): void {
  const topo = world.topo;
  const s = world.state;
  const share = world.plan.budgetRunShare;
  for (let a = 0; a < topo.bactCount; a++) {
    if (s.bactDone[a] === 1 || topo.bactBudget[a]! < 0) continue;
    // The threshold is of the budget's whole period; the run is compared with its share of it.
    const limit = topo.bactLimitUsd[a]! * share;
    const value = topo.bactForecast[a] === 1 ? forecastOf(topo.bactBudget[a]!) : actualOf(topo.bactBudget[a]!);
    if (!(limit > 0 && value >= limit)) continue;
    s.bactDone[a] = 1;
    const action = topo.labels[topo.bactResource[a]!]!;
    const budget = topo.labels[topo.budgetResource[topo.bactBudget[a]!]!]!;
    if (topo.bactManual[a] === 1) {
      note(world, 'budgetActionAwaitsApproval', { action, budget });
      continue;
    }
    if (topo.bactStops[a] === 1) note(world, 'budgetActionStopped', { action, budget, instances: stopInstances(world, a) });
    else applyPolicy(world, a, action, budget);
  }
}

/** Stops the action's instances that run; returns their labels. */
function stopInstances(world: World, a: number): string[] {
  const topo = world.topo;
  const s = world.state;
  const stopped: string[] = [];
  for (let k = topo.bactInstStart[a]!; k < topo.bactInstStart[a + 1]!; k++) {
    const i = topo.bactInst[k]!;
    if (s.instState[i] === EMPTY) continue;
    s.instState[i] = EMPTY;
    s.instHealthy[i] = 0;
    stopped.push(topo.labels[topo.instResource[i]!]!);
  }
  return stopped;
}

function applyPolicy(world: World, a: number, action: string, budget: string): void {
  const topo = world.topo;
  const policy = topo.bactPolicy[a]!;
  const users = topo.bactUsers[a]!;
  note(world, 'budgetActionPolicy', { action, budget, policy, users });
  if (policy !== DENY_ALL_POLICY_ARN) return;
  for (const user of users) revokeCredentials(world, user);
}
