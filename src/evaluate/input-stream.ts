import type { PolicyInput, Resource } from '../types/policy-input';
import { projector } from './projection';

// The input crosses into a worker's WASM in pieces, while this thread is still normalizing
// and encoding the rest: the worker writes a chunk of resources into its memory as soon as
// it is posted (opa-runtime.ts ValueWriter), instead of waiting for the whole text, then
// the resources object and the rest of the input (skeleton) around them. OPA holds the same
// value either way: test/evaluate/parallel.test.ts compares decisions for chunks of every size.

/** Resources of one chunk: a JSON object of them by key. */
export interface InputChunk {
  text: string;
  resources: number;
}

/** About this many characters per chunk: small enough that the last one is written in a few ms, large enough that posting costs nothing. */
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
    // A string crosses to the worker as one copy (no UTF-8 encoding here, no decoding there).
    const chunk = { text: `{${texts.join(',')}}`, resources: texts.length };
    texts = [];
    chars = 0;
    emit(chunk);
  };
  return {
    add(key, resource) {
      const text = `${JSON.stringify(key)}:${JSON.stringify(cut(resource))}`;
      texts.push(text);
      chars += text.length;
      if (chars >= chunkBytes) flush();
    },
    flush,
  };
}

/** Everything of the input but its resources (an empty object in their place, where the worker sets them), as JSON text. */
export function skeleton(input: PolicyInput): string {
  return JSON.stringify({ ...input, resources: {} });
}
