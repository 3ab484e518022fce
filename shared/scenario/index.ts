export {
  scenarioSchema,
  scenarioEventSchema,
  randomEventSchema,
  objectiveSchema,
  objectiveMetrics,
  areaSchema,
  startSchema,
  RESOURCE_KINDS,
  type Scenario,
  type ScenarioInput,
  type ScenarioEvent,
  type ScenarioEventType,
  type RandomEvent,
  type Objective,
  type ObjectiveMetric,
  type ScenarioStart,
} from './schema.ts';
export { PRICED_SERVICES, untimedEventSchema, announceSchema, type PricedService, type Announce } from './events.ts';
export { hintConditionSchema, liveHintSchema, HINT_CONDITIONS, type HintCondition, type LiveHint } from './hints.ts';
export { parseScenarioText, parseScenario, type ScenarioResult } from './parse.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { startingManifest, startingSource, startingRegions, startingDesign, emptyBoard, kindAllowed, scenarioAccount } from './start.ts';
