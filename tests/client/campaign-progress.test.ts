import { describe, expect, it } from 'vitest';
import { isOpen, readProgress, recordRun, totalStars } from '../../client/view/campaign-progress.ts';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k), clear: () => map.clear(), key: () => null, length: 0 };
}

describe('campaign progress kept in the browser', () => {
  it('keeps the best stars and score and opens the next level after a star', () => {
    const storage = memoryStorage();
    recordRun('one', { stars: 2, score: 700 }, storage);
    recordRun('one', { stars: 1, score: 820 }, storage);
    const progress = readProgress(storage);
    expect(progress.one).toEqual({ stars: 2, score: 820 });
    expect(totalStars(progress)).toBe(2);
    expect(isOpen(['one', 'two', 'three'], 'two', progress)).toBe(true);
    expect(isOpen(['one', 'two', 'three'], 'three', progress)).toBe(false);
  });

  it('reads nothing from a damaged store', () => {
    const storage = memoryStorage();
    storage.setItem('five-nines.campaign', '{not json');
    expect(readProgress(storage)).toEqual({});
  });
});
