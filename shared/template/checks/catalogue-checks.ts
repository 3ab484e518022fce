// Instance types and database classes must be ones the catalogue prices; an unknown one is a warning (the
// template is valid AWS, but the game has no capacity or price for it).

import { catalogue } from '../../catalogue/index.ts';
import type { DesignIssue } from '../../design/model.ts';
import type { CheckContext } from './check-context.ts';

export function checkCatalogue(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const types: Record<string, unknown> = catalogue.instanceTypes;
  const classes: Record<string, unknown> = catalogue.databaseClasses;
  for (const r of [...c.ofKind('instance'), ...c.ofKind('launchTemplate')]) {
    if (!Object.hasOwn(types, r.props.instanceType)) {
      issues.push(c.issue(r, 'warning', 'unknown-instance-type', `instance type ${r.props.instanceType} is not in the game's catalogue`, { type: r.props.instanceType }));
    }
  }
  // A mixed instances policy's override launches its own type.
  for (const g of c.ofKind('autoScalingGroup')) {
    const type = g.props.instanceType;
    if (type !== undefined && !Object.hasOwn(types, type)) {
      issues.push(c.issue(g, 'warning', 'unknown-instance-type', `instance type ${type} is not in the game's catalogue`, { type }));
    }
  }
  for (const db of c.ofKind('database')) {
    // A replica without a class of its own takes its source's.
    if (db.props.instanceClass === '' && db.props.source !== undefined) continue;
    if (!Object.hasOwn(classes, db.props.instanceClass)) {
      issues.push(c.issue(db, 'warning', 'unknown-db-class', `database class ${db.props.instanceClass || '(none)'} is not in the game's catalogue`, { dbClass: db.props.instanceClass || '—' }));
    }
  }
  return issues;
}
