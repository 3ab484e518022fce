// Waits for a game server to be ready: /healthz answers 200 only once every checkpointed match is restored
// (503 while it restores), so a client sent there at once finds its room. Used by the tests' and the load
// harness's server starters.
export async function untilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} was not ready within ${timeoutMs} ms (/healthz last answered ${status || 'nothing'})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
