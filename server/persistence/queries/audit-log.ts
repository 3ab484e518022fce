// The audit log: the game's CloudTrail events (shared/trail/event.ts) stored per match. Written in batches (one
// statement per batch, the batch sent as one JSON parameter, so a batch of any size is one round trip and no
// parameter limit applies; an event already stored is skipped, so a retried batch adds nothing twice). Read back
// the way the in-game console reads its live log (shared/trail/query.ts): the same filters with the same meaning,
// newest first, paged by sequence number; or oldest first, all of it, for export and replay.
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { TRAIL_PAGE_MAX, type TrailQuery } from '../../../shared/trail/query.ts';
import type { Queryable } from '../database.ts';
import { isIndex, isKey } from './input.ts';

export interface AuditQuery extends TrailQuery {
  /** Match principal, action and resource exactly (and by the indexes) instead of as case-insensitive substrings. */
  exact?: boolean;
}

interface AuditRow {
  seq: number;
  simS: number;
  wallTime: Date;
  team: string | null;
  principalType: TrailEvent['principal']['type'];
  principal: string;
  principalArn: string | null;
  eventSource: string;
  eventName: string;
  resource: string | null;
  params: Record<string, unknown>;
  outcome: TrailEvent['outcome'];
  errorCode: string | null;
  errorMessage: string | null;
}

const COLUMNS = `seq, sim_s AS "simS", wall_time AS "wallTime", team, principal_type AS "principalType", principal,
  principal_arn AS "principalArn", event_source AS "eventSource", action AS "eventName", resource,
  parameters AS params, outcome, error_code AS "errorCode", error_message AS "errorMessage"`;

/** A stored row as the event it was, with absent optional fields left out rather than null. */
function toEvent(row: AuditRow): TrailEvent {
  const principal: TrailEvent['principal'] = { type: row.principalType, name: row.principal };
  if (row.principalArn !== null) principal.arn = row.principalArn;
  const event: TrailEvent = {
    seq: row.seq,
    simS: row.simS,
    wallMs: row.wallTime.getTime(),
    team: row.team,
    principal,
    eventSource: row.eventSource,
    eventName: row.eventName,
    params: row.params,
    outcome: row.outcome,
  };
  if (row.resource !== null) event.resource = row.resource;
  if (row.errorCode !== null) event.errorCode = row.errorCode;
  if (row.errorMessage !== null) event.errorMessage = row.errorMessage;
  return event;
}

/** Appends a match's events; returns how many were new. */
export async function appendAuditEvents(db: Queryable, matchId: string, events: readonly TrailEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  if (!isKey(matchId)) throw new Error('audit events need a match id of 1 to 128 characters');
  const batch = events.map((e) => ({
    seq: e.seq,
    sim_s: e.simS,
    wall_time: new Date(e.wallMs).toISOString(),
    team: e.team,
    principal_type: e.principal.type,
    principal: e.principal.name,
    principal_arn: e.principal.arn ?? null,
    event_source: e.eventSource,
    action: e.eventName,
    resource: e.resource ?? null,
    parameters: e.params,
    outcome: e.outcome,
    error_code: e.errorCode ?? null,
    error_message: e.errorMessage ?? null,
  }));
  const rows = await db.query(
    `INSERT INTO audit_log (match_id, seq, sim_s, wall_time, team, principal_type, principal, principal_arn,
       event_source, action, resource, parameters, outcome, error_code, error_message)
     SELECT $1, seq, sim_s, wall_time, team, principal_type, principal, principal_arn, event_source, action, resource,
       COALESCE(parameters, '{}'::jsonb), outcome, error_code, error_message
     FROM jsonb_to_recordset($2::jsonb) AS e(seq bigint, sim_s double precision, wall_time timestamptz, team text,
       principal_type text, principal text, principal_arn text, event_source text, action text, resource text,
       parameters jsonb, outcome text, error_code text, error_message text)
     ORDER BY seq
     ON CONFLICT (match_id, seq) DO NOTHING
     RETURNING id`,
    [matchId, JSON.stringify(batch)],
  );
  return rows.length;
}

/** The newest events of a match that match the query, newest first, at most `limit` (default and maximum
 * TRAIL_PAGE_MAX), as shared/trail/query.ts's queryTrail gives them from a live log. Text filters are
 * case-insensitive substrings (lower() follows the database's locale: ASCII everywhere) unless `exact` is set.
 * Empty for an unknown match. */
export async function queryAuditLog(db: Queryable, matchId: string, q: AuditQuery = {}): Promise<TrailEvent[]> {
  if (!isKey(matchId)) return [];
  const params: unknown[] = [matchId];
  const where = ['match_id = $1'];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const contains = (column: string, needle: string): string => `strpos(lower(${column}), lower(${param(needle)})) > 0`;
  if (q.principal !== undefined) {
    where.push(
      q.exact
        ? `(principal = ${param(q.principal)} OR principal_arn = $${params.length})`
        : `(${contains('principal', q.principal)} OR ${contains(`COALESCE(principal_arn, '')`, q.principal)})`,
    );
  }
  if (q.action !== undefined) {
    const qualified = `split_part(event_source, '.', 1) || ':' || action`;
    where.push(
      q.exact
        ? `(action = ${param(q.action)} OR ${qualified} = $${params.length})`
        : `(${contains('action', q.action)} OR ${contains(qualified, q.action)})`,
    );
  }
  if (q.resource !== undefined) {
    where.push(q.exact ? `resource = ${param(q.resource)}` : contains(`COALESCE(resource, '')`, q.resource));
  }
  if (q.outcome !== undefined) where.push(`outcome = ${param(q.outcome)}`);
  if (q.team !== undefined) where.push(`team = ${param(q.team)}`);
  if (q.fromS !== undefined) where.push(`sim_s >= ${param(q.fromS)}`);
  if (q.toS !== undefined) where.push(`sim_s <= ${param(q.toS)}`);
  if (q.before !== undefined) where.push(`seq < ${param(q.before)}`);
  const limit = isIndex(q.limit) ? Math.min(q.limit, TRAIL_PAGE_MAX) : TRAIL_PAGE_MAX;
  const rows = await db.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ${param(limit)}`,
    params,
  );
  return rows.map(toEvent);
}

/** A match's events oldest first, from `afterSeq` on (all by default), at most `limit` (default 10,000): for the
 * JSON export and for replays. */
export async function readAuditLog(
  db: Queryable,
  matchId: string,
  options: { afterSeq?: number; limit?: number } = {},
): Promise<TrailEvent[]> {
  if (!isKey(matchId)) return [];
  const rows = await db.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log WHERE match_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [matchId, options.afterSeq ?? -1, isIndex(options.limit) ? options.limit : 10_000],
  );
  return rows.map(toEvent);
}

/** How many events a match has and its highest sequence number (-1 when none): where to carry on after a restart. */
export async function auditLogTail(db: Queryable, matchId: string): Promise<{ count: number; lastSeq: number }> {
  if (!isKey(matchId)) return { count: 0, lastSeq: -1 };
  const rows = await db.query<{ count: number; lastSeq: number | null }>(
    `SELECT count(*) AS count, max(seq) AS "lastSeq" FROM audit_log WHERE match_id = $1`,
    [matchId],
  );
  return { count: rows[0]?.count ?? 0, lastSeq: rows[0]?.lastSeq ?? -1 };
}
