// The deterministic simulation (DESIGN.md §3). See step.ts for the order of a step.

export { STEP_SECONDS } from './constants.ts';
export { createWorld, type World, type TimelineEntry, type TimelineKind, type StepMetrics } from './world.ts';
export { TIMELINE_CODES, timelineSentence, warningSentence, type TimelineCode, type TimelineValues } from './timeline-text.ts';
export { step, stepTo } from './step.ts';
export { applyAction, updateDesign, simActionSchema, type SimAction, type ActionResult } from './actions.ts';
export { hashWorld, snapshotWorld, restoreWorld, tryRestoreWorld, type WorldSnapshot, type RestoreResult } from './hash.ts';
export { runScenario, runDriven, type RunDriver, type RunResult, type RunOptions, type SeriesPoint } from './run.ts';
export { meshGrowth, peeringMeshLinks, peeringMeshRoutes, transitGatewayLinks, transitGatewayRoutes, unreachablePairs } from './links.ts';
export type { Topology } from './topology.ts';
export type { WorldState } from './state.ts';
export { hintsDue, conditionHolds, type DueHint } from './hints.ts';
export { rogueStackName } from './credentials.ts';
