// A JSON Schema of the scenario format for editors (YAML language servers, JSON editors), generated from
// the zod schema so the two cannot drift. Refinements (sums, orderings) are checked by zod only.

import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
