import { describe, expect, it } from 'vitest';
import { buildSecondsLeft, formatBuildTime } from '../../client/view/build-countdown.ts';

describe("a competition's build time, counted down", () => {
  const ends = 1_700_000_300_000;

  it('counts whole seconds left, rounded up, from the room’s end time', () => {
    expect(buildSecondsLeft('build', ends, ends - 272_000)).toBe(272);
    expect(buildSecondsLeft('build', ends, ends - 271_001)).toBe(272);
    expect(buildSecondsLeft('build', ends, ends - 271_000)).toBe(271);
    expect(buildSecondsLeft('build', ends, ends - 1)).toBe(1);
  });

  it('stops at zero and stays there while the room is still building', () => {
    expect(buildSecondsLeft('build', ends, ends)).toBe(0);
    expect(buildSecondsLeft('build', ends, ends + 90_000)).toBe(0);
  });

  it('shows nothing without a planned build time or once the clock has started', () => {
    expect(buildSecondsLeft('build', 0, ends)).toBeNull();
    for (const phase of ['running', 'paused', 'results']) expect(buildSecondsLeft(phase, ends, ends - 60_000)).toBeNull();
  });

  it('reads as minutes and seconds, with hours only when there are any', () => {
    expect(formatBuildTime(272)).toBe('4:32');
    expect(formatBuildTime(60)).toBe('1:00');
    expect(formatBuildTime(7)).toBe('0:07');
    expect(formatBuildTime(0)).toBe('0:00');
    expect(formatBuildTime(3600)).toBe('1:00:00');
    expect(formatBuildTime(3 * 3600 + 65)).toBe('3:01:05');
    expect(formatBuildTime(-5)).toBe('0:00');
  });
});
