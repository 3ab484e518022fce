// The level prover's own thread: proving a level runs its reference and naive designs through a whole simulated
// day, which takes up to a few seconds on a long level; here it never holds up the game loop's thread.
import { parentPort } from 'node:worker_threads';
import { proveLevelDocument } from '../../shared/match/prove-level.ts';

parentPort!.on('message', (request: { id: number; document: unknown }) => {
  try {
    parentPort!.postMessage({ id: request.id, ok: true, result: proveLevelDocument(request.document) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, message: (error as Error)?.message ?? String(error) });
  }
});
