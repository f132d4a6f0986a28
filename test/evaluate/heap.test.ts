import { collectGarbage } from '../../src/evaluate/heap';

// check() gives the main thread's garbage back while the worker evaluates a large input, so
// the parsed plan does not sit in memory while the policy's WASM memory peaks.
test('collectGarbage frees what nothing references any more', async () => {
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  let big: number[] | null = Array.from({ length: 100_000 }, (_, i) => i);
  const ref = new WeakRef(big);
  big = null;
  // A WeakRef keeps its target for the rest of the job that made or read it.
  await tick();
  collectGarbage();
  await tick();
  expect(ref.deref()).toBeUndefined();
  expect(big).toBeNull();
});
