import type { PolicyInput, Resource } from '../types/policy-input';
import { projector } from './projection';

// The input crosses into a worker's WASM in pieces, while this thread is still normalizing
// and encoding the rest: the worker parses a chunk of resources (OPA's JSON parse, ~8× the
// cost of V8's) as soon as it is posted, instead of waiting for the whole text and then
// parsing it in one go. A chunk holds [key] / resource JSON pairs side by side; the worker
// parses each resource and adds it under its key to one resources object
// (opa_value_add_path), then sets that object into the rest of the input (skeleton). OPA
// builds the same value either way: test/evaluate/parallel.test.ts compares decisions for
// chunks of every size.

/** Resources of one chunk: their [key] and resource JSON texts, back to back, and each text's length in bytes. */
export interface InputChunk {
  bytes: SharedArrayBuffer;
  /** Byte lengths, alternating: path (a one-element JSON array, the key), resource. */
  lengths: Uint32Array;
  resources: number;
}

/** About this many bytes per chunk: small enough that the last one parses in a few ms, large enough that posting costs nothing. */
export const CHUNK_BYTES = 1024 * 1024;

export interface ChunkEncoder {
  /** Encodes a resource (cut to the attributes, projection.ts); a chunk is emitted once about chunkBytes are waiting. */
  add(key: string, resource: Resource): void;
  /** Emits what is waiting. */
  flush(): void;
}

/** Resources, each cut to `attributes`, encoded into chunks of about `chunkBytes`, each handed to `emit` when full. */
export function chunkEncoder(attributes: readonly string[] | null, emit: (chunk: InputChunk) => void, chunkBytes = CHUNK_BYTES): ChunkEncoder {
  const cut = projector(attributes);
  let texts: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (texts.length === 0) return;
    // A UTF-16 unit is at most 3 bytes of UTF-8; write() answers what it took.
    const buf = Buffer.allocUnsafe(chars * 3);
    const lengths = new Uint32Array(texts.length);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      lengths[i] = buf.write(texts[i], at);
      at += lengths[i];
    }
    const bytes = new SharedArrayBuffer(at);
    buf.copy(Buffer.from(bytes), 0, 0, at);
    const chunk = { bytes, lengths, resources: texts.length / 2 };
    texts = [];
    chars = 0;
    emit(chunk);
  };
  return {
    add(key, resource) {
      const path = `[${JSON.stringify(key)}]`;
      const text = JSON.stringify(cut(resource));
      texts.push(path, text);
      chars += path.length + text.length;
      if (chars >= chunkBytes) flush();
    },
    flush,
  };
}

/** Everything of the input but its resources (an empty object in their place, where the worker sets them). */
export function skeleton(input: PolicyInput): Buffer {
  return Buffer.from(JSON.stringify({ ...input, resources: {} }));
}
