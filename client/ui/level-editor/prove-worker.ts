// The level's proof off the page's thread: both designs run through the whole scenario (seconds of work for a
// long level), so the editor stays responsive while they do. The worker only carries: the prover is shared's.
import { proveLevelDocument } from '../../../shared/match/prove-level.ts';

self.onmessage = (event: MessageEvent<{ id: number; document: unknown }>) => {
  const { id, document } = event.data;
  try {
    self.postMessage({ id, answer: proveLevelDocument(document) });
  } catch (error) {
    // A design the simulation cannot run is a refusal like any other, not a dead worker.
    self.postMessage({ id, answer: { ok: false, code: 'design-invalid', message: (error as Error).message, issues: [] } });
  }
};
