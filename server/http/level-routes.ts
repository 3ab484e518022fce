// Published levels over HTTP, exactly the contract of shared/protocol/levels.ts: publish (the server proves the
// level itself, on its prover's thread, and refuses one its reference design cannot win), read, export as YAML,
// new versions and deletion with the author token, and a campaign scenario written as a level to start from.
import type { Application, NextFunction, Request, Response } from 'express';
import express from 'express';
import type { LevelDocumentProof } from '../../shared/match/prove-level.ts';
import {
  LEVEL_API_ERRORS,
  levelCodeSchema,
  levelLink,
  publishLevelBodySchema,
  type LevelApiError,
  type LevelApiErrorCode,
  type PublishedLevel,
} from '../../shared/protocol/levels.ts';
import { LEVEL_ERRORS, LEVEL_LIMITS, levelToYaml } from '../../shared/scenario/level.ts';
import { levelFromScenario } from '../../shared/scenario/level-from-scenario.ts';
import { readAsset, scenarioById } from '../assets/library.ts';
import type { Database } from '../persistence/database.ts';
import { deleteLevel, getLevel, publishLevel, publishLevelVersion, verifyAuthorToken } from '../persistence/queries/levels.ts';
import { levelRecord, readPublishedLevel } from '../levels/published.ts';
import type { Services } from '../services.ts';
import { bearer, databaseOr503, origin } from './request-parts.ts';

/** A level's JSON is at most LEVEL_LIMITS.documentChars characters, each at most 3 bytes of UTF-8 (Korean text is
 * 3), plus the body's own wrapping. Anything larger is cut off at the socket; a document over its character limit
 * within this is refused by the level's own check, with the same code. */
export const LEVEL_BODY_LIMIT_BYTES = LEVEL_LIMITS.documentChars * 3 + 4096;

function fail(res: Response, status: number, code: LevelApiErrorCode, extra: Partial<LevelApiError> = {}, message?: string): void {
  res.status(status).json({ code, message: message ?? LEVEL_API_ERRORS[code], ...extra });
}

const parseJson = express.json({ limit: LEVEL_BODY_LIMIT_BYTES });

/** The JSON body, or the body's own error in the level's words: too large, or not JSON at all. */
function levelBody(req: Request, res: Response, next: NextFunction): void {
  parseJson(req, res, (error?: unknown) => {
    if (!error) return next();
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({ code: 'level-too-large', message: `${LEVEL_ERRORS['level-too-large']} A level is at most ${LEVEL_LIMITS.documentChars} characters.`, issues: [{ path: '', message: `the request is larger than ${LEVEL_BODY_LIMIT_BYTES} bytes` }] });
    } else if (type === 'entity.parse.failed') {
      res.status(400).json({ code: 'level-syntax', message: LEVEL_ERRORS['level-syntax'], issues: [{ path: '', message: 'the body is not JSON' }] });
    } else fail(res, 400, 'invalid-request', {}, (error as Error).message);
  });
}

/** The level document from `{ level }`, or a 400 saying what the body should be. */
function documentOf(req: Request, res: Response): { level: unknown } | undefined {
  const parsed = publishLevelBodySchema.safeParse(req.body);
  if (!parsed.success || parsed.data.level === undefined) {
    fail(res, 400, 'invalid-request', {}, `${LEVEL_API_ERRORS['invalid-request']} Send JSON: { "level": { …the level… } }.`);
    return undefined;
  }
  return { level: parsed.data.level };
}

/** The level proven by this server: the proof when it may be published; otherwise answered, with the issues on
 * their fields (and the proof, when the reference design loses). */
async function proven(services: Services, document: unknown, res: Response): Promise<Extract<LevelDocumentProof, { ok: true }> | undefined> {
  const answer = await services.prover.prove(document);
  if (!answer.ok) {
    if (answer.code === 'prover-busy') fail(res, 503, 'prover-busy');
    else fail(res, 500, 'prover-failed', {}, `${LEVEL_API_ERRORS['prover-failed']} ${answer.message}`);
    return undefined;
  }
  const result = answer.proven;
  if (!result.ok) {
    res.status(result.code === 'level-too-large' ? 413 : 400).json({ code: result.code, message: result.message, issues: result.issues });
    return undefined;
  }
  if (!result.proof.publishable) {
    const missed = result.proof.reference.missed.join(', ');
    fail(res, 422, 'reference-fails', { proof: result.proof, issues: [{ path: 'solutions.reference', message: `the reference design misses ${missed}` }] });
    return undefined;
  }
  return result;
}

/** The version asked for by `?version=N`: undefined for the latest, null (answered 400) when it is not a number. */
function versionAsked(req: Request, res: Response): number | undefined | null {
  const raw = req.query.version;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,5}$/.test(raw)) {
    fail(res, 400, 'invalid-request', {}, 'version is a whole number from 1.');
    return null;
  }
  return Number(raw);
}

/** The code in the path, or a 404 (a malformed code names no level). */
function codeOf(req: Request, res: Response): string | undefined {
  const parsed = levelCodeSchema.safeParse(req.params.code);
  if (!parsed.success) fail(res, 404, 'unknown-level');
  return parsed.success ? parsed.data : undefined;
}

/** 404 for an unknown (or deleted) level, 401 without its author token; otherwise the code. */
async function authorOf(req: Request, res: Response, db: Database): Promise<string | undefined> {
  const code = codeOf(req, res);
  if (!code) return undefined;
  if (!(await getLevel(db, code)).ok) return void fail(res, 404, 'unknown-level');
  if (!(await verifyAuthorToken(db, code, bearer(req)))) {
    res.set('WWW-Authenticate', 'Bearer');
    return void fail(res, 401, 'unauthorized');
  }
  return code;
}

function database(services: Services, res: Response): Promise<Database | undefined> {
  return databaseOr503(services, res, LEVEL_API_ERRORS['no-database']);
}

export function mountLevelRoutes(app: Application, services: Services): void {
  app.post('/api/levels', levelBody, async (req, res) => {
    const body = documentOf(req, res);
    const db = body && (await database(services, res));
    if (!body || !db) return;
    const result = await proven(services, body.level, res);
    if (!result) return;
    const stored = await publishLevel(db, { document: result.level, proof: result.proof });
    const answer: PublishedLevel = { code: stored.code, version: stored.version, authorToken: stored.authorToken, link: levelLink(origin(req), stored.code), proof: result.proof };
    res.status(201).json(answer);
  });

  app.put('/api/levels/:code', levelBody, async (req, res) => {
    const body = documentOf(req, res);
    const db = body && (await database(services, res));
    const code = db && (await authorOf(req, res, db));
    if (!body || !db || !code) return;
    const result = await proven(services, body.level, res);
    if (!result) return;
    const stored = await publishLevelVersion(db, code, { document: result.level, proof: result.proof });
    // Deleted while it was being proven: nothing was stored.
    if (!stored) return fail(res, 404, 'unknown-level');
    const answer: PublishedLevel = { code, version: stored.version, link: levelLink(origin(req), code), proof: result.proof };
    res.json(answer);
  });

  app.delete('/api/levels/:code', async (req, res) => {
    const db = await database(services, res);
    const code = db && (await authorOf(req, res, db));
    if (!db || !code) return;
    if (!(await deleteLevel(db, code))) return fail(res, 404, 'unknown-level');
    res.status(204).end();
  });

  /** One version of a level, 404 with the reason when there is none; the rest is the caller's. */
  const readOr404 = async (req: Request, res: Response) => {
    const code = codeOf(req, res);
    if (!code) return undefined;
    const version = versionAsked(req, res);
    if (version === null) return undefined;
    const db = await database(services, res);
    if (!db) return undefined;
    const read = await readPublishedLevel(db, code, version);
    if (!read.ok) return void fail(res, 404, read.code);
    return read;
  };

  app.get('/api/levels/:code', async (req, res) => {
    const read = await readOr404(req, res);
    if (read) res.json(levelRecord(read));
  });

  app.get('/api/levels/:code/level.yaml', async (req, res) => {
    const read = await readOr404(req, res);
    if (!read) return;
    res
      .type('application/yaml; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="five-nines-level-${read.stored.code}-v${read.stored.version}.yaml"`)
      .send(levelToYaml(read.level));
  });

  app.get('/api/scenarios/:id/level', (req, res) => {
    const loaded = scenarioById(String(req.params.id));
    if (!loaded.ok) return fail(res, 404, 'unknown-scenario');
    const level = levelFromScenario(loaded.scenario, readAsset);
    if (!level) return fail(res, 500, 'design-invalid');
    res.json({ level });
  });
}
