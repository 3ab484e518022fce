// The teacher's HTTP side of a classroom competition: create one (POST /api/competitions) and fetch its exports
// (results as CSV or JSON, the teams' replays) with the host token as a Bearer token. Errors come back as the
// server's own message, never as a thrown exception.
import type { CreatedCompetition, NewCompetition } from '../../shared/protocol/competition.ts';
import { serverEndpoint } from './endpoint.ts';

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export type ExportKind = 'results.csv' | 'results.json' | 'replay.json';

/** The server's `{code, message}`, or the HTTP status line when the body is not that. */
async function failure(response: Response): Promise<{ ok: false; status: number; message: string }> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) message = body.message;
  } catch {
    // Not JSON: the status line says enough.
  }
  return { ok: false, status: response.status, message };
}

function unreachable(error: unknown): { ok: false; status: number; message: string } {
  return { ok: false, status: 0, message: (error as Error).message || String(error) };
}

export async function createCompetition(body: NewCompetition): Promise<Answer<CreatedCompetition>> {
  try {
    const response = await fetch(`${serverEndpoint()}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) return failure(response);
    return { ok: true, value: (await response.json()) as CreatedCompetition };
  } catch (error) {
    return unreachable(error);
  }
}

export interface ExportFile {
  /** The file name to save under: the server's Content-Disposition name, else one made from the join code. */
  name: string;
  type: string;
  text: string;
}

export async function fetchExport(id: string, hostToken: string, kind: ExportKind, code: string): Promise<Answer<ExportFile>> {
  try {
    const response = await fetch(`${serverEndpoint()}/api/competitions/${encodeURIComponent(id)}/${kind}`, { headers: { authorization: `Bearer ${hostToken}` } });
    if (!response.ok) return failure(response);
    const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    const [base, extension] = kind.split('.') as [string, string];
    return {
      ok: true,
      value: { name: named ?? `five-nines-${code}-${base}.${extension}`, type: response.headers.get('content-type') ?? 'application/octet-stream', text: await response.text() },
    };
  } catch (error) {
    return unreachable(error);
  }
}

/** How many teams have a stored result: none until the match has ended and its results were written. */
export async function storedResultCount(id: string, hostToken: string, code: string): Promise<Answer<number>> {
  const answer = await fetchExport(id, hostToken, 'results.json', code);
  if (!answer.ok) return answer;
  try {
    const body = JSON.parse(answer.value.text) as { results?: unknown[] };
    return { ok: true, value: Array.isArray(body.results) ? body.results.length : 0 };
  } catch (error) {
    return unreachable(error);
  }
}
