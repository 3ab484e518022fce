// Keeps every byte each SDK client receives, by tapping the `ws` sockets the SDK uses once Node's own
// WebSocket is out of the way. Import this module before the SDK (first in the test file).
import WebSocket from 'ws';

(globalThis as { WebSocket?: unknown }).WebSocket = undefined;

const received = new Map<WebSocket, Buffer[]>();
const emit = WebSocket.prototype.emit;
WebSocket.prototype.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]) {
  if (event === 'message') {
    const data = args[0] as Buffer | ArrayBuffer | Buffer[];
    const chunks = received.get(this) ?? [];
    chunks.push(...(Array.isArray(data) ? data : [Buffer.from(data as ArrayBuffer)]));
    received.set(this, chunks);
  }
  return emit.call(this, event, ...(args as []));
} as typeof emit;

/** Every byte a client's socket has received (the SDK keeps its socket at room.connection.transport.ws). */
export function bytesReceivedBy(socket: unknown): Buffer {
  return Buffer.concat(received.get(socket as WebSocket) ?? []);
}
