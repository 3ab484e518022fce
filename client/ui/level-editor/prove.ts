// Asks the prove worker (prove-worker.ts) for a level's proof: one worker per editor, one question at a time.
import type { LevelDocumentProof } from '../../../shared/match/prove-level.ts';

export interface Prover {
  prove(document: unknown): Promise<LevelDocumentProof>;
  stop(): void;
}

export function startProver(): Prover {
  const worker = new Worker(new URL('./prove-worker.ts', import.meta.url), { type: 'module' });
  let next = 0;
  const waiting = new Map<number, (answer: LevelDocumentProof) => void>();
  worker.onmessage = (event: MessageEvent<{ id: number; answer: LevelDocumentProof }>) => {
    waiting.get(event.data.id)?.(event.data.answer);
    waiting.delete(event.data.id);
  };
  worker.onerror = (event) => {
    for (const [id, resolve] of waiting) resolve({ ok: false, code: 'design-invalid', message: event.message || 'the proof stopped', issues: [] });
    waiting.clear();
  };
  return {
    prove(document) {
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, document });
      });
    },
    stop: () => worker.terminate(),
  };
}
