// One fixed step of the world, in a documented order (DESIGN.md §3). Everything reads the state as the
// previous phases left it; nothing reads scratch left over from an earlier step.

import { chargeSessionStore, failLostSessions, sessionsHeld } from './sessions.ts';
import { evaluateAlarms } from './alarms.ts';
import { offerLoad } from './balancing.ts';
import { completeFronts } from './completion.ts';
import { STEP_SECONDS } from './constants.ts';
import { applyColleagueChanges } from './colleague.ts';
import { launchRogueInstances } from './credentials.ts';
import { applyReleases } from './release.ts';
import { applyDependencySlowdowns } from './dependency.ts';
import { countLogMetrics, writeAppLogs } from './app-logs.ts';
import { retireDatabases } from './retirement.ts';
import { admitStacks } from './arrival.ts';
import { computeDemand } from './demand.ts';
import { advanceEvents } from './events.ts';
import { checkHealth } from './health.ts';
import { advanceDatabases, advanceInstances } from './lifecycle.ts';
import { measure } from './measure.ts';
import { serveOffice } from './office.ts';
import { charge } from './money.ts';
import { chargeLogs } from './log-billing.ts';
import { trackRecovery } from './recovery.ts';
import { advanceRefreshes } from './refresh.ts';
import { routeDemand } from './routing.ts';
import { measureGroups, reconcileGroups, runScheduledActions, trackTargets } from './scaling.ts';
import { assignDatabaseRoles, finishInstances, serveDatabases, serveInstances } from './service.ts';
import { T_NOW, T_STEPS } from './state.ts';
import { noteTargetErrors } from './target-weights.ts';
import type { World } from './world.ts';

export function step(world: World): void {
  // Events that change the board come first: they change the topology and scratch the step reads.
  launchRogueInstances(world);
  retireDatabases(world);
  admitStacks(world);
  applyColleagueChanges(world);
  const sc = world.scratch;
  sc.stepCounts.fill(0);
  sc.stepCost.fill(0);
  sc.stepBill.fill(0);
  sc.stepHist.fill(0);
  // Health checks probe the world as the previous step left it (a failure at t is first seen by the probe
  // one interval later, so detection takes interval × threshold); then events and timers move it on.
  checkHealth(world);
  advanceEvents(world);
  advanceInstances(world);
  advanceDatabases(world);
  // 1–4: demand, entry, balancing, service.
  computeDemand(world);
  routeDemand(world);
  offerLoad(world);
  assignDatabaseRoles(world);
  serveInstances(world);
  serveDatabases(world);
  finishInstances(world);
  applyReleases(world);
  applyDependencySlowdowns(world);
  // The application's log lines, only where a metric filter reads them (the console derives its own).
  if (world.topo.filterCount > 0 || world.topo.appLogBilled) writeAppLogs(world);
  noteTargetErrors(world);
  // After the anomaly watch: a logged-out user is sent to the login page, not a 5xx the ALB would count.
  if (sessionsHeld(world)) {
    failLostSessions(world);
    chargeSessionStore(world);
  }
  completeFronts(world);
  // The office's requests over its VPN (scenarios with an on-premises office only).
  if (world.plan.office) serveOffice(world);
  // 8, 6, 7: measure, control, money.
  measure(world);
  trackRecovery(world);
  measureGroups(world);
  if (world.topo.filterCount > 0) countLogMetrics(world);
  evaluateAlarms(world);
  trackTargets(world);
  runScheduledActions(world);
  advanceRefreshes(world);
  reconcileGroups(world);
  chargeLogs(world);
  charge(world);
  const s = world.state;
  s.tally[T_NOW] = s.tally[T_NOW]! + STEP_SECONDS;
  s.tally[T_STEPS] = s.tally[T_STEPS]! + 1;
}

/** Steps until the world's clock reaches tS (no step starts at or after tS). */
export function stepTo(world: World, tS: number): void {
  while (world.state.tally[T_NOW]! < tS) step(world);
}
