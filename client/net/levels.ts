// Published levels over HTTP (shared/protocol/levels.ts is the contract): publish, a new version, delete, read one,
// a campaign level to start from; and the author tokens this browser keeps, one per level it published.
// Errors come back as the server's own message (and its issues on fields), never as a thrown exception.
import type { LevelApiError, LevelRecord, PublishedLevel } from '../../shared/protocol/levels.ts';
import type { LevelIssue } from '../../shared/scenario/level.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { serverEndpoint } from './endpoint.ts';

export type LevelAnswer<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string; issues: LevelIssue[] };

async function failure(response: Response): Promise<LevelAnswer<never>> {
  let body: Partial<LevelApiError> = {};
  try {
    body = (await response.json()) as Partial<LevelApiError>;
  } catch {
    // Not JSON: the status line says enough.
  }
  return {
    ok: false,
    status: response.status,
    code: typeof body.code === 'string' ? body.code : 'http',
    message: typeof body.message === 'string' && body.message ? body.message : `${response.status} ${response.statusText}`.trim(),
    issues: Array.isArray(body.issues) ? body.issues : [],
  };
}

async function call<T>(path: string, init: RequestInit, expect: number, read: (r: Response) => Promise<T>): Promise<LevelAnswer<T>> {
  try {
    const response = await fetch(`${serverEndpoint()}${path}`, init);
    if (response.status !== expect) return failure(response);
    return { ok: true, value: await read(response) };
  } catch (error) {
    return { ok: false, status: 0, code: 'unreachable', message: (error as Error).message || String(error), issues: [] };
  }
}

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const publishLevel = (level: unknown) =>
  call<PublishedLevel>('/api/levels', { method: 'POST', headers: json, body: JSON.stringify({ level }) }, 201, (r) => r.json() as Promise<PublishedLevel>);

export const publishVersion = (code: string, token: string, level: unknown) =>
  call<PublishedLevel>(`/api/levels/${encodeURIComponent(code)}`, { method: 'PUT', headers: { ...json, ...bearer(token) }, body: JSON.stringify({ level }) }, 200, (r) => r.json() as Promise<PublishedLevel>);

export const deleteLevel = (code: string, token: string) => call<null>(`/api/levels/${encodeURIComponent(code)}`, { method: 'DELETE', headers: bearer(token) }, 204, async () => null);

export const fetchLevel = (code: string, version?: number) =>
  call<LevelRecord>(`/api/levels/${encodeURIComponent(code)}${version ? `?version=${version}` : ''}`, {}, 200, (r) => r.json() as Promise<LevelRecord>);

/** A campaign scenario written as a self-contained level, to start a new one from. */
export const fetchCampaignLevel = (id: string) =>
  call<Scenario>(`/api/scenarios/${encodeURIComponent(id)}/level`, {}, 200, async (r) => ((await r.json()) as { level: Scenario }).level);

// ---------------------------------------------------------------------------------------------------------------
// Author tokens: a JSON map code → token in localStorage (the decision both sides rely on).

const TOKENS_KEY = 'five-nines.level-tokens';

function tokens(): Record<string, string> {
  try {
    const read = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}') as unknown;
    return read && typeof read === 'object' && !Array.isArray(read) ? (read as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function authorToken(code: string): string | undefined {
  const token = tokens()[code];
  return typeof token === 'string' ? token : undefined;
}

export function keepAuthorToken(code: string, token: string): void {
  localStorage.setItem(TOKENS_KEY, JSON.stringify({ ...tokens(), [code]: token }));
}

export function forgetAuthorToken(code: string): void {
  const { [code]: _gone, ...rest } = tokens();
  localStorage.setItem(TOKENS_KEY, JSON.stringify(rest));
}
