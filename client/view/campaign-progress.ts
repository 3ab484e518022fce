// The solo campaign's progress, kept in this browser: the best stars and score per scenario.
const KEY = 'five-nines.campaign';

export interface LevelProgress {
  stars: number;
  score: number;
}

export type CampaignProgress = Record<string, LevelProgress>;

export function readProgress(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): CampaignProgress {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: CampaignProgress = {};
    for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
      const v = value as Partial<LevelProgress>;
      if (typeof v?.stars === 'number' && typeof v.score === 'number') out[id] = { stars: v.stars, score: v.score };
    }
    return out;
  } catch {
    return {};
  }
}

/** Records a finished run, keeping the best stars and the best score separately. */
export function recordRun(id: string, run: LevelProgress, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): CampaignProgress {
  const progress = readProgress(storage);
  const before = progress[id];
  progress[id] = { stars: Math.max(before?.stars ?? 0, run.stars), score: Math.max(before?.score ?? 0, run.score) };
  storage?.setItem(KEY, JSON.stringify(progress));
  return progress;
}

/** A level is open when it is the first or the one before it earned a star. */
export function isOpen(ids: readonly string[], id: string, progress: CampaignProgress): boolean {
  const i = ids.indexOf(id);
  if (i <= 0) return true;
  return (progress[ids[i - 1]!]?.stars ?? 0) > 0;
}

export function totalStars(progress: CampaignProgress): number {
  return Object.values(progress).reduce((n, p) => n + p.stars, 0);
}
