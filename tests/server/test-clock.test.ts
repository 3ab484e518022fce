import { describe, expect, it } from 'vitest';
import { newClock, type MatchClock } from '../../shared/match/clock.ts';
import { ConfigError, readConfig } from '../../server/config.ts';
import { TestClock } from '../../server/rooms/test-clock.ts';

// A test server's clock (server/rooms/test-clock.ts): faster time and one pause, from the server's environment only.
describe('the test clock', () => {
  const running = (step: number, extra: Partial<MatchClock> = {}): MatchClock => ({ ...newClock(1440), phase: 'running', step, ...extra });

  it('is off unless the environment asks, and a production server refuses it', () => {
    expect(readConfig({}, '1').testTimeScale).toBe(1);
    expect(readConfig({}, '1').testPauseAtS).toBeUndefined();
    expect(readConfig({ TEST_TIME_SCALE: '8', TEST_PAUSE_AT_S: '3700' }, '1')).toMatchObject({ testTimeScale: 8, testPauseAtS: 3700 });
    expect(() => readConfig({ TEST_TIME_SCALE: '8', NODE_ENV: 'production' }, '1')).toThrow(ConfigError);
    expect(() => readConfig({ TEST_PAUSE_AT_S: '60', NODE_ENV: 'production' }, '1')).toThrow(ConfigError);
    for (const bad of ['0', '65', '1.5', 'x']) expect(() => readConfig({ TEST_TIME_SCALE: bad }, '1')).toThrow(ConfigError);
    for (const bad of ['0', '-5', '2.5']) expect(() => readConfig({ TEST_PAUSE_AT_S: bad }, '1')).toThrow(ConfigError);
    // The embedded database's starting dump (tests/support/pglite-template.ts): the same guard.
    expect(readConfig({}, '1').testPgliteTemplate).toBeUndefined();
    expect(readConfig({ TEST_PGLITE_TEMPLATE: '/tmp/initdb.tar' }, '1').testPgliteTemplate).toBe('/tmp/initdb.tar');
    expect(() => readConfig({ TEST_PGLITE_TEMPLATE: '/tmp/initdb.tar', NODE_ENV: 'production' }, '1')).toThrow(ConfigError);
  });

  it('changes nothing when unset', () => {
    const clock = new TestClock({ timeScale: 1 }, newClock(1440));
    expect(clock.elapsedMs(50)).toBe(50);
    expect(clock.stepLimit(running(10))).toBe(Infinity);
    expect(clock.duePause(running(10))).toBe(false);
  });

  it('scales time, holds the clock at the pause step and pauses there once', () => {
    const clock = new TestClock({ timeScale: 8, pauseAtS: 3700 }, newClock(1440));
    expect(clock.elapsedMs(50)).toBe(400);
    expect(clock.stepLimit(running(700))).toBe(40);
    expect(clock.duePause(running(739))).toBe(false);
    expect(clock.stepLimit(running(740))).toBe(0);
    expect(clock.duePause(running(740))).toBe(true);
    // Once: resumed, it runs on.
    expect(clock.duePause(running(740))).toBe(false);
    expect(clock.stepLimit(running(740))).toBe(Infinity);
  });

  it('never holds a match being played out to its end, nor one restored past the pause', () => {
    const ending = new TestClock({ timeScale: 1, pauseAtS: 3700 }, newClock(1440));
    expect(ending.stepLimit(running(100, { endedAtStep: 100 }))).toBe(Infinity);
    expect(ending.duePause(running(740, { endedAtStep: 100 }))).toBe(false);
    const restored = new TestClock({ timeScale: 1, pauseAtS: 3700 }, running(800));
    expect(restored.stepLimit(running(800))).toBe(Infinity);
  });
});
