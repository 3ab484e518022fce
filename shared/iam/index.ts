// The IAM rules the match room enforces on every player action, in one import. See each file for its rule:
// policy-schema / parse-policy (the policy language), evaluate (AWS's decision logic), actions and arn (the
// game's names), managed-policies, directory / policy-attachments / roles (users, groups, roles), principals
// and authorize (who may do what), least-privilege (the score).

export * from './actions.ts';
export * from './arn.ts';
export * from './authorize.ts';
export * from './conditions.ts';
export * from './directory.ts';
export * from './evaluate.ts';
export * from './glob.ts';
export * from './least-privilege.ts';
export * from './managed-policies.ts';
export * from './names.ts';
export * from './parse-policy.ts';
export * from './policy-attachments.ts';
export * from './policy-schema.ts';
export * from './principals.ts';
export * from './quotas.ts';
export * from './refusals.ts';
export * from './roles.ts';
