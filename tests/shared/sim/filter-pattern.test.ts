// CloudWatch Logs filter patterns on the application's lines: terms (all, case-sensitive), "quoted phrases",
// ?terms (any), -terms (none), the empty pattern (every event); JSON, space-delimited and regex patterns match nothing.
import { describe, expect, it } from 'vitest';
import { appLogLines } from '../../../shared/catalogue/app-logs.ts';
import { matchesFilter, parseFilterPattern } from '../../../shared/sim/filter-pattern.ts';

const lines = appLogLines({ name: 'payments-api', retries: 2 });
const matching = (pattern: string) => lines.filter((l) => matchesFilter(parseFilterPattern(pattern), l));
const RETRY = 'ERROR payments-api call failed: timed out waiting for a connection from the pool (attempt 1 of 3); retrying';
const GAVE_UP = 'ERROR payments-api call failed after 3 attempts; answering 503 Service Unavailable';

describe('filter patterns', () => {
  it('the empty pattern matches every event', () => {
    expect(matching('')).toEqual(lines);
  });

  it('terms must all appear, case-sensitively', () => {
    expect(matching('ERROR')).toContain(GAVE_UP);
    expect(matching('ERROR').some((l) => l.startsWith('INFO'))).toBe(false);
    expect(matching('error')).toEqual([]);
    expect(matching('ERROR 503')).toEqual([GAVE_UP]);
  });

  it('a quoted phrase matches as written, spaces included', () => {
    expect(matching('"attempt 1 of 3"')).toEqual([RETRY]);
    expect(matching('"of 3 attempt"')).toEqual([]);
  });

  it('?terms need one of them', () => {
    expect(matching('?503 ?201')).toEqual(['INFO POST /orders 201', GAVE_UP]);
    expect(matching('?FATAL ?CRITICAL')).toEqual([]);
  });

  it('-terms exclude', () => {
    expect(matching('ERROR -retrying')).toEqual([GAVE_UP]);
    expect(matching('-ERROR')).toEqual(lines.filter((l) => l.startsWith('INFO')));
    expect(matching('ERROR -"attempt 1 of"')).not.toContain(RETRY);
  });

  it('JSON, space-delimited and regex patterns are not supported and match nothing', () => {
    for (const p of ['{ $.level = "ERROR" }', '[ip, user, status=503]', '%ERROR%']) {
      expect(parseFilterPattern(p).supported).toBe(false);
      expect(matching(p)).toEqual([]);
    }
  });
});
