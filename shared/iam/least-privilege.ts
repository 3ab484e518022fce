// Least privilege as a number a scenario can score: how much of what a principal's policies grant did they
// actually use? Measured over the game's action catalogue, so "Allow * on *" is judged by the 150-odd actions
// the game has rather than by AWS's tens of thousands.

import { IAM_ACTIONS, findAction, type AccessLevel } from './actions.ts';
import { statementCoversAction, type PolicyToEvaluate } from './evaluate.ts';
import { asList, statementsOf, type PolicyStatement } from './policy-schema.ts';

/**
 * How much an unused permission counts against the score, by its access level. Unused reads cost little;
 * unused writes can break the board; unused permissions management can grant everything else, so it costs most.
 */
export const UNUSED_PERMISSION_WEIGHT: Record<AccessLevel, number> = {
  List: 1,
  Read: 1,
  Tagging: 2,
  Write: 3,
  'Permissions management': 5,
};

export interface PrivilegeReport {
  /** Catalogue actions the policies grant on some resource in some context. */
  granted: string[];
  /** Granted actions the principal used. */
  used: string[];
  /** Granted actions the principal never used: the candidates to take away. */
  unused: string[];
  /** Actions the principal used (or tried) that the policies do not grant. */
  notGranted: string[];
  /**
   * 1 − (weight of unused grants ÷ weight of all grants), with each action weighted by UNUSED_PERMISSION_WEIGHT
   * for its access level. 1 means every permission held was used (least privilege); 0 means none was. A
   * principal granted nothing scores 1: it holds no excess.
   */
  score: number;
}

/**
 * Whether the policies grant the action anywhere: some Allow covers it, and no Deny without conditions takes
 * it away on every resource. Resource and condition limits on Allows are not weighed — a grant narrowed to one
 * stack still counts as the grant — which keeps the measure about which actions are held.
 */
function grants(statements: readonly PolicyStatement[], action: string): boolean {
  const deniedEverywhere = statements.some(
    (s) => s.Effect === 'Deny' && s.Condition === undefined && asList(s.Resource).includes('*') && statementCoversAction(s, action),
  );
  return !deniedEverywhere && statements.some((s) => s.Effect === 'Allow' && statementCoversAction(s, action));
}

function weightOf(names: readonly string[], levels: ReadonlyMap<string, AccessLevel>): number {
  return names.reduce((sum, name) => sum + UNUSED_PERMISSION_WEIGHT[levels.get(name) ?? findAction(name)?.accessLevel ?? 'Write'], 0);
}

export function privilegeReport(policies: readonly PolicyToEvaluate[], actionsUsed: readonly string[]): PrivilegeReport {
  // Used names are matched case-insensitively to the catalogue, as IAM matches actions.
  const usedNames = new Set(actionsUsed.map((a) => findAction(a)?.name ?? a));
  const statements = policies.flatMap((p) => statementsOf(p.document));
  const granted = IAM_ACTIONS.filter((a) => grants(statements, a.name)).map((a) => a.name as string);
  const grantedSet = new Set(granted);
  const used = granted.filter((a) => usedNames.has(a));
  const unused = granted.filter((a) => !usedNames.has(a));
  const notGranted = [...usedNames].filter((a) => !grantedSet.has(a)).sort();
  // Granted names are the catalogue's own, so their levels are read from it directly rather than searched.
  const levels = new Map<string, AccessLevel>(IAM_ACTIONS.map((a) => [a.name, a.accessLevel]));
  const grantedWeight = weightOf(granted, levels);
  const score = grantedWeight === 0 ? 1 : 1 - weightOf(unused, levels) / grantedWeight;
  return { granted, used, unused, notGranted, score };
}

/** The catalogue actions the policies grant that were never used, in catalogue order. */
export function unusedPermissions(policies: readonly PolicyToEvaluate[], actionsUsed: readonly string[]): string[] {
  return privilegeReport(policies, actionsUsed).unused;
}

/** The least-privilege score alone (see PrivilegeReport.score for the formula). */
export function privilegeScore(policies: readonly PolicyToEvaluate[], actionsUsed: readonly string[]): number {
  return privilegeReport(policies, actionsUsed).score;
}
