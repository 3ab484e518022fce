// Cross-stack references: an Output with Export.Name in one stack is what Fn::ImportValue names in another.
// The table of export names is built on first use (export names may use Fn::Sub on the exporting stack's
// name and region), and an import resolves the exported Value in the exporting stack's scope.

import type { DesignIssue } from '../design/model.ts';
import { conditionNamed } from './conditions.ts';
import { resolveValue, textOf } from './intrinsics.ts';
import { isPlainObject, type PlainObject } from './plain-data.ts';
import type { PreparedStack } from './stack-setup.ts';

export function exportLookup(
  stacks: () => PreparedStack[],
  report: (issue: DesignIssue) => void,
): (name: string) => { found: boolean; value?: unknown } {
  let table: Map<string, { stack: PreparedStack; output: PlainObject; outputName: string }> | undefined;
  let building = false;
  const resolving = new Set<string>();

  const build = () => {
    building = true;
    table = new Map();
    for (const stack of stacks()) {
      const outputs = isPlainObject(stack.template['Outputs']) ? stack.template['Outputs'] : {};
      for (const [outputName, output] of Object.entries(outputs)) {
        if (!isPlainObject(output) || !isPlainObject(output['Export'])) continue;
        const at = { path: `Outputs.${outputName}` };
        const scope = stack.scope;
        if (typeof output['Condition'] === 'string' && !conditionNamed(output['Condition'], scope, at, (v) => resolveValue(v, scope, at))) continue;
        const name = textOf(resolveValue(output['Export']['Name'], scope, at), scope);
        if (name === '') continue;
        if (table.has(name)) {
          report({ severity: 'error', code: 'duplicate-export', stack: stack.stack.name, message: `export name "${name}" is exported twice` });
          continue;
        }
        table.set(name, { stack, output, outputName });
      }
    }
    building = false;
  };

  return (name) => {
    if (building) return { found: false };
    if (!table) build();
    const entry = table!.get(name);
    if (!entry || resolving.has(name)) return { found: false };
    resolving.add(name);
    const scope = entry.stack.scope;
    const value = resolveValue(entry.output['Value'], scope, { path: `Outputs.${entry.outputName}.Value` });
    resolving.delete(name);
    return { found: true, value };
  };
}
