// A classroom competition's build time, counted down in the top bar: how long is left, and how it reads.
// Pure: the caller passes the clock. Nothing happens at zero; the teacher starts the match.

/** Whole seconds of build time left (rounded up, never below 0), or null when there is no countdown to show. */
export function buildSecondsLeft(phase: string, buildEndsAtMs: number, nowMs: number): number | null {
  if (phase !== 'build' || !(buildEndsAtMs > 0)) return null;
  return Math.max(0, Math.ceil((buildEndsAtMs - nowMs) / 1000));
}

/** "4:32", "0:07", "1:05:00": minutes and seconds, with hours only when there are any. */
export function formatBuildTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
