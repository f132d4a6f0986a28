import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Peak memory is the main thread's heap plus the policy's WASM memory, which grows while a
// worker evaluates. By then most of the main heap is garbage (the parsed plan, the projected
// copy of the input and its JSON text: at 20k resources ~150 MB, against ~30 MB still live)
// that V8, with little allocated meanwhile, keeps until its idle-time collector runs, often
// after the WASM memory has peaked. One full collection while the worker evaluates gives it
// back first: peak RSS at 20k resources 686 -> 597 MB for ~0.09 s of CPU on a thread that
// is otherwise idle then.

let collect: (() => void) | null | undefined;

/** A full garbage collection now, where the runtime allows one (else nothing). */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      // Node exposes V8's collector only behind this flag; it only adds a `gc` function to
      // contexts created after it, here the one it is read from.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/** Inputs from which the collection is worth its CPU (below, the heap is small anyway). */
export const COLLECT_MIN_RESOURCES = 10000;
