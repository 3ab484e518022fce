// Checks on values that come from outside (a URL, a client message) before they reach SQL, so a malformed id reads
// as "not found" instead of a database error, and JSON that cannot be stored is caught here with a clear message.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A short text key from outside (room id, player key, scenario id): a string of 1 to `max` characters. */
export function isKey(value: unknown, max = 128): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** A non-negative safe integer (team index, sequence number, log position). */
export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The JSON text of a value bound for a jsonb column; undefined and functions are refused, not stored as null. */
export function jsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`${what} is not JSON-serialisable`);
  return text;
}
