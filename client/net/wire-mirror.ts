// The room's state as plain data, the same as the schema's toJSON(), but remade only along what the room's
// patches changed: a resource, board, list or map no patch touched keeps the very same object from one read to
// the next, so everything downstream (the snapshot, the board model, the scene) tells what changed by identity
// alone. Generic over the wire schema: a field added to a wire class needs nothing here. It reads the decoded
// state by the shapes Colyseus gives it (a schema object has fields listed in its class's metadata, a collection
// iterates with forEach and says by its toJSON() whether it is a list or a map), without the schema library,
// which only the wire's own definition imports.

/** One change the decoder applied: what it changed (a schema object, or a collection). */
interface DataChange {
  ref: unknown;
}

/** The room's decoder, as far as the mirror listens to it. */
interface Decoder {
  triggerChanges?: (changes: DataChange[]) => void;
}

/** A decoded collection (map, array, set): iterable with forEach, like the schema's own toJSON() walks it. */
interface Collection {
  forEach(each: (value: unknown, key: string | number) => void): void;
  toJSON(): unknown;
}

interface FieldList {
  /** Every field's name, in the schema's order (as toJSON() lists them). */
  all: { name: string; child: boolean }[];
  /** Fields holding a schema or a collection, whose copies may change without this object changing. */
  children: string[];
}

const fieldLists = new WeakMap<object, FieldList>();

type Metadata = Record<string, { name: string; type: unknown; deprecated?: boolean }>;

/** Whether a decoded object is a schema object (what the schema library itself checks) or a list or a map. */
const kinds = new WeakMap<object, 'list' | 'map'>();

function kindOf(value: object): 'schema' | 'list' | 'map' {
  if (typeof (value as { assign?: unknown }).assign === 'function') return 'schema';
  let kind = kinds.get(value.constructor);
  if (!kind) {
    // Asked once per collection class: arrays, sets and collections list their values, maps name them.
    kind = Array.isArray((value as Collection).toJSON()) ? 'list' : 'map';
    kinds.set(value.constructor, kind);
  }
  return kind;
}

function fieldsOf(schemaClass: object): FieldList {
  let list = fieldLists.get(schemaClass);
  if (list) return list;
  const metadata = (schemaClass as Record<symbol, Metadata | undefined>)[Symbol.metadata] ?? {};
  const all: FieldList['all'] = [];
  // The metadata's own numeric keys are the fields, in order (toJSON() walks them the same way).
  for (const index in metadata) {
    if (!/^\d+$/.test(index)) continue;
    const field = metadata[index]!;
    if (!field.deprecated) all.push({ name: field.name, child: typeof field.type !== 'string' });
  }
  list = { all, children: all.filter((f) => f.child).map((f) => f.name) };
  fieldLists.set(schemaClass, list);
  return list;
}

export class WireMirror {
  /** Objects a patch changed since the last read (a schema's field, a collection's entries). */
  private readonly changed = new Set<object>();
  private copies = new WeakMap<object, unknown>();
  /** Containers already copied during the current read (each is visited once). */
  private readonly visited = new Map<object, unknown>();

  /** The decoder's raw changes of one patch: marks what they touched. */
  note(changes: readonly Pick<DataChange, 'ref'>[]): void {
    for (const change of changes) this.changed.add(change.ref as object);
  }

  /** Forgets every copy: the next read makes all anew (a new decoder or state, whose history is unknown). */
  forget(): void {
    this.copies = new WeakMap();
    this.changed.clear();
  }

  /** The state as plain data, sharing every unchanged part with the previous read. */
  read<T>(root: object): T {
    const copy = this.copy(root) as T;
    this.changed.clear();
    this.visited.clear();
    return copy;
  }

  private copy(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const seen = this.visited.get(value);
    if (seen !== undefined) return seen;
    const before = this.copies.get(value);
    const touched = before === undefined || this.changed.has(value);
    const kind = kindOf(value);
    let copy: unknown;
    if (kind === 'schema') copy = this.copySchema(value as Record<string, unknown>, before as Record<string, unknown> | undefined, touched);
    else if (kind === 'map') copy = this.copyMap(value as Collection, before as Record<string, unknown> | undefined, touched);
    else copy = this.copyList(value as Collection, before as unknown[] | undefined, touched);
    if (copy !== before) this.copies.set(value, copy);
    this.visited.set(value, copy);
    return copy;
  }

  private copySchema(node: Record<string, unknown>, before: Record<string, unknown> | undefined, touched: boolean): Record<string, unknown> {
    const fields = fieldsOf(node.constructor);
    let same = !touched;
    for (const name of fields.children) {
      const child = node[name];
      const copy = child === null || child === undefined ? undefined : this.copy(child);
      if (same && before![name] !== copy) same = false;
    }
    if (same) return before!;
    const out: Record<string, unknown> = {};
    for (const { name, child } of fields.all) {
      const value = node[name];
      if (value !== null && value !== undefined) out[name] = child ? this.copy(value) : value;
    }
    return out;
  }

  private copyMap(map: Collection, before: Record<string, unknown> | undefined, touched: boolean): Record<string, unknown> {
    let same = !touched;
    map.forEach((value, key) => {
      const copy = this.copy(value);
      if (same && before![key] !== copy) same = false;
    });
    if (same) return before!;
    const out: Record<string, unknown> = {};
    map.forEach((value, key) => (out[key] = this.copy(value)));
    return out;
  }

  private copyList(list: Collection, before: unknown[] | undefined, touched: boolean): unknown[] {
    let same = !touched;
    let count = 0;
    list.forEach((value) => {
      const copy = this.copy(value);
      if (same && before![count] !== copy) same = false;
      count++;
    });
    if (same && count === before!.length) return before!;
    const out: unknown[] = [];
    list.forEach((value) => out.push(this.copy(value)));
    return out;
  }
}

/** What of a Colyseus room the mirror follows: its decoder (on its serializer) and its state. */
export interface DecodedRoom {
  readonly serializer: unknown;
  readonly state: unknown;
}

/**
 * Keeps `mirror` told of every change the room's decoder applies; call it on every state change. A decoder (or
 * state) it has not followed from the start, as after a reconnection, makes the mirror forget what it copied: the
 * next read copies everything anew. Whoever listened to the decoder's changes before still hears them.
 */
export function followChanges(room: DecodedRoom, mirror: WireMirror): () => void {
  let followed: Decoder | undefined;
  let state: unknown;
  let noting: ((changes: DataChange[]) => void) | undefined;
  return () => {
    const decoder = (room.serializer as { decoder?: Decoder } | undefined)?.decoder;
    const hooked = noting !== undefined && decoder?.triggerChanges === noting;
    if (decoder === followed && hooked && room.state === state) return;
    mirror.forget();
    followed = decoder;
    state = room.state;
    if (!decoder || hooked) return;
    const others = decoder.triggerChanges;
    const mine = (changes: DataChange[]): void => {
      mirror.note(changes);
      others?.(changes);
    };
    noting = mine;
    decoder.triggerChanges = mine;
  };
}
