// IAM's default quotas as AWS sets them, so a player who hits one here would hit it in a real account too.
// Each is also what keeps a room's directory (and the cost of checking an action) bounded.

export const MAX_USERS = 5000;
export const MAX_GROUPS = 300;
export const MAX_ROLES = 1000;
export const MAX_CUSTOMER_POLICIES = 1500;

/** A user may belong to at most this many groups. */
export const MAX_GROUPS_PER_USER = 10;

/** Managed policies (AWS or customer) attached to one user, group or role. */
export const MAX_MANAGED_POLICIES_PER_IDENTITY = 10;

/**
 * Users one role's trust list may name. AWS limits the trust policy to 2,048 characters, and a user's ARN
 * takes about 45 of them with its punctuation.
 */
export const MAX_TRUSTED_USERS_PER_ROLE = 40;

/** Role sessions: AWS's minimum, default role maximum, and the largest maximum a role may be given. */
export const MIN_SESSION_DURATION_S = 900;
export const DEFAULT_MAX_SESSION_DURATION_S = 3600;
export const MAX_SESSION_DURATION_S = 43_200;

/** MFA devices one IAM user may have registered (AWS: up to eight, of any kind). */
export const MAX_MFA_DEVICES_PER_USER = 8;
