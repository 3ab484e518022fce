// Proves published levels off the game loop's thread (prove-worker.ts), one at a time, with a short queue: a
// client that sends level after level waits its turn or is told the prover is busy, and rooms never stall. A
// proof that runs past its time (a level is bounded, so only a fault does) ends its worker; the next proof starts
// a fresh one.
import { Worker } from 'node:worker_threads';
import type { LevelDocumentProof } from '../../shared/match/prove-level.ts';

/** Proofs waiting beside the one running; more are refused (prover-busy) rather than queued without end. */
export const MAX_WAITING_PROOFS = 4;
/** Far above the few seconds the longest bounded level takes. */
export const PROOF_TIMEOUT_MS = 60_000;

export type ProverAnswer = { ok: true; proven: LevelDocumentProof } | { ok: false; code: 'prover-busy' | 'prover-failed'; message: string };

interface Job {
  document: unknown;
  resolve: (answer: ProverAnswer) => void;
}

export class LevelProver {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly waiting: Job[] = [];
  private next = 1;
  private timer: NodeJS.Timeout | undefined;

  /** The document checked and proven by the shared prover, or why it could not be. */
  prove(document: unknown): Promise<ProverAnswer> {
    if (this.running && this.waiting.length >= MAX_WAITING_PROOFS) {
      return Promise.resolve({ ok: false, code: 'prover-busy', message: 'too many levels are being proven at once' });
    }
    return new Promise((resolve) => {
      this.waiting.push({ document, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private pump(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = job;
    const id = this.next++;
    const worker = this.ensureWorker();
    this.timer = setTimeout(() => this.fail(`the proof took longer than ${PROOF_TIMEOUT_MS / 1000} s`), PROOF_TIMEOUT_MS);
    worker.postMessage({ id, document: job.document });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./prove-worker.ts', import.meta.url));
    // An idle prover does not keep the process alive.
    worker.unref();
    worker.on('message', (m: { ok: boolean; result?: LevelDocumentProof; message?: string }) => {
      if (worker !== this.worker) return;
      this.done(m.ok ? { ok: true, proven: m.result! } : { ok: false, code: 'prover-failed', message: m.message ?? 'the prover failed' });
    });
    worker.on('error', (error) => {
      if (worker === this.worker) this.fail(error.message);
    });
    worker.on('exit', () => {
      if (worker === this.worker) this.fail('the prover stopped');
    });
    this.worker = worker;
    return worker;
  }

  /** The running proof failed: its worker is ended (a fresh one serves the next). */
  private fail(message: string): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.done({ ok: false, code: 'prover-failed', message });
  }

  private done(answer: ProverAnswer): void {
    clearTimeout(this.timer);
    const job = this.running;
    this.running = undefined;
    job?.resolve(answer);
    this.pump();
  }
}
