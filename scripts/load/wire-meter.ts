// Counts what every SDK client receives, byte for byte, by tapping the `ws` sockets the SDK uses in Node.
// The first full state a client gets is its join snapshot; everything after is play (patches, messages).
import WebSocket from 'ws';

// The SDK takes Node's built-in WebSocket when there is one; with it removed before the SDK loads (this
// module is imported first), the SDK uses the `ws` package, whose sockets we can tap.
(globalThis as { WebSocket?: unknown }).WebSocket = undefined;

const ROOM_STATE = 14;
const JOIN_ROOM = 10;

export interface SocketCount {
  snapshotBytes: number;
  playBytes: number;
  sawState: boolean;
}

const counts = new Map<WebSocket, SocketCount>();

installWireMeter();

function installWireMeter(): void {
  const emit = WebSocket.prototype.emit;
  WebSocket.prototype.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]) {
    if (event === 'message') {
      const data = args[0] as Buffer | ArrayBuffer | Buffer[];
      const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
      const first = Array.isArray(data) ? data[0]?.[0] : new Uint8Array(data as ArrayBuffer)[0];
      let count = counts.get(this);
      if (!count) counts.set(this, (count = { snapshotBytes: 0, playBytes: 0, sawState: false }));
      if (!count.sawState && (first === JOIN_ROOM || first === ROOM_STATE)) {
        count.snapshotBytes += bytes;
        if (first === ROOM_STATE) count.sawState = true;
      } else count.playBytes += bytes;
    }
    return emit.call(this, event, ...(args as []));
  } as typeof emit;
}

export function wireCounts(): SocketCount[] {
  return [...counts.values()];
}

export function resetPlayBytes(): void {
  for (const c of counts.values()) c.playBytes = 0;
}
