// What the API routes read from a request the same way: the bearer token a host or an author sends, and the
// database, which may still be opening (or may not open at all: then the route answers 503 with its own words).
import type { Request, Response } from 'express';
import type { Database } from '../persistence/database.ts';
import type { Services } from '../services.ts';

/** The token of `Authorization: Bearer <token>`, if the request sends one. */
export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** The open database; without one, answers 503 `no-database` with `message` and gives undefined. */
export async function databaseOr503(services: Services, res: Response, message: string): Promise<Database | undefined> {
  const db = await services.store?.ready;
  if (!db) res.status(503).json({ code: 'no-database', message });
  return db;
}

/** The address the page is served from, for links handed back to a browser. */
export function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
