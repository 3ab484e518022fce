import { afterAll, describe, expect, it } from 'vitest';
import { LevelProver, MAX_WAITING_PROOFS } from '../../server/levels/prover.ts';
import { levelFromScenario } from '../../shared/scenario/level-from-scenario.ts';
import { loadScenarioFile, readAsset } from '../shared/campaign/files.ts';

// The server's prover runs the shared prover on a thread of its own, one proof at a time with a short queue:
// a client sending level after level is told the prover is busy, and the game loop's thread goes on meanwhile.
const level = levelFromScenario(loadScenarioFile('one-web-server.yaml'), readAsset)!;
const prover = new LevelProver();
afterAll(() => prover.close());

describe('the level prover', () => {
  it('proves on its own thread: the main thread keeps running while a proof is under way', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const answer = await prover.prove(level);
    clearInterval(ticker);
    expect(answer.ok && answer.proven.ok && answer.proven.proof.publishable).toBe(true);
    // A proof on this thread would hold every timer until it returned: not one turn would have run.
    expect(turns).toBeGreaterThan(0);
  });

  it('answers a bad document with its issues, not a failure of the prover', async () => {
    const answer = await prover.prove({ ...level, durationS: -1 });
    expect(answer.ok && !answer.proven.ok && answer.proven.code).toBe('level-invalid');
  });

  it('queues a few proofs and refuses more at once, then serves again', async () => {
    const answers = await Promise.all(Array.from({ length: MAX_WAITING_PROOFS + 3 }, () => prover.prove(level)));
    const busy = answers.filter((a) => !a.ok && a.code === 'prover-busy');
    expect(busy).toHaveLength(2);
    expect(answers.filter((a) => a.ok && a.proven.ok)).toHaveLength(MAX_WAITING_PROOFS + 1);
    const after = await prover.prove(level);
    expect(after.ok).toBe(true);
  });
});
