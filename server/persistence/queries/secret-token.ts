// Secrets the server hands out once and keeps only as a hash: a competition's host token, a level's author token.
// Made here, stored as SHA-256 (hex), and compared in constant time, so the database never holds a usable token
// and a wrong guess learns nothing from how long the answer took.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The longest token accepted for checking: anything longer is not one of ours. */
const MAX_TOKEN_CHARS = 512;

/** A new token (32 random bytes, base64url) and the hash to store for it. */
export function newSecretToken(): { token: string; sha256: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, sha256: sha256Hex(token) };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** True only when `presented` is the token whose hash was stored; a missing or malformed one is simply false. */
export function tokenMatches(storedSha256: string | undefined, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > MAX_TOKEN_CHARS) return false;
  if (storedSha256 === undefined) return false;
  const stored = Buffer.from(storedSha256, 'hex');
  const given = Buffer.from(sha256Hex(presented), 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given);
}
