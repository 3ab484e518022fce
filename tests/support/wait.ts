// Waits for a condition that arrives over the network: polls until true or the deadline passes.
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves after `ms`; used only to let a message that must NOT change anything have its chance to. */
export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
