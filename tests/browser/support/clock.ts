// Reaching a moment of a match quickly and exactly: a test server whose clocks run faster than their speed says and
// stop once at the moment the test needs (TEST_TIME_SCALE, TEST_PAUSE_AT_S: server/rooms/test-clock.ts; set in the
// server's environment only, refused in production). Its host then carries on from there as a player would.
import type { Page } from 'playwright-core';

/** How many times faster than its speed a fast test server's clock runs: 1× on its top bar plays at a real 8×. */
export const TIME_SCALE = 8;

/** The environment of a test server whose rooms run fast (pass it to startServer). */
export const FAST_CLOCK: Record<string, string> = { TEST_TIME_SCALE: String(TIME_SCALE) };

/** The environment of a test server whose rooms run fast and stop once at `simS` (pass it to startServer). */
export function fastClockPausingAt(simS: number): Record<string, string> {
  return { ...FAST_CLOCK, TEST_PAUSE_AT_S: String(simS) };
}

type Hooks = { fiveNines: { view: { current: { match: { simS: number } } } } };

export const simSOf = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.simS);

/**
 * Plays the host's started match at 8× (a real 64×) until the server stops it at its pause second: the match is then
 * paused there, at 1× (a real 8×, the pace these tests used to play at) for when the test resumes it.
 */
export async function playToPause(page: Page): Promise<void> {
  await page.waitForSelector('#phase[data-phase="running"]');
  await page.click('[data-speed="8"]');
  await page.waitForSelector('#phase[data-phase="paused"]', { timeout: 60_000 });
  await page.click('[data-speed="1"]');
}
