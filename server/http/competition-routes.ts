// The teacher's HTTP side of a competition: create one (a room and a host token), and export its results
// and replays, guarded by the host token as `Authorization: Bearer <token>`.
import { matchMaker } from '@colyseus/core';
import type { Application, Request, Response } from 'express';
import express from 'express';
import { newCompetitionSchema, type CompetitionPlan, type CreatedCompetition, type NewCompetition as NewCompetitionRequest } from '../../shared/protocol/competition.ts';
import { LEVEL_API_ERRORS, levelKey } from '../../shared/protocol/levels.ts';
import { MATCH_ROOM } from '../../shared/protocol/messages.ts';
import { scenarioById } from '../assets/library.ts';
import type { Database } from '../persistence/database.ts';
import { getLevel } from '../persistence/queries/levels.ts';
import { createCompetition, getCompetition, setCompetitionStatus, verifyHostToken } from '../persistence/queries/competitions.ts';
import { getReplay, listReplays } from '../persistence/queries/replays.ts';
import { createTeams } from '../persistence/queries/teams.ts';
import { resultsToCsv } from '../persistence/results-csv.ts';
import { newRoomCode } from '../rooms/room-codes.ts';
import { competitionExport } from '../competitions/results-export.ts';
import type { Services } from '../services.ts';
import { bearer, databaseOr503, origin } from './request-parts.ts';

function database(services: Services, res: Response): Promise<Database | undefined> {
  return databaseOr503(services, res, 'Results cannot be stored: the database is not available.');
}

/** 404 for an unknown competition, 401 without the right token; otherwise the competition. */
async function guarded(req: Request, res: Response, db: Database) {
  const id = String(req.params.id ?? '');
  const competition = await getCompetition(db, id);
  if (!competition) {
    res.status(404).json({ code: 'unknown-competition', message: 'There is no competition with that id.' });
    return undefined;
  }
  if (!(await verifyHostToken(db, id, bearer(req)))) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ code: 'unauthorized', message: "Send the competition's host token as Authorization: Bearer <token>." });
    return undefined;
  }
  return competition;
}

type Play = { ok: true; scenarioId: string; level?: { code: string; version: number } } | { ok: false; code: string; message: string };

/** The campaign scenario or the published level a competition plays; a level's version is fixed here, at creation,
 * so a new version published during the lesson changes nothing for the class. */
async function whatItPlays(db: Database, asked: NewCompetitionRequest): Promise<Play> {
  if (asked.level) {
    const read = await getLevel(db, asked.level.code, asked.level.version);
    if (!read.ok) return { ok: false, code: read.code, message: LEVEL_API_ERRORS[read.code] };
    return { ok: true, scenarioId: levelKey(read.level.code), level: { code: read.level.code, version: read.level.version } };
  }
  const scenario = scenarioById(asked.scenario ?? '');
  return scenario.ok ? { ok: true, scenarioId: scenario.scenario.id } : { ok: false, code: 'unknown-scenario', message: scenario.message };
}

export function mountCompetitionRoutes(app: Application, services: Services): void {
  app.post('/api/competitions', express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = newCompetitionSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.status(400).json({ code: 'invalid-competition', message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const db = await database(services, res);
    if (!db) return;
    const play = await whatItPlays(db, parsed.data);
    if (!play.ok) {
      res.status(400).json({ code: play.code, message: play.message });
      return;
    }
    const seed = parsed.data.seed ?? Math.floor(Math.random() * 2 ** 31);
    const code = await newRoomCode();
    const created = await createCompetition(db, {
      joinCode: code,
      scenarioId: play.scenarioId,
      ...(play.level ? { level: play.level } : {}),
      seed,
      settings: { teamCount: parsed.data.teams, teamSize: parsed.data.teamSize, buildTimeS: parsed.data.buildTimeS, speed: parsed.data.speed },
      roomId: code,
    });
    if (!created.ok) {
      res.status(409).json({ code: created.code, message: 'That join code is taken; try again.' });
      return;
    }
    // Team rows named as the room names its teams (team-1 … team-N as "Team 1" …).
    await createTeams(db, created.competition.id, Array.from({ length: parsed.data.teams }, (_, i) => `Team ${i + 1}`));
    services.competitionRooms.set(code, created.competition.id);
    try {
      // On this process: only it knows the code belongs to the competition (another would make a room of its own).
      await matchMaker.handleCreateRoom(MATCH_ROOM, {
        mode: 'classroom',
        ...(play.level ? { level: play.level } : { scenario: play.scenarioId }),
        seed,
        teams: parsed.data.teams,
        competitionCode: code,
        competitionPlan: { speed: parsed.data.speed, buildTimeS: parsed.data.buildTimeS, autoStart: parsed.data.autoStart, lateJoins: parsed.data.lateJoins } satisfies CompetitionPlan,
        ...(parsed.data.design ? { design: parsed.data.design } : {}),
      });
    } catch (error) {
      services.competitionRooms.delete(code);
      res.status(500).json({ code: 'room-failed', message: (error as Error).message });
      return;
    }
    await setCompetitionStatus(db, created.competition.id, 'building');
    const body: CreatedCompetition = { id: created.competition.id, code, hostToken: created.hostToken, joinUrl: `${origin(req)}/?code=${code}` };
    res.status(201).json(body);
  });

  app.get('/api/competitions/:id/results.json', async (req, res) => {
    const db = await database(services, res);
    const competition = db && (await guarded(req, res, db));
    if (!db || !competition) return;
    // Each stored result with the shared export's rounded figures and members beside it (the raw 0..1
    // availability and milliseconds stay for programs that read them).
    const shaped = await competitionExport(db, competition.id);
    res.json({ competition, results: shaped.results.map((r, i) => ({ ...r, ...shaped.teams[i] })) });
  });

  app.get('/api/competitions/:id/results.csv', async (req, res) => {
    const db = await database(services, res);
    const competition = db && (await guarded(req, res, db));
    if (!db || !competition) return;
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="five-nines-${competition.joinCode}-results.csv"`);
    res.send(resultsToCsv((await competitionExport(db, competition.id)).teams));
  });

  app.get('/api/competitions/:id/replay.json', async (req, res) => {
    const db = await database(services, res);
    const competition = db && (await guarded(req, res, db));
    if (!db || !competition) return;
    const summaries = await listReplays(db, competition.id);
    const replays = await Promise.all(summaries.map((s) => getReplay(db, competition.id, s.teamIndex)));
    res.json({ competition, replays });
  });
}
