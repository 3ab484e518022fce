import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/match/create.ts';
import { applyIntent } from '../../shared/match/apply.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { SeatPolicy, type Seat } from '../../server/rooms/seats.ts';
import { testMatch } from '../support/match-fixtures.ts';

// The seat policy alone: who gets which seat, and what brings a player back to theirs.
const setUp = (competition = false) => {
  const match = testMatch({ teams: ['team-1', 'team-2'] });
  const system = (intent: MatchIntent) => void applyIntent(match, SYSTEM_ACTOR, intent, 0);
  return { match, system, seats: new SeatPolicy(competition) };
};
const sit = (policy: SeatPolicy, match: ReturnType<typeof setUp>['match'], system: (i: MatchIntent) => void, sessionId: string, nickname: string, extra: { credential?: string; hostByToken?: boolean } = {}) =>
  policy.take({ sessionId, nickname, hostByToken: extra.hostByToken ?? false, ...(extra.credential ? { credential: extra.credential } : {}) }, match, system);

describe('the seat policy', () => {
  it("makes the first player of a room its host and the others IAM users, each with a credential of their own, kept only as a hash", () => {
    const { match, system, seats } = setUp();
    const ada = sit(seats, match, system, 's1', 'Ada');
    const grace = sit(seats, match, system, 's2', 'Grace');
    if (!ada.ok || !grace.ok) throw new Error('refused');
    expect(ada.seat.actor).toMatchObject({ host: true, identity: { kind: 'root' } });
    expect(grace.seat.actor).toMatchObject({ host: false, identity: { kind: 'user', name: 'Grace' } });
    expect(ada.credential).not.toBe(grace.credential);
    expect(ada.credential.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(seats.all())).not.toContain(ada.credential);
  });

  it('gives a seat back only to its credential: not to a nickname, not to a made-up credential, not twice at once', () => {
    const { match, system, seats } = setUp();
    const ada = sit(seats, match, system, 's1', 'Ada');
    if (!ada.ok) throw new Error('refused');
    expect(sit(seats, match, system, 's9', 'Bob', { credential: ada.credential })).toMatchObject({ ok: false, status: 409 });
    seats.away('s1');
    const impostor = sit(seats, match, system, 's2', 'Ada');
    expect(impostor.ok && impostor.seat.actor.host).toBe(false);
    expect(sit(seats, match, system, 's3', 'Ada', { credential: 'x'.repeat(43) })).toMatchObject({ ok: false, status: 403 });
    const back = sit(seats, match, system, 's4', 'Ada', { credential: ada.credential });
    expect(back).toMatchObject({ ok: true, returning: true, credential: ada.credential });
    expect(back.ok && back.seat.actor.host).toBe(true);
    expect(seats.get('s1')).toBeUndefined();
    expect(seats.get('s4')?.connected).toBe(true);
    // The old session, should its token come back late, finds no seat.
    expect(seats.back('s1')).toBe(false);
  });

  it("restores a checkpoint's seats waiting for their credentials; a competition's host seat also comes back with the host token", () => {
    const { match, system, seats } = setUp(true);
    const teacher = sit(seats, match, system, 's1', 'Teacher', { hostByToken: true });
    const student = sit(seats, match, system, 's2', 'Sam');
    if (!teacher.ok || !student.ok) throw new Error('refused');
    const stored = seats.all();
    const restored = new SeatPolicy(true, { actors: stored.map((s: Seat) => s.actor), keys: stored.map((s: Seat) => s.key) });
    expect(restored.unclaimed()).toBe(2);
    expect(restored.views()).toEqual([]);
    const sam = sit(restored, match, system, 'n1', 'Sam', { credential: student.credential });
    expect(sam.ok && sam.seat.actor).toEqual(student.seat.actor);
    const host = sit(restored, match, system, 'n2', 'Teacher', { hostByToken: true });
    expect(host.ok && host.seat.actor).toEqual(teacher.seat.actor);
    // The old host credential is replaced: the token holder gets a new one.
    expect(host.ok && host.credential).not.toBe(teacher.credential);
    expect(restored.unclaimed()).toBe(0);
  });
});
