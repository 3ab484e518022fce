// A TCP proxy between test clients and the server that can stop reading what the server sends on its
// WebSocket connections: a client that stops reading, as seen from the server. Loopback sockets that were
// never read from keep their receive buffers small (Linux grows them only as the reader keeps up), so the
// server's own backlog starts to grow after a few hundred kilobytes.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface StallProxy {
  url: string;
  /** Stops reading from the server on every WebSocket connection opened so far. */
  stall(): void;
  /** WebSocket connections whose server side has closed (the server dropped them). */
  closedByServer(): number;
  close(): Promise<void>;
}

export async function startStallProxy(targetPort: number): Promise<StallProxy> {
  const upstreams: { socket: Socket; websocket: boolean; closed: boolean }[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    const entry = { socket: upstream, websocket: false, closed: false };
    upstreams.push(entry);
    client.on('data', (d) => {
      if (!entry.websocket && /upgrade: websocket/i.test(d.toString('latin1'))) entry.websocket = true;
      upstream.write(d);
    });
    upstream.on('data', (d) => client.write(d));
    upstream.on('close', () => {
      entry.closed = true;
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stall: () => upstreams.filter((u) => u.websocket).forEach((u) => u.socket.pause()),
    closedByServer: () => upstreams.filter((u) => u.websocket && u.closed).length,
    close: async () => {
      for (const u of upstreams) u.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
