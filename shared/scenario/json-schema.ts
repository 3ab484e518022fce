// A JSON Schema of the scenario format for editors (YAML language servers, JSON editors), generated from
// the zod schema so the two cannot drift. Refinements (sums, orderings) are checked by zod only. The copy in
// assets/schema/scenario.schema.json is written by `npm run sim -- --schema` and checked by a test.

import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, title: 'Five Nines scenario', ...rest };
}
