import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  createCompetition,
  findCompetitionByJoinCode,
  findCompetitionByRoom,
  getCompetition,
  listCompetitions,
  setCompetitionRoom,
  setCompetitionStatus,
  verifyHostToken,
  type Competition,
  type CompetitionSettings,
} from '../../../server/persistence/queries/competitions.ts';
import {
  createTeams,
  findPlayerBySession,
  getTeam,
  listPlayers,
  listTeams,
  removePlayer,
  renameTeam,
  seatPlayer,
} from '../../../server/persistence/queries/teams.ts';
import { describeOnBothDatabases } from './backends.ts';

const SETTINGS: CompetitionSettings = { teamCount: 3, teamSize: 4, buildTimeS: 300, speed: 60 };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A join code no other test uses (the database is shared by the tests of a suite). */
function code(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

describeOnBothDatabases('competitions', (db) => {
  async function create(joinCode = code()): Promise<{ competition: Competition; hostToken: string }> {
    const created = await createCompetition(db(), { joinCode, scenarioId: 'az-outage', seed: 4_000_000_007, settings: SETTINGS });
    if (!created.ok) throw new Error(created.code);
    return created;
  }

  it('are created with their settings, found by id and by join code', async () => {
    const joinCode = code();
    const { competition, hostToken } = await create(joinCode);
    expect(competition).toMatchObject({
      joinCode,
      scenarioId: 'az-outage',
      seed: 4_000_000_007,
      settings: SETTINGS,
      status: 'created',
      roomId: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(competition.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(competition.createdAt).toBeInstanceOf(Date);
    expect(hostToken.length).toBeGreaterThanOrEqual(40);
    expect(await getCompetition(db(), competition.id)).toEqual(competition);
    expect(await findCompetitionByJoinCode(db(), joinCode)).toEqual(competition);
  });

  it('never store the host token itself', async () => {
    const { competition, hostToken } = await create();
    const [row] = await db().query<Record<string, unknown>>('SELECT * FROM competitions WHERE id = $1', [competition.id]);
    expect(JSON.stringify(row)).not.toContain(hostToken);
    expect(row!.host_token_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accept the right host token and refuse a wrong, a missing or a mangled one', async () => {
    const { competition, hostToken } = await create();
    const other = await create();
    expect(await verifyHostToken(db(), competition.id, hostToken)).toBe(true);
    expect(await verifyHostToken(db(), competition.id, other.hostToken)).toBe(false);
    expect(await verifyHostToken(db(), competition.id, `${hostToken}x`)).toBe(false);
    expect(await verifyHostToken(db(), competition.id, hostToken.slice(1))).toBe(false);
    expect(await verifyHostToken(db(), competition.id, '')).toBe(false);
    expect(await verifyHostToken(db(), competition.id, undefined)).toBe(false);
    expect(await verifyHostToken(db(), competition.id, null)).toBe(false);
    expect(await verifyHostToken(db(), competition.id, 42)).toBe(false);
    expect(await verifyHostToken(db(), competition.id, 'x'.repeat(10_000))).toBe(false);
    expect(await verifyHostToken(db(), UNKNOWN_ID, hostToken)).toBe(false);
    expect(await verifyHostToken(db(), 'not-a-uuid', hostToken)).toBe(false);
  });

  it('refuse a join code that a live competition holds, and free it when that one finishes', async () => {
    const joinCode = code();
    const first = await create(joinCode);
    expect(await createCompetition(db(), { joinCode, scenarioId: 'x', seed: 1, settings: SETTINGS })).toEqual({
      ok: false,
      code: 'join-code-taken',
    });
    expect((await setCompetitionStatus(db(), first.competition.id, 'finished')).ok).toBe(true);
    expect(await findCompetitionByJoinCode(db(), joinCode)).toBeUndefined();
    const second = await create(joinCode);
    expect(second.competition.id).not.toBe(first.competition.id);
    expect((await findCompetitionByJoinCode(db(), joinCode))?.id).toBe(second.competition.id);
  });

  it('move through their statuses, stamping the start and the finish', async () => {
    const { competition } = await create();
    const building = await setCompetitionStatus(db(), competition.id, 'building');
    expect(building).toMatchObject({ ok: true, competition: { status: 'building', startedAt: null } });
    const running = await setCompetitionStatus(db(), competition.id, 'running');
    if (!running.ok) throw new Error(running.code);
    expect(running.competition.startedAt).toBeInstanceOf(Date);
    const paused = await setCompetitionStatus(db(), competition.id, 'paused');
    expect(paused).toMatchObject({ ok: true, competition: { status: 'paused' } });
    const resumed = await setCompetitionStatus(db(), competition.id, 'running');
    if (!resumed.ok) throw new Error(resumed.code);
    expect(resumed.competition.startedAt).toEqual(running.competition.startedAt); // the first start stays
    const finished = await setCompetitionStatus(db(), competition.id, 'finished');
    if (!finished.ok) throw new Error(finished.code);
    expect(finished.competition.finishedAt).toBeInstanceOf(Date);
  });

  it('refuse a status move that is not allowed, and one for an unknown competition', async () => {
    const { competition } = await create();
    expect(await setCompetitionStatus(db(), competition.id, 'paused')).toEqual({ ok: false, code: 'status-not-allowed' });
    await setCompetitionStatus(db(), competition.id, 'finished');
    expect(await setCompetitionStatus(db(), competition.id, 'running')).toEqual({ ok: false, code: 'status-not-allowed' });
    expect(await setCompetitionStatus(db(), UNKNOWN_ID, 'running')).toEqual({ ok: false, code: 'unknown-competition' });
    expect(await setCompetitionStatus(db(), 'nonsense', 'running')).toEqual({ ok: false, code: 'unknown-competition' });
  });

  it('record their room, and are found by it', async () => {
    const { competition } = await create();
    const roomId = `room-${code()}`;
    expect(await setCompetitionRoom(db(), competition.id, roomId)).toBe(true);
    expect((await findCompetitionByRoom(db(), roomId))?.id).toBe(competition.id);
    expect(await setCompetitionRoom(db(), UNKNOWN_ID, roomId)).toBe(false);
    expect(await findCompetitionByRoom(db(), 'no-such-room')).toBeUndefined();
  });

  it('are listed by status', async () => {
    const { competition } = await create();
    await setCompetitionStatus(db(), competition.id, 'running');
    const running = await listCompetitions(db(), ['running', 'paused']);
    expect(running.map((c) => c.id)).toContain(competition.id);
    expect(running.every((c) => c.status === 'running' || c.status === 'paused')).toBe(true);
    expect(await listCompetitions(db(), [])).toEqual([]);
  });

  it('answer nothing, without an error, for ids that do not exist or are malformed', async () => {
    expect(await getCompetition(db(), UNKNOWN_ID)).toBeUndefined();
    expect(await getCompetition(db(), "1'; DROP TABLE competitions; --")).toBeUndefined();
    expect(await findCompetitionByJoinCode(db(), 'NOPE00')).toBeUndefined();
    expect(await findCompetitionByJoinCode(db(), '')).toBeUndefined();
  });
});

describeOnBothDatabases('teams and players', (db) => {
  async function competitionWithTeams(names: string[]): Promise<string> {
    const created = await createCompetition(db(), {
      joinCode: code(),
      scenarioId: 'region-outage',
      seed: 7,
      settings: SETTINGS,
    });
    if (!created.ok) throw new Error(created.code);
    await createTeams(db(), created.competition.id, names);
    return created.competition.id;
  }

  it('are numbered in the order given, and listed in that order', async () => {
    const id = await competitionWithTeams(['Red', 'Green', 'Blue']);
    const teams = await listTeams(db(), id);
    expect(teams.map((t) => [t.teamIndex, t.name])).toEqual([
      [0, 'Red'],
      [1, 'Green'],
      [2, 'Blue'],
    ]);
    expect(teams.every((t) => t.competitionId === id)).toBe(true);
    const more = await createTeams(db(), id, ['Gold'], 3);
    expect(more).toMatchObject([{ teamIndex: 3, name: 'Gold' }]);
    expect(await getTeam(db(), id, 1)).toMatchObject({ name: 'Green' });
    expect(await renameTeam(db(), teams[1]!.id, 'Emerald')).toMatchObject({ teamIndex: 1, name: 'Emerald' });
  });

  it('seat players by session, keeping the seat of one who comes back', async () => {
    const id = await competitionWithTeams(['Red', 'Blue']);
    const [red, blue] = await listTeams(db(), id);
    const ada = await seatPlayer(db(), red!.id, 'Ada', 'session-ada');
    await seatPlayer(db(), blue!.id, 'Grace', 'session-grace');
    expect(ada).toMatchObject({ teamId: red!.id, teamIndex: 0, nickname: 'Ada', sessionId: 'session-ada' });
    expect(ada!.joinedAt).toBeInstanceOf(Date);

    const back = await seatPlayer(db(), red!.id, 'Ada L.', 'session-ada');
    expect(back!.id).toBe(ada!.id);
    expect(back!.nickname).toBe('Ada L.');

    const players = await listPlayers(db(), id);
    expect(players.map((p) => [p.teamIndex, p.nickname])).toEqual([
      [0, 'Ada L.'],
      [1, 'Grace'],
    ]);
    expect(await findPlayerBySession(db(), id, 'session-grace')).toMatchObject({ nickname: 'Grace', teamIndex: 1 });
    expect(await removePlayer(db(), ada!.id)).toBe(true);
    expect(await removePlayer(db(), ada!.id)).toBe(false);
    expect(await listPlayers(db(), id)).toHaveLength(1);
  });

  it('answer nothing, without an error, for a competition or team that does not exist', async () => {
    expect(await createTeams(db(), UNKNOWN_ID, ['Ghosts'])).toEqual([]);
    expect(await createTeams(db(), 'bad id', ['Ghosts'])).toEqual([]);
    expect(await listTeams(db(), UNKNOWN_ID)).toEqual([]);
    expect(await getTeam(db(), UNKNOWN_ID, 0)).toBeUndefined();
    expect(await getTeam(db(), UNKNOWN_ID, -1)).toBeUndefined();
    expect(await seatPlayer(db(), 999_999_999, 'Nobody', 's')).toBeUndefined();
    expect(await listPlayers(db(), UNKNOWN_ID)).toEqual([]);
    expect(await findPlayerBySession(db(), UNKNOWN_ID, 's')).toBeUndefined();
    expect(await renameTeam(db(), 999_999_999, 'x')).toBeUndefined();
  });

  it('are deleted with their competition', async () => {
    const id = await competitionWithTeams(['Solo']);
    const [team] = await listTeams(db(), id);
    await seatPlayer(db(), team!.id, 'Lin', 'session-lin');
    await db().query('DELETE FROM competitions WHERE id = $1', [id]);
    expect(await listTeams(db(), id)).toEqual([]);
    expect(await db().query('SELECT id FROM players WHERE team_id = $1', [team!.id])).toEqual([]);
  });
});
