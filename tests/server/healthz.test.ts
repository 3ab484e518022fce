import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { mountRoutes } from '../../server/http/routes.ts';
import { newServices } from '../../server/services.ts';

// /healthz says ready only once the checkpointed matches are restored: a player coming back at once after a
// restart must not be told that their room does not exist. (startServer in tests/support waits on it.)
const services = newServices();
const app = express();
mountRoutes(app, { clientDir: '/nonexistent', version: '0.0.0-test', startedAt: Date.now(), services });
const listening = app.listen(0, '127.0.0.1');
afterAll(() => new Promise<void>((resolve) => listening.close(() => resolve())));

describe('/healthz', () => {
  it('answers 503 while matches are being restored, and 200 once they are', async () => {
    await new Promise<void>((resolve) => (listening.listening ? resolve() : listening.once('listening', () => resolve())));
    const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/healthz`;
    const before = await fetch(url);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: 'restoring', ready: false, version: '0.0.0-test' });
    services.ready = true;
    const after = await fetch(url);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ok', ready: true });
  });
});
