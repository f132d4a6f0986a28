import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors';
import { readBytes, readJson } from '../load/read-file';
import type { Decision } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';
import { assertValid } from '../normalize/validate';
import { verifyManifest, type PolicyManifest } from './manifest';
import { buildDir, policyDir } from './paths';
import { opaInstance } from './opa-runtime';
import { BUILTINS, defaultWorkers, evaluateParallel, ONE_PASS_MAX_BYTES, runJob, workerRunner } from './parallel';
import { project } from './projection';
import { dataSize, encode, maxPages, pagesFor, tooLarge } from './wasm-memory';

/** What the engine hands the policy as `data` besides the compiled rules. */
export interface PolicyData {
  config: Record<string, unknown>;
  waivers: unknown[];
  context: { today: string };
}

export interface EvaluationOptions {
  /**
   * Worker threads for evaluateInWorker, each with its own policy instance over a shard of
   * the rules (parallel.ts); 1 is one pass. Default: LEAKGUARD_WORKERS, else two on inputs of
   * PARALLEL_MIN_RESOURCES or more while a core is idle (defaultWorkers).
   */
  workers?: number;
  /** Send the policy only the attributes its Rego reads (projection.ts); default true. */
  project?: boolean;
  /** false: evaluate the shards one after another in this thread (same phases, no worker threads). */
  threads?: boolean;
  /** Above this many bytes of projected input one worker evaluates in rule chunks, not one pass; default ONE_PASS_MAX_BYTES. */
  onePassMaxBytes?: number;
}

export interface CompiledPolicy {
  manifest: PolicyManifest;
  /** One pass in this thread (CDKTF aspects run inside synth, which cannot await). */
  evaluate(input: PolicyInput, data: PolicyData, opts?: EvaluationOptions): Decision;
  /** Off the main thread, so the event loop (a progress spinner) keeps running; in parallel on large inputs. */
  evaluateInWorker(input: PolicyInput, data: PolicyData, opts?: EvaluationOptions): Promise<Decision>;
}

/** Loads build/policy/policy.wasm once, after checking it was built from the sources on disk. */
export async function loadCompiledPolicy(dir = buildDir(), sources: string | null = policyDir()): Promise<CompiledPolicy> {
  return loadCompiledPolicySync(dir, sources);
}

/** The same, synchronously (CDKTF aspects run inside synth, which cannot await). */
export function loadCompiledPolicySync(dir = buildDir(), sources: string | null = policyDir()): CompiledPolicy {
  const wasmPath = join(dir, 'policy.wasm');
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(wasmPath) || !existsSync(manifestPath)) {
    throw new InputError(`no compiled policy at ${dir}; run \`npm run build:policies\``);
  }
  const wasm = readBytes(wasmPath, { own: true });
  const manifest = readJson(manifestPath, { own: true }) as PolicyManifest;
  verifyManifest(manifest, wasm, sources);
  const module = new WebAssembly.Module(wasm);
  const projected = (input: PolicyInput, opts: EvaluationOptions): PolicyInput => (opts.project === false ? input : project(input, manifest.attributes));
  return {
    manifest,
    evaluate(input, data, opts = {}) {
      const bytes = encode(projected(input, opts));
      // A fresh instance per evaluation, its memory reserved up front: growing WASM memory
      // page by page while OPA allocates made a 20k-resource plan (or 10,000 waivers) take
      // minutes, not seconds.
      const dataBytes = dataSize(data);
      const host = { module, pages: pagesFor(bytes.byteLength, dataBytes), maxPages: maxPages(), builtins: BUILTINS };
      try {
        const inst = opaInstance(host.module, host.pages, host.maxPages, host.builtins);
        return decisionOf(runJob(inst, { base: inst.mark(), input: 0, afterInput: 0 }, { kind: 'decision', data, input: bytes, entrypoint: manifest.entrypoint }));
      } catch (err) {
        throw tooLarge(err, bytes.byteLength, dataBytes);
      }
    },
    async evaluateInWorker(input, data, opts = {}) {
      const workers = opts.workers ?? defaultWorkers(Object.keys(input.resources).length);
      if (workers > 1) return decisionOf(await evaluateParallel(module, manifest, projected(input, opts), data, workers, opts.threads));
      const sent = projected(input, opts);
      const bytes = encode(sent);
      // Too large for one pass within WASM's 4 GiB: one worker takes the rules in chunks.
      if (bytes.byteLength > (opts.onePassMaxBytes ?? ONE_PASS_MAX_BYTES)) return decisionOf(await evaluateParallel(module, manifest, sent, data, 1, opts.threads));
      const dataBytes = dataSize(data);
      const worker = workerRunner({ module, pages: pagesFor(bytes.byteLength, dataBytes), maxPages: maxPages(), builtins: BUILTINS });
      try {
        return decisionOf(await worker.run({ kind: 'decision', data, input: bytes, entrypoint: manifest.entrypoint }));
      } catch (err) {
        throw tooLarge(err, bytes.byteLength, dataBytes);
      } finally {
        await worker.close();
      }
    },
  };
}

export function decisionOf(result: unknown): Decision {
  const decision = (result as Array<{ result?: Decision }>)[0]?.result;
  if (!decision) throw new Error('policy returned no decision (entrypoint undefined)');
  assertValid('decision', decision);
  return decision;
}
