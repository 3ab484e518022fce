export {
  scenarioSchema,
  scenarioEventSchema,
  objectiveSchema,
  objectiveMetrics,
  areaSchema,
  type Scenario,
  type ScenarioInput,
  type ScenarioEvent,
  type Objective,
  type ObjectiveMetric,
} from './schema.ts';
export { parseScenarioText, parseScenario, type ScenarioResult } from './parse.ts';
export { scenarioJsonSchema } from './json-schema.ts';
