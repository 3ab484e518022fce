// What the account retained (shared/account/retained-stack.ts) is in no stack: a template can name it only by a
// physical id the game does not give it, so a stack's resource may not refer to it (a board gesture that would
// connect one to it is refused, and every export stays a template CloudFormation could deploy). What is retained
// may go on using stacks' resources: the dependency goes the other way.

import type { Design, DesignIssue } from '../../design/model.ts';
import { referencesOf } from '../../design/references.ts';

export function checkRetainedReferences(design: Design): DesignIssue[] {
  const issues: DesignIssue[] = [];
  if (!design.stacks.some((s) => s.retained)) return issues;
  for (const r of design.resources) {
    const stack = design.stacks[r.stack];
    if (!stack || stack.account) continue;
    for (const id of referencesOf(r)) {
      const target = design.resources[id];
      const home = target ? design.stacks[target.stack] : undefined;
      if (!target || !home?.retained) continue;
      issues.push({
        severity: 'error',
        code: 'retained-reference',
        stack: stack.name,
        logicalId: r.logicalId,
        message: `${home.name}/${target.logicalId} was retained in the account when its stack let go of it: no stack's template can refer to it`,
      });
      break;
    }
  }
  return issues;
}
