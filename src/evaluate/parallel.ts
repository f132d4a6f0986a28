import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { settings } from '../settings';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { PolicyManifest } from './manifest';
import type { WasmData } from './policy';
import { opaInstance, valueWriter, type OpaInstance } from './opa-runtime';
import { inputWriter, type InputWriter } from './input-stream';
import { lex } from './projection';
import { assemble, levelledChunk, type Estate, type LevelledFinding, type ShardChunk } from './summary';
import { dataSize, maxPages, pagesFor, tooLarge } from './wasm-memory';

// Both cores. Each worker, with its own policy instance, evaluates the levelled findings
// (shard/findings) of a shard of the rules over the whole input, so every rule (estate-wide
// ones included: region coverage, cross-stack identity, central audit) sees every resource
// and no cross-resource finding depends on where a resource landed. The worker that runs out of rules first gives
// the parts of the decision that depend on no finding (shard/estate), and the summary is
// counted here from the union (summary.ts): judging the union again in WASM re-hashed every
// finding, a quarter of a second at 20k resources. This thread writes the input straight
// into the first worker's memory as it normalizes it (input-stream.ts); the others copy its
// image (ImageJob, shared-memory.ts) rather than write it again on a core this thread
// needs. Workers started before the input was read have made their instances and mapped
// their memory meanwhile (WarmJob). test/evaluate/parallel.test.ts proves the decision byte-identical to the
// one-pass evaluation's.

/**
 * Chunks of rules per worker: one, plus one more per 32 MB of written input (~25 MB of its
 * JSON), so that on a huge estate one chunk's evaluation fits in the memory the written input
 * leaves. Each chunk builds the lookups rules share again: at 20k resources four chunks cost
 * 18 % more CPU than one pass, two cost 1 %, and the heaviest-first shards (shardRules) came
 * out within 15 % of each other.
 */
export const chunksPerWorker = (inputBytes: number): number => 1 + Math.floor(inputBytes / (32 * 1024 * 1024));

/**
 * Chunks for `workers` workers: chunksPerWorker each, and never fewer than two, so a lone
 * worker's memory peaks at the written input plus half the evaluation (at 20k resources
 * 125 MB less than one pass, for 1 % more CPU).
 */
export const chunkCount = (workers: number, inputBytes: number): number => Math.max(2, workers * chunksPerWorker(inputBytes));

/**
 * Below this many resources one pass is cheaper: the shards repeat the lookups rules share,
 * about 25 % more CPU in all, which a 5k-resource plan does not win back (measured on a busy
 * 2-core runner, where the second core is not free). With three cores or more the two
 * workers and this thread (which normalizes, then judges meanwhile) each have their own.
 */
export const PARALLEL_MIN_RESOURCES = 10000;

/**
 * The same on two cores, where two workers share them with this thread. Interleaved cold runs
 * on the benchmark's estates, 2026-12-06 (after the fail-closed checks of session 27 moved
 * work into the IAM rules): one worker was faster at 50k resources (3.51 s against 3.72 s,
 * peak 553 MB against 679 MB; the bench's own runs 3.56 s against 3.66 s), level at 100k
 * (6.58 s against 6.47 s, 200 MB less), and two were ~1 s faster on the 200k estate (session
 * 26). At 20k they took as long (1.67 s either way, 31 % less memory with one).
 */
export const PARALLEL_MIN_RESOURCES_TWO_CORES = 100000;

/** Resources from which two workers evaluate by default on a machine of `cores` cores. */
export const parallelMinResources = (cores: number): number => (cores >= 3 ? PARALLEL_MIN_RESOURCES : PARALLEL_MIN_RESOURCES_TWO_CORES);

/**
 * Each worker holds the input (written compactly: ~1.3× its projected JSON, ~7.7× while OPA
 * parsed it) and its own chunk's evaluation: above this many bytes of written input (~250 MB
 * of JSON) one worker evaluates by default, taking the rules in chunks (chunksPerWorker), its
 * memory the input plus one chunk's work. The benchmark's 200k-resource estate (~200 MB
 * projected) with two workers: 13.6 s and 2.08 GB peak, with one 14.6 s and 1.65 GB.
 */
export const ONE_PASS_MAX_BYTES = 320 * 1024 * 1024;

/**
 * Two workers on a large input only while a core is idle: the shards cost ~25 % more CPU than
 * one pass, which a busy machine pays in wall time too (measured at 20k resources under load
 * 8–13: 9.3 s with two workers, 7.0 s in one pass). `idle`: cores the kernel counted idle
 * while this process loaded and normalized the input (idleMeter), the machine's state right
 * now; the load average, a minute's memory that counts this very process's earlier work (a
 * benchmark's previous run), decides only when there is no such measurement.
 */
export function defaultWorkers(resources: number, idle?: number, load = loadavg()[0], cores = availableParallelism()): number {
  const spare = idle === undefined ? load <= cores - 1 : idle >= IDLE_CORE;
  return settings.workers() ?? (resources >= parallelMinResources(cores) && cores >= 2 && spare ? 2 : 1);
}

/** A core counts as spare when at least this much of one was idle (workers booting take some of it). */
export const IDLE_CORE = 0.5;

/** Measurements shorter than this say little (the kernel counts idle time in 10 ms ticks). */
export const IDLE_WINDOW_MS = 200;

const idleMs = (): number => cpus().reduce((sum, c) => sum + c.times.idle, 0);

/**
 * Starts measuring; the function answers the idle cores since then (undefined before
 * IDLE_WINDOW_MS). `spent`: milliseconds this process's optional work (warming prestarted
 * workers) took of a core it found idle, counted as idle.
 */
export function idleMeter(now = (): number => performance.now(), idle = idleMs, spent = (): number => 0): () => number | undefined {
  const t0 = now();
  const i0 = idle() + spent();
  return () => {
    const dt = now() - t0;
    return dt < IDLE_WINDOW_MS ? undefined : Math.max(0, idle() + spent() - i0) / dt;
  };
}

/**
 * Bytes of memory a prestarted worker maps per byte of input file (warm jobs): below what the
 * written input and one chunk's evaluation map (~3× at 20k resources), so the peak stays where
 * it was. Interleaved at 20k: 1×, 2× and 3× equally fast, peak RSS 364, 399 and 434 MB.
 */
export const WARM_BYTES_PER_INPUT_BYTE = 1;

/** At most this much per worker (an estate of several hundred MB maps the rest as it goes). */
export const WARM_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * Workers worth starting before the input is even read (they boot and map memory while this
 * thread reads and normalizes it): one for any input, a second where the files are large
 * enough to hold parallelMinResources (PLAN_BYTES_PER_RESOURCE), but not where
 * they are so large that one worker will evaluate (ONE_PASS_MAX_BYTES of written input: a
 * plan file is about 1.5× the input written from it, 35.6 against 23.8 MB at 20k resources)
 * and a second would hold its memory for nothing.
 */
export function workersToPrestart(inputBytes: number, cores = availableParallelism()): number {
  const set = settings.workers();
  if (set !== undefined) return Math.min(set, 2);
  return inputBytes >= prestartTwoBytes(cores) && inputBytes <= PRESTART_TWO_MAX_BYTES && cores >= 2 ? 2 : 1;
}

/** What a plan file carries per resource, about (the benchmark's estates: 1.78 KB). */
export const PLAN_BYTES_PER_RESOURCE = 1700;

/** Plan bytes from which a second worker is prestarted: those of parallelMinResources(cores) resources. */
export const prestartTwoBytes = (cores: number): number => parallelMinResources(cores) * PLAN_BYTES_PER_RESOURCE;

export const PRESTART_TWO_MAX_BYTES = 1.5 * ONE_PASS_MAX_BYTES;

/** The resource types a rule's source names (`"aws_s3_bucket"`): what its cost grows with. */
export function resourceTypes(src: string): string[] {
  return [...new Set(lex(src).strings.filter((s) => /^(aws|azurerm|azapi|azuread)_[a-z0-9_]+$/.test(s)))].sort();
}

/**
 * Rules split into n shards of about equal work: heaviest first, each to the lightest shard,
 * a rule weighing the resources of the types it names. `together` (one shard per worker): the
 * rules of one service go together, as they share lookups (IAM documents, S3 encryption
 * configurations) that each shard computes again; at 20k and 50k resources the slower of two
 * such shards finished 70–170 ms sooner than with the rules spread one by one, and a service
 * heavier than a shard's fair share is split by rules. Where workers take several chunks each
 * (chunksPerWorker, for memory), rules are spread one by one: coarser units, weighed no better,
 * left one worker a chunk longer than the rest (at 50k in four chunks, ~0.15 s later); a lone
 * worker, which takes every chunk in turn, keeps services together (evaluating()).
 */
export function shardRules(rules: PolicyManifest['rules'], n: number, byType: Record<string, string[]>, together = false): string[][][] {
  type Unit = { name: string; rules: string[][]; weight: number };
  const each: Unit[] = rules.map((r) => ({ name: r.path.join('/'), rules: [r.path], weight: 1 + r.types.reduce((w, t) => w + (byType[t]?.length ?? 0), 0) }));
  const services = new Map<string, { name: string; rules: string[][]; weight: number; members: Unit[] }>();
  for (const u of each) {
    const name = u.rules[0].slice(0, 2).join('/');
    const service = services.get(name) ?? { name, rules: [], weight: 0, members: [] };
    services.set(name, service);
    service.rules.push(...u.rules);
    service.weight += u.weight;
    service.members.push(u);
  }
  const fair = each.reduce((w, u) => w + u.weight, 0) / n;
  const units: Unit[] = [...services.values()].flatMap((s) => (together && s.weight <= fair ? [s] : s.members));
  units.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const shards = Array.from({ length: n }, () => ({ rules: [] as string[][], weight: 0 }));
  for (const u of units) {
    const lightest = shards.reduce((min, s) => (s.weight < min.weight ? s : min));
    lightest.rules.push(...u.rules);
    lightest.weight += u.weight;
  }
  return shards.map((s) => s.rules);
}

/**
 * A runner's first job: it creates its instance over `memory` (made by the main thread, which
 * writes the input into it: input-stream.ts) and maps `bytes` of it (touch), then says so
 * in `ready` ([1, the heap's start]; [-1] if it failed): until then the main thread must not
 * write. Sent to workers started before the input is read, so this happens while the main
 * thread is busy reading. Workers take turns (`turn`: whose it is), so they share the one
 * idle core rather than take some of the main thread's; each adds the milliseconds it spent
 * to `spent` (idleMeter counts them as idle: the core was free for this optional work).
 */
export interface WarmJob {
  kind: 'warm';
  memory: WebAssembly.Memory;
  ready: SharedArrayBuffer;
  bytes: number;
  turn: SharedArrayBuffer;
  order: number;
  spent: SharedArrayBuffer;
}

/**
 * The input, written into the runner's memory by the main thread (input-stream.ts) from the
 * heap's start `base` to `afterInput`: the value the next jobs evaluate. `share`: answer the
 * input's image (InputImage) for other runners to copy.
 */
export interface WrittenJob {
  kind: 'written';
  base: number;
  input: number;
  afterInput: number;
  share?: boolean;
}

/**
 * Where an instance wrote the input: its memory (shared), the heap's start and end around
 * the input, the input's address and the memory's pages. Every instance of the module
 * allocates the same before its heap's start, so these bytes copied to the same addresses
 * of another instance are that instance's input.
 */
export interface InputImage {
  memory: SharedArrayBuffer;
  base: number;
  input: number;
  afterInput: number;
  pages: number;
}

/** The input another runner wrote, copied in (one memcpy instead of writing it again). */
export interface ImageJob extends InputImage {
  kind: 'image';
}

/**
 * A shard job: chunks of rules taken from a counter shared by every worker, evaluated over the
 * input the written (or image) job gave; answers their levelled findings as JSON text, one
 * array per chunk (parsed once, on the main thread).
 */
export interface ShardJob {
  kind: 'shards';
  data: WasmData;
  chunks: string[][][];
  next: SharedArrayBuffer;
  entrypoint: string;
  /**
   * The estate part, taken from the same counter after the last chunk of rules: the worker
   * that runs out of rules first evaluates it while the others finish theirs.
   */
  estate: string;
}

/**
 * A shard job's answer: the findings arrays of its chunks of rules (JSON text), and the estate
 * part's result set if it took it. A runner given `onFound` passes each chunk's findings to it
 * as the chunk is evaluated instead (then `found` is empty).
 */
export interface ShardAnswer {
  found: string[];
  estate?: string;
}

/**
 * One ordinary evaluation of an entrypoint over its own input (the one-pass evaluation);
 * answers the result set as JSON text (resultSet() parses it).
 */
export interface DecisionJob {
  kind: 'decision';
  /** Memory (64 KiB pages) for the instance a runner's first job creates. */
  pages: number;
  input: ArrayBuffer | SharedArrayBuffer;
  data: WasmData;
  entrypoint: string;
}

export type Job = WarmJob | WrittenJob | ImageJob | ShardJob | DecisionJob;

/** Where an instance's heap starts, and the input written there (address, heap after it). */
export interface Heap {
  base: number;
  input: number;
  afterInput: number;
}

export const emptyHeap = (base: number): Heap => ({ base, input: 0, afterInput: 0 });

/**
 * Runs a job on an instance. A written job hands it the input the main thread wrote (or an
 * image job copies it from the instance that has it); for each
 * chunk of rules a shard job takes, the heap is reset to just after the input, the chunk's
 * data parsed and `shard/findings` evaluated: memory peaks at the written input plus one
 * chunk's evaluation, not the whole policy's. The estate part (shard/estate), taken after the last chunk, uses it too.
 * Self-contained like opaInstance (shipped to workers).
 */
export function runJob(inst: OpaInstance, heap: Heap, job: Job, emit?: (found: string) => void): unknown {
  const json = (v: unknown): Buffer => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
  if (job.kind === 'warm') {
    const turn = new Int32Array(job.turn);
    // Wait for the workers before this one, at most a few seconds (one may have been stopped).
    for (let i = 0; i < 100 && Atomics.load(turn, 0) < job.order; i++) Atomics.wait(turn, 0, Atomics.load(turn, 0), 50);
    const t0 = performance.now();
    try {
      inst.touch(job.bytes);
    } catch (err) {
      failedReady(job, err);
      throw err;
    } finally {
      Atomics.add(new Int32Array(job.spent), 0, Math.round(performance.now() - t0));
      Atomics.add(turn, 0, 1);
      Atomics.notify(turn, 0);
    }
    const ready = new Int32Array(job.ready);
    ready[1] = heap.base;
    Atomics.store(ready, 0, 1);
    Atomics.notify(ready, 0);
    return null;
  }
  if (job.kind === 'written') {
    if (heap.base !== job.base) throw new Error(`the input was written from ${job.base}, this instance's heap starts at ${heap.base}`);
    inst.reset(job.afterInput);
    heap.input = job.input;
    heap.afterInput = job.afterInput;
    return job.share ? { memory: inst.buffer(), base: heap.base, input: heap.input, afterInput: heap.afterInput, pages: inst.pages() } : null;
  }
  if (job.kind === 'image') {
    if (heap.base !== job.base) throw new Error(`policy instances differ: heap starts at ${heap.base}, the image's at ${job.base}`);
    inst.copyIn(job.memory, job.base, job.afterInput);
    heap.input = job.input;
    heap.afterInput = job.afterInput;
    return null;
  }
  if (job.kind === 'decision') {
    inst.reset(heap.base);
    const data = inst.load(json(job.data));
    const input = inst.writer().json(Buffer.from(job.input).toString('utf8'));
    return inst.evaluateJson(job.entrypoint, input, data);
  }
  const next = new Int32Array(job.next);
  const answer: ShardAnswer = { found: [] };
  const head = '[{"result":';
  for (let i = Atomics.add(next, 0, 1); i <= job.chunks.length; i = Atomics.add(next, 0, 1)) {
    inst.reset(heap.afterInput);
    const data = inst.load(json(Object.assign({}, job.data, { shard: { rules: i < job.chunks.length ? job.chunks[i] : [] } })));
    if (i === job.chunks.length) {
      answer.estate = inst.evaluateJson(job.estate, heap.input, data);
      continue;
    }
    const text = inst.evaluateJson(job.entrypoint, heap.input, data);
    // OPA writes the result set as [{"result":{…}}]: the chunk (summary.ts ShardChunk), cut out as text.
    const found = text.startsWith(head) && text.endsWith('}]') ? text.slice(head.length, -2) : JSON.stringify((JSON.parse(text) as Array<{ result: unknown }>)[0].result);
    if (emit) emit(found);
    else answer.found.push(found);
  }
  return answer;
}

/**
 * A runner's first job creates its instance, and a warm job one over the memory it brings.
 * An instance too small for an image is replaced (its allocator would write past its
 * memory's end). Self-contained (shipped to workers).
 */
export function needsInstance(inst: OpaInstance | null, heap: Heap | null, job: Job): boolean {
  if (inst === null || heap === null || job.kind === 'warm') return true;
  return job.kind === 'image' && inst.pages() < job.pages;
}

/** The memory a job's new instance is made over (a warm job's), or its size in pages. Self-contained (shipped to workers). */
export const memoryOf = (job: Job): number | WebAssembly.Memory => (job.kind === 'warm' ? job.memory : 'pages' in job ? job.pages : 0);

/**
 * Says in a warm job's `ready` that its instance could not be made, and why (the main thread
 * waits on it, so cannot hear the worker's error event). Self-contained (shipped to workers).
 */
export function failedReady(job: Job, err: unknown): void {
  if (job.kind !== 'warm') return;
  const ready = new Int32Array(job.ready);
  const why = Buffer.from(err instanceof Error ? err.message : String(err)).subarray(0, job.ready.byteLength - 12);
  new Uint8Array(job.ready, 12).set(why);
  ready[2] = why.length;
  Atomics.store(ready, 0, -1);
  Atomics.notify(ready, 0);
}

/** The key of a worker's message that carries a chunk's findings (every other message answers a job). */
const FOUND = 'leakguard:found';

// Workers run the functions above from their source: plain JS after compilation, so it
// loads the same way from src/ (tests) and dist/.
const WORKER_SOURCE = `${opaInstance.toString()}
${valueWriter.toString()}
${runJob.toString()}
${needsInstance.toString()}
${failedReady.toString()}
const memoryOf = ${memoryOf.toString()};
const { parentPort, workerData: w } = require('node:worker_threads');
// The built-ins load while the main thread still reads the input; the instance is made by
// the first job, over the memory the main thread writes the input into.
require(w.builtins);
let inst = null;
let heap = null;
parentPort.on('message', (job) => {
  if (needsInstance(inst, heap, job)) {
    try {
      inst = opaInstance(w.module, memoryOf(job), w.maxPages, w.builtins);
    } catch (err) {
      failedReady(job, err);
      throw err;
    }
    heap = { base: inst.mark(), input: 0, afterInput: 0 };
  }
  // A shard's findings go to the main thread chunk by chunk, as each is evaluated.
  parentPort.postMessage(runJob(inst, heap, job, (found) => parentPort.postMessage({ [${JSON.stringify(FOUND)}]: found })));
});
`;

/** The young generation of a worker's JavaScript heap, in MB (workerRunner). */
export const WORKER_YOUNG_MB = 16;

/** Where jobs run: a worker thread, or this thread (one job after another). */
export interface Runner {
  /**
   * `transfer`: buffers of the job that move to the worker rather than being copied (unusable
   * here after). `onFound`: takes a shard job's findings chunk by chunk (ShardAnswer); an error
   * it throws rejects the job.
   */
  run(job: Job, transfer?: ArrayBuffer[], onFound?: (found: string) => void): Promise<unknown>;
  close(): Promise<unknown>;
}

export interface Host {
  module: WebAssembly.Module;
  maxPages: number;
  builtins: string;
}

/**
 * A worker thread, taking jobs in order (several may be posted before the first answers). It
 * does not keep the process alive while idle (a worker started before the input was read must
 * not hold the process open when reading fails), only while a job waits for its answer.
 */
export function workerRunner(host: Host): Runner {
  // A worker's garbage is short-lived (built-ins' arguments, findings' text): a small young
  // generation holds it (at 20k resources peak RSS −14 MB, as fast: 4, 8 and 16 MB alike).
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: host, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  worker.unref();
  const waiting: Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void; onFound?: (found: string) => void; error?: unknown }> = [];
  let failed: unknown = null;
  // Once closing, referenced until it has stopped: an unreferenced worker's terminate() does
  // not keep the process alive, which then ended with exit code 0 before a failed check
  // could say so (a prestarted worker's answer arriving after close() unreferenced it).
  let closing = false;
  const idle = (): void => {
    if (!closing && waiting.length === 0) worker.unref();
  };
  const fail = (err: unknown): void => {
    failed ??= err;
    for (const w of waiting.splice(0)) w.reject(failed);
    idle();
  };
  worker.on('message', (result: unknown) => {
    if (typeof result === 'object' && result !== null && FOUND in result) {
      const w = waiting[0];
      if (w === undefined || w.error !== undefined) return;
      try {
        w.onFound?.((result as Record<string, string>)[FOUND]);
      } catch (err) {
        // Answered with the job: this message is not the job's answer, which is still to come.
        w.error = err;
      }
      return;
    }
    const w = waiting.shift();
    idle();
    if (w?.error !== undefined) w.reject(w.error);
    else w?.resolve(result);
  });
  worker.on('error', fail);
  worker.on('exit', (code: number) => fail(new Error(`policy worker exited with code ${code}`)));
  return {
    run: (job, transfer = [], onFound) =>
      new Promise((resolve, reject) => {
        if (failed !== null) return reject(failed);
        waiting.push({ resolve, reject, onFound });
        worker.ref();
        worker.postMessage(job, transfer);
      }),
    close: () => {
      closing = true;
      worker.ref();
      return worker.terminate();
    },
  };
}

export function threadRunner(host: Host): Runner {
  let inst: OpaInstance | null = null;
  let heap: Heap = emptyHeap(0);
  return {
    run: async (job, _transfer, onFound) => {
      if (inst === null || needsInstance(inst, heap, job)) {
        try {
          inst = opaInstance(host.module, memoryOf(job), host.maxPages, host.builtins);
        } catch (err) {
          failedReady(job, err);
          throw err;
        }
        heap = emptyHeap(inst.mark());
      }
      return runJob(inst, heap, job, onFound);
    },
    close: async () => undefined,
  };
}

/** The result set of a decision job (its JSON text). */
export const resultSet = (answer: unknown): unknown => JSON.parse(answer as string);

/** opa-wasm's JavaScript built-ins (sprintf, glob.match, …), by absolute path: the package exports only its loader. */
export const BUILTINS = join(dirname(require.resolve('@open-policy-agent/opa-wasm')), 'builtins', 'index.js');

/** A runner and the memory its instance was made over (a warm job's), which the input is written into. */
export interface Target {
  runner: Runner;
  memory: WebAssembly.Memory;
  /** The warm job's `ready` ([1, heap start] once the instance is made, [-1] if it failed). */
  ready: SharedArrayBuffer;
}

/**
 * Sends `runner` its warm job over a shared memory of `pages` made here: the target the input
 * is written into. `warm`: the prestarted workers' turns and time (none for one started late).
 */
export function startTarget(runner: Runner, pages: number, warm: Pick<WarmJob, 'bytes' | 'turn' | 'order' | 'spent'> = { bytes: 0, turn: new SharedArrayBuffer(4), order: 0, spent: new SharedArrayBuffer(4) }): Target {
  const memory = sharedMemory(pages);
  const ready = readyBuffer();
  // Answered before any later job (runners answer in order); its failure is awaitReady's to
  // say, and a worker stopped first rejects it, which says nothing.
  runner.run({ kind: 'warm', memory, ready, ...warm }).catch(() => undefined);
  return { runner, memory, ready };
}

/** A shared memory of `pages` for a runner's instance (its warm job makes the instance over it). */
export const sharedMemory = (pages: number, max = maxPages()): WebAssembly.Memory => new WebAssembly.Memory({ initial: Math.min(pages, max), maximum: max, shared: true });

/** How long the main thread waits for a worker to make its instance before it gives up. */
export const READY_TIMEOUT_MS = 60_000;

/** A warm job's `ready`: [state, heap start, length of why it failed], then why (UTF-8). */
export const readyBuffer = (): SharedArrayBuffer => new SharedArrayBuffer(12 + 1024);

/**
 * Waits until a warm job's instance exists (a prestarted worker's usually has long before);
 * the heap's start, where the input is written.
 */
export function awaitReady(ready: SharedArrayBuffer, timeoutMs = READY_TIMEOUT_MS): number {
  const flag = new Int32Array(ready);
  const deadline = performance.now() + timeoutMs;
  while (Atomics.load(flag, 0) === 0) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`a policy worker did not make its instance within ${timeoutMs / 1000} s`);
    Atomics.wait(flag, 0, 0, Math.min(left, 1000));
  }
  if (Atomics.load(flag, 0) < 0) throw new Error(Buffer.from(ready, 12, flag[2]).toString('utf8') || 'a policy worker could not make its instance');
  return flag[1] >>> 0;
}

export interface ParallelOptions {
  /** How many workers: a number, or chosen from the bytes of the written input and its resources. */
  workers: number | ((inputBytes: number, resources: number) => number);
  /** false: one after another in this thread (the same phases, for tests). */
  threads?: boolean;
  /** Runners already started (prestarted workers, each with the memory of its instance), used first. */
  ready?: Target[];
  /** What projection.ts keeps of each resource's values (null: everything). */
  attributes: readonly string[] | null;
  /** Chunks of rules the workers take (tests vary it); default chunkCount(). */
  ruleChunks?: number;
}

/**
 * An evaluation by policy instances on worker threads whose resources arrive one by one
 * (normalize()'s sink): this thread writes each into the first worker's memory as it comes
 * (input-stream.ts); finish() writes the rest of the input and hands it to that worker, the
 * other workers copy it, then each worker takes chunks of rules, and answers the result set.
 */
export interface ParallelSession {
  expect(count: number): void;
  add(resource: Resource): void;
  /** add(), under the key the input holds the resource by. */
  addAs(key: string, resource: Resource): void;
  /**
   * The result set, once every resource was added, as `steps.then` makes it; stops the workers.
   * `meanwhile`: work for this thread once every worker is evaluating (not before: until then
   * each answer it relays starts the next step); if it throws, the workers are stopped and its
   * error raised. `each`: given each worker's findings as soon as they are parsed (while the
   * others still evaluate). `then` runs while the workers stop (they are done: it needs nothing of them).
   */
  finish<T = unknown>(input: PolicyInput, steps?: FinishSteps<T>): Promise<T>;
  /** Stops the workers (after finish, or when the check fails before it). */
  close(): Promise<void>;
}

/** What finish() does besides waiting for the workers (ParallelSession.finish). */
export interface FinishSteps<T> {
  meanwhile?: () => void;
  each?: (findings: LevelledFinding[]) => void;
  then?: (resultSet: unknown) => T;
}

export function parallelSession(module: WebAssembly.Module, manifest: PolicyManifest, data: WasmData, opts: ParallelOptions): ParallelSession {
  const dataBytes = dataSize(data);
  const host: Host = { module, maxPages: maxPages(), builtins: BUILTINS };
  const spare = opts.ready ?? [];
  let expected = 0;
  // Resources written (the input's count: Object.keys of its resources cost ~5 ms at 20k).
  let added = 0;
  let target: Target | null = null;
  let writer: InputWriter | null = null;
  let pool: Runner[] | null = null;
  let workers = 0;
  let size = 0;
  const newRunner = (): Runner => (opts.threads === false ? threadRunner(host) : workerRunner(host));
  // The first runner: a prestarted one, or one started now whose instance this thread waits for.
  const first = (): InputWriter => {
    if (writer !== null) return writer;
    if (target === null) {
      target = spare.shift() ?? startTarget(newRunner(), pagesFor(expected * PLAN_BYTES_PER_RESOURCE, dataBytes));
    }
    writer = inputWriter(target.memory, awaitReady(target.ready), opts.attributes, expected);
    return writer;
  };
  const write = (key: string, resource: Resource): void => {
    try {
      first().add(key, resource);
      added++;
    } catch (err) {
      throw tooLarge(err, writer?.written() ?? 0, dataBytes);
    }
  };
  const close = async (): Promise<void> => {
    const runners = pool ?? (target ? [target.runner] : []);
    await Promise.all([...runners, ...spare.splice(0).map((t) => t.runner)].map((r) => r.close()));
  };
  return {
    expect(count) {
      expected = count;
    },
    add: (resource) => write(resource.key, resource),
    addAs: write,
    async finish<T>(input: PolicyInput, { meanwhile, each, then = (r: unknown): T => r as T }: FinishSteps<T> = {}): Promise<T> {
      let closing: Promise<void> | undefined;
      try {
        const evaluated = await evaluating(input, each).catch((err: unknown) => Promise.reject(tooLarge(err, size, dataBytes)));
        // An error here stops the workers (finally) and is the one raised.
        meanwhile?.();
        const result = await evaluated().catch((err: unknown) => Promise.reject(tooLarge(err, size, dataBytes)));
        // Stopping a worker took 20–50 ms at 20k resources: this thread works meanwhile.
        closing = close();
        return then(result);
      } finally {
        await (closing ?? close());
      }
    },
    close,
  };

  /** Writes the rest of the input, hands it to the workers and, once every worker holds it, the rules: the result set, when they answer. */
  async function evaluating(input: PolicyInput, each?: (findings: LevelledFinding[]) => void): Promise<() => Promise<unknown>> {
    const w = first();
    const written = w.finish(input);
    size = w.written();
    // How many workers, from what the input turned out to be; prestarted ones not needed stop now, with the memory they mapped.
    workers = Math.max(1, typeof opts.workers === 'function' ? opts.workers(size, added) : opts.workers);
    const others = spare.splice(0, workers - 1).map((t) => t.runner);
    for (const t of spare.splice(0)) void t.runner.close();
    while (others.length < workers - 1) others.push(newRunner());
    pool = [target!.runner, ...others];
    const image = pool[0].run({ kind: 'written', ...written, share: others.length > 0 }) as Promise<InputImage | null>;
    // Awaited below; a session closed before (the check failed) has nobody waiting.
    image.catch(() => undefined);
    // The others copy the input the first one holds. None evaluates before every copy is
    // made: evaluating allocates above the input, but nothing writes while it is read.
    if (others.length > 0) {
      const copied = others.map(async (r) => r.run({ kind: 'image', ...(await image)! }));
      // Every answer is awaited together: a worker that fails rejects what it still had.
      await Promise.all([image, ...copied]);
    }
    const chunks = opts.ruleChunks ?? chunkCount(workers, size);
    // A service's rules together where each worker takes one chunk, and where one worker takes
    // them all in turn (how even the chunks are changes its peak memory, not when it is done):
    // the lookups a service's rules share are built once, not once per chunk. One worker's two
    // chunks at 20k resources, warm: 352 → 325 ms; three at 50k: 917 → 837 ms, peak 179 → 155 MB.
    const shards = shardRules(manifest.rules, chunks, input.by_type, chunks === workers || workers === 1);
    const job: ShardJob = { kind: 'shards', data, chunks: shards, next: new SharedArrayBuffer(4), entrypoint: manifest.raw_entrypoint, estate: manifest.estate_entrypoint };
    // Each chunk's findings are parsed as soon as its worker sends them, while the workers still evaluate.
    const findings: LevelledFinding[][] = [];
    let estate: Estate | undefined;
    const take = (texts: string[]): void => {
      if (texts.length === 0) return;
      const batch = (JSON.parse(`[${texts.join(',')}]`) as ShardChunk[]).flatMap(levelledChunk);
      if (batch.length === 0) return;
      findings.push(batch);
      each?.(batch);
    };
    // Each chunk of rules' findings is judged as soon as a worker has evaluated it (where a
    // worker takes several, while it evaluates the next), not when its last chunk is done.
    const found = Promise.all(
      pool.map(async (r) => {
        const answer = (await r.run(job, [], (text) => take([text]))) as ShardAnswer;
        if (answer.estate !== undefined) estate = (resultSet(answer.estate) as Array<{ result: Estate }>)[0].result;
        take(answer.found);
      }),
    );
    // Awaited by the function below, unless the work done meanwhile failed first.
    found.catch(() => undefined);
    return async () => {
      // A job that failed taking the input is the error to raise (the worker fails the rest).
      await image;
      await found;
      if (estate === undefined) throw new Error('no worker evaluated the estate part');
      return [{ result: assemble(estate, findings.flat()) }];
    };
  }
}
