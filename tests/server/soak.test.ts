import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pgliteTemplatePath } from '../support/pglite-template.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { redisAndPostgres } from '../support/services.ts';

// A short soak (`npm run soak`, ten minutes for the figures in the README): rooms are created and disposed
// in cycles; afterwards every room is gone, the heap after a full collection is back at its baseline, and
// in scale-out mode no Redis key is left behind. Its server's clocks run 8 times faster (--time-scale): the ended
// matches are played out to their end sooner, and nothing measured depends on the pace.
interface SoakResult {
  cycles: number;
  roomsCreated: number;
  matchesEnded: number;
  baselineHeapMb: number;
  finalHeapMb: number;
  heapBackToBaseline: boolean;
  redisKeysBackToBaseline: boolean;
  baselineRedisKeys?: number;
  finalRedisKeys?: number;
  errors: number;
  errorSamples: string[];
}

async function soak(args: string[]): Promise<{ code: number | null; result: SoakResult }> {
  // Its server's embedded database starts from the dump made after initdb, as every test server's does.
  const env = { ...process.env, TEST_PGLITE_TEMPLATE: await pgliteTemplatePath() };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/soak.ts', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code, result: JSON.parse(line) as SoakResult });
      } catch {
        reject(new Error(`the soak printed no result (exit ${code}):\n${out}\n${err}`));
      }
    });
  });
}

const withServices = await redisAndPostgres();

describe('the soak', () => {
  it('creates and disposes rooms on one process and comes back to its baseline heap', async () => {
    const { code, result } = await soak(['--minutes', '0.15', '--rooms', '4', '--clients', '3', '--play', '2', '--time-scale', '8']);
    expect(result.errorSamples).toEqual([]);
    expect(result.cycles).toBeGreaterThan(0);
    expect(result.roomsCreated).toBeGreaterThanOrEqual(4 * (result.cycles + 2));
    expect(result.matchesEnded).toBeGreaterThan(0);
    expect(result.heapBackToBaseline, `heap ${result.baselineHeapMb} → ${result.finalHeapMb} MB`).toBe(true);
    expect(code).toBe(0);
  }, 120_000);

  it.skipIf(!withServices)('does the same with Redis and PostgreSQL, leaving no Redis key behind', async () => {
    const { code, result } = await soak(['--minutes', '0.15', '--rooms', '4', '--clients', '3', '--play', '2', '--time-scale', '8', '--redis']);
    expect(result.errorSamples).toEqual([]);
    expect(result.heapBackToBaseline, `heap ${result.baselineHeapMb} → ${result.finalHeapMb} MB`).toBe(true);
    expect(result.finalRedisKeys, 'Redis keys after the last room went').toBeLessThanOrEqual(result.baselineRedisKeys!);
    expect(code).toBe(0);
  }, 120_000);
});
