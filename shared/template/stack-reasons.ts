// The status reasons the game writes on stack events, in CloudFormation's own English (stack-events.ts writes
// them), and read back as a code and values so a client can say them in its player's language. A reason that
// quotes a refusal keeps that refusal's English inside the translated frame.
export const USER_INITIATED = 'User Initiated';
export const ROLLBACK_REQUESTED = 'Rollback requested by user.';

export function resourcesFailed(action: 'create' | 'update', logicalId: string): string {
  return `The following resource(s) failed to ${action}: [${logicalId}].`;
}

export interface StackReason {
  code: 'userInitiated' | 'resourcesFailed' | 'quoted';
  /** `action` (create / update), `ids`, or `reason` (a refusal's own English). */
  values: Record<string, string>;
  /** The reason ends with CloudFormation's "Rollback requested by user." */
  rollback: boolean;
}

/** A reason the game wrote, as a code and values; undefined for any other text (shown as written). */
export function readStackReason(text: string): StackReason | undefined {
  if (text === USER_INITIATED) return { code: 'userInitiated', values: {}, rollback: false };
  const rollback = text.endsWith(` ${ROLLBACK_REQUESTED}`);
  const body = rollback ? text.slice(0, -ROLLBACK_REQUESTED.length - 1) : text;
  const failed = /^The following resource\(s\) failed to (create|update): \[(.+)\]\.$/.exec(body);
  if (failed) return { code: 'resourcesFailed', values: { action: failed[1]!, ids: failed[2]! }, rollback };
  if (rollback) return { code: 'quoted', values: { reason: body.replace(/\.$/, '') }, rollback };
  return undefined;
}
