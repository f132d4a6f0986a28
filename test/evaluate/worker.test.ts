import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { buildDir } from '../../src/evaluate/paths';
import { withSharedMemory } from '../../src/evaluate/shared-memory';
import { defaultWorkers, parallelSession, IDLE_CORE, IDLE_WINDOW_MS, idleMeter, ONE_PASS_MAX_BYTES, PARALLEL_MIN_RESOURCES, PARALLEL_MIN_RESOURCES_TWO_CORES, PLAN_BYTES_PER_RESOURCE, PRESTART_TWO_MAX_BYTES, prestartTwoBytes, workersToPrestart } from '../../src/evaluate/parallel';
import { loadCompiledPolicy } from '../../src/evaluate/policy';
import { PLANS } from '../helpers/cli';

// check() evaluates on a worker thread (so a progress spinner keeps turning); it must give
// exactly the decision of the in-thread evaluation.
test('evaluation on a worker thread equals evaluation in the main thread', async () => {
  const policy = await loadCompiledPolicy();
  const data = { config: {}, waivers: [], context: { today: '2026-11-28' } };
  for (const plan of ['aws-s3-bucket-policy-tf1.0.json', 'azure-nsg-and-rules-tf0.13.json', 'aws-lambda-iam-sg-delete-update-drift-tf1.0.json']) {
    const input = normalize(await loadPaths([join(PLANS, plan)]));
    const inThread = policy.evaluate(input, data);
    expect(inThread.findings.length).toBeGreaterThan(0);
    await expect(policy.evaluateInWorker(input, data)).resolves.toEqual(inThread);
    // An input above onePassMaxBytes (a 200k-resource estate) goes to one worker in rule chunks: the same decision, byte for byte.
    const chunked = await policy.evaluateInWorker(input, data, { workers: 1, onePassMaxBytes: 0 });
    expect(JSON.stringify(chunked)).toBe(JSON.stringify(inThread));
  }
});

// Two workers cost ~25 % more CPU than one pass: worth it only on a large input with a core to spare.
test('two workers by default only for large inputs while a core is idle; LEAKGUARD_WORKERS decides when set', () => {
  const saved = process.env.LEAKGUARD_WORKERS;
  delete process.env.LEAKGUARD_WORKERS;
  try {
    fc.assert(
      fc.property(
        fc.nat(200_000),
        fc.option(fc.double({ min: 0, max: 64, noNaN: true }), { nil: undefined }),
        fc.double({ min: 0, max: 64, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        (resources, idle, load, cores) => {
          // Idle cores measured while loading decide; the load average only without a measurement.
          const spare = idle === undefined ? load <= cores - 1 : idle >= IDLE_CORE;
          // On two cores the workers share them with this thread: two only from a larger input.
          const two = resources >= (cores >= 3 ? PARALLEL_MIN_RESOURCES : PARALLEL_MIN_RESOURCES_TWO_CORES) && cores >= 2 && spare;
          expect(defaultWorkers(resources, idle, load, cores)).toBe(two ? 2 : 1);
        },
      ),
    );
    expect(defaultWorkers(PARALLEL_MIN_RESOURCES_TWO_CORES, undefined, 0.5, 2)).toBe(2);
    expect(defaultWorkers(PARALLEL_MIN_RESOURCES_TWO_CORES, undefined, 1.5, 2)).toBe(1);
    expect(defaultWorkers(20_000, 0.9, 0.5, 2)).toBe(1);
    expect(defaultWorkers(20_000, 0.9, 0.5, 4)).toBe(2);
    expect(defaultWorkers(PARALLEL_MIN_RESOURCES, 2.5, 0.5, 4)).toBe(2);
    // A benchmark's own earlier runs raise the load average; the core idle right now counts.
    expect(defaultWorkers(PARALLEL_MIN_RESOURCES_TWO_CORES, 0.9, 1.5, 2)).toBe(2);
    expect(defaultWorkers(PARALLEL_MIN_RESOURCES_TWO_CORES, 0.1, 0.2, 2)).toBe(1);
    process.env.LEAKGUARD_WORKERS = '3';
    expect(defaultWorkers(10, undefined, 9, 1)).toBe(3);
  } finally {
    if (saved === undefined) delete process.env.LEAKGUARD_WORKERS;
    else process.env.LEAKGUARD_WORKERS = saved;
  }
});

test('idle cores are the kernel idle time over the wall time since the meter started, none before its window', () => {
  fc.assert(
    // `warmed`: time prestarted workers spent mapping memory on a core they found idle, counted as idle.
    fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 5_000 }), (elapsed, idled, warmed) => {
      let now = 1000;
      let idle = 5000;
      let spent = 70;
      const meter = idleMeter(
        () => now,
        () => idle,
        () => spent,
      );
      now += elapsed;
      idle += idled;
      spent += warmed;
      expect(meter()).toBe(elapsed < IDLE_WINDOW_MS ? undefined : (idled + warmed) / elapsed);
    }),
  );
  // The real meter: a number of idle cores between 0 and the machine's cores once the window passed.
  const real = idleMeter();
  const until = Date.now() + IDLE_WINDOW_MS + 20;
  while (Date.now() < until);
  const measured = real();
  expect(measured).toBeGreaterThanOrEqual(0);
  expect(measured).toBeLessThanOrEqual(availableParallelism() + 0.5);
});

// check() validates the input against its schema on the main thread while the worker
// evaluates it: that work runs, and an error it raises wins over the decision (one pass,
// chunked and two workers alike), with the workers finished, not left running.
test('work alongside the evaluation runs, and its error is raised instead of the decision', async () => {
  const policy = await loadCompiledPolicy();
  const data = { config: {}, waivers: [], context: { today: '2026-11-28' } };
  const input = normalize(await loadPaths([join(PLANS, 'aws-s3-bucket-policy-tf1.0.json')]));
  const expected = JSON.stringify(policy.evaluate(input, data));
  for (const opts of [{ workers: 1 }, { workers: 1, onePassMaxBytes: 0 }, { workers: 2 }]) {
    let ran = 0;
    const decision = await policy.evaluateInWorker(input, data, { ...opts, whileEvaluating: () => void ran++ });
    expect(ran).toBe(1);
    expect(JSON.stringify(decision)).toBe(expected);
    const failing = policy.evaluateInWorker(input, data, {
      ...opts,
      whileEvaluating: () => {
        throw new Error('produced policy-input does not match its schema');
      },
    });
    await expect(failing).rejects.toThrow('does not match its schema');
  }
});

// Prestarted workers are stopped when a check fails early (its input unreadable). The process
// must stay alive until they have stopped: a warm job's answer that arrived after close() once
// unreferenced the worker, and the process ended with exit code 0 before the failure was said.
test('stopping prestarted workers keeps the process alive until they have stopped, whenever their answers arrive', () => {
  const script = `
    const { loadCompiledPolicy } = require(${JSON.stringify(join(__dirname, '../../dist/src/evaluate/policy.js'))});
    (async () => {
      const policy = await loadCompiledPolicy();
      policy.prestart(Number(process.argv[3]), Number(process.argv[1]));
      // Busy as check() is while it reads: the workers' answers wait until release().
      const t = Date.now();
      while (Date.now() - t < Number(process.argv[2]));
      await policy.release();
      console.log('released');
    })();`;
  // From releasing before the workers have booted to releasing while they map memory or after they answered.
  const cases = [0, 30, 100, 200].flatMap((delay) => [0, 30e6].flatMap((bytes) => [1, 2].map((workers) => [bytes, delay, workers])));
  for (const [bytes, delay, workers] of cases) {
    const r = spawnSync(process.execPath, ['-e', script, String(bytes), String(delay), String(workers)], { encoding: 'utf8', timeout: 30_000 });
    expect({ bytes, delay, workers, stdout: r.stdout.trim(), status: r.status }).toEqual({ bytes, delay, workers, stdout: 'released', status: 0 });
  }
});

test('a second worker is prestarted only for inputs two workers will evaluate by default', () => {
  const saved = process.env.LEAKGUARD_WORKERS;
  delete process.env.LEAKGUARD_WORKERS;
  try {
    for (const cores of [1, 2, 3, 8]) {
      const two = cores >= 2 ? 2 : 1;
      const from = prestartTwoBytes(cores);
      // The bytes of a plan of the resources from which two workers evaluate.
      expect(from).toBe((cores >= 3 ? PARALLEL_MIN_RESOURCES : PARALLEL_MIN_RESOURCES_TWO_CORES) * PLAN_BYTES_PER_RESOURCE);
      expect(workersToPrestart(0, cores)).toBe(1);
      expect(workersToPrestart(from - 1, cores)).toBe(1);
      expect(workersToPrestart(from, cores)).toBe(two);
      expect(workersToPrestart(PRESTART_TWO_MAX_BYTES, cores)).toBe(two);
      // Files this large project to more than ONE_PASS_MAX_BYTES: one worker evaluates them.
      expect(workersToPrestart(PRESTART_TWO_MAX_BYTES + 1, cores)).toBe(1);
    }
    expect(workersToPrestart(prestartTwoBytes(2))).toBe(workersToPrestart(prestartTwoBytes(2), availableParallelism()));
    expect(PRESTART_TWO_MAX_BYTES).toBeGreaterThanOrEqual(ONE_PASS_MAX_BYTES);
    process.env.LEAKGUARD_WORKERS = '1';
    expect(workersToPrestart(prestartTwoBytes(8))).toBe(1);
    process.env.LEAKGUARD_WORKERS = '3';
    expect(workersToPrestart(PRESTART_TWO_MAX_BYTES + 1)).toBe(2);
  } finally {
    if (saved === undefined) delete process.env.LEAKGUARD_WORKERS;
    else process.env.LEAKGUARD_WORKERS = saved;
  }
});

// Each chunk of rules' findings reach this thread as the worker evaluates it (parallel.ts
// onFound) and are judged there at once. An error judging them (an internal error: a finding
// naming no resource of the input, one that breaks its schema) rejects the evaluation with
// that error, whichever chunk it came with and while the workers still evaluate others;
// never a decision without those findings, nor a crash of the process.
test('an error judging a chunk of findings rejects the evaluation, with that error', async () => {
  const policy = await loadCompiledPolicy();
  const input = normalize(await loadPaths([join(PLANS, 'aws-s3-bucket-policy-tf1.0.json')]));
  const wasm = readFileSync(join(buildDir(), 'policy.wasm'));
  const module = new WebAssembly.Module(withSharedMemory(wasm));
  for (const [workers, ruleChunks] of [[1, 3], [2, 2], [2, 5]]) {
    for (const failAt of [1, 2]) {
      const session = parallelSession(module, policy.manifest, { config: {} }, { workers, attributes: null, ruleChunks });
      session.expect(Object.keys(input.resources).length);
      for (const r of Object.values(input.resources)) session.add(r);
      let batches = 0;
      const judged = session.finish(input, {
        each: () => {
          if (++batches === failAt) throw new Error(`internal error: judging batch ${failAt}`);
        },
      });
      await expect(judged).rejects.toThrow(`internal error: judging batch ${failAt}`);
    }
  }
});
