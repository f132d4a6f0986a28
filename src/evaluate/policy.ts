import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors';
import { readBytes, readJson } from '../load/read-file';
import type { Decision, Finding, Waiver } from '../types/decision';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { ResourceSink } from '../normalize';
import { assertValid, schemaErrors, validator } from '../normalize/validate';
import { verifySources, verifyWasm, type PolicyManifest } from './manifest';
import { buildDir, policyDir } from './paths';
import { Judgement, type Levelled } from './judge';
import { opaInstance } from './opa-runtime';
import { withSharedMemory } from './shared-memory';
import { BUILTINS, defaultWorkers, emptyHeap, parallelSession, ONE_PASS_MAX_BYTES, resultSet, runJob, startTarget, WARM_BYTES_PER_INPUT_BYTE, WARM_MAX_BYTES, workerRunner, type Target } from './parallel';
import { settings } from '../settings';
import { project } from './projection';
import { unseenPaths, withUnknownNote } from './unknown-note';
import { loadCatalog, type RuleInfo } from './catalog';
import { canonicalOrder, compareFindings, sortedDeep } from './summary';
import { dataSize, encode, maxPages, pagesFor, tooLarge } from './wasm-memory';

/** What an evaluation takes besides the input: the policy settings, and the waivers judged on `today`. */
export interface PolicyData {
  config: Record<string, unknown>;
  waivers: Waiver[];
  context: { today: string };
}

/** What the WASM reads as `data` besides the compiled rules: only the settings (waivers are applied after it, judge.ts). */
export interface WasmData {
  config: Record<string, unknown>;
}

const wasmData = (data: PolicyData): WasmData => ({ config: data.config });

export interface EvaluationOptions {
  /**
   * Worker threads for evaluateInWorker, each with its own policy instance taking chunks of
   * the rules (parallel.ts). Default: LEAKGUARD_WORKERS, else one above onePassMaxBytes, else
   * two on inputs of parallelMinResources or more while a core is idle (defaultWorkers).
   */
  workers?: number;
  /** Cores idle while the input was loaded (idleMeter), or the meter, read when the workers are chosen: decides the default number of workers. */
  idleCores?: number | (() => number | undefined);
  /** Send the policy only the attributes its Rego reads (projection.ts); default true. */
  project?: boolean;
  /** false: evaluate the shards one after another in this thread (same phases, no worker threads). */
  threads?: boolean;
  /** Chunks of rules the workers take (parallel.ts chunkCount); tests vary it. */
  ruleChunks?: number;
  /** Above this many bytes of written input one worker evaluates by default (two would each hold it); default ONE_PASS_MAX_BYTES. */
  onePassMaxBytes?: number;
  /**
   * evaluateInWorker: work for this thread while the workers evaluate (check() validates the
   * input against its schema there), once every worker holds the input. If it throws, the
   * workers are stopped and the error raised instead of the decision.
   */
  whileEvaluating?: () => void;
}

export interface EvaluationSession extends ResourceSink {
  finish(input: PolicyInput): Promise<Decision>;
  close(): Promise<void>;
}

export interface CompiledPolicy {
  manifest: PolicyManifest;
  /** One pass in this thread (CDKTF aspects run inside synth, which cannot await). */
  evaluate(input: PolicyInput, data: PolicyData, opts?: EvaluationOptions): Decision;
  /** Off the main thread, so the event loop (a progress spinner) keeps running; in parallel on large inputs. */
  evaluateInWorker(input: PolicyInput, data: PolicyData, opts?: EvaluationOptions): Promise<Decision>;
  /**
   * The same, its resources handed over one by one as normalize() completes them (`sink`),
   * written meanwhile into the memory of the worker that evaluates (input-stream.ts); finish() once the input is whole. close() stops its
   * workers when the caller fails before finishing (finish() stops them itself).
   */
  evaluationSession(data: PolicyData, opts?: EvaluationOptions): EvaluationSession;
  /**
   * Starts `workers` worker threads now, for the next evaluateInWorker: they boot, create
   * their policy instances and map memory for `inputBytes` of input (WarmJob) while the
   * caller still reads and normalizes it. Those it does not use are stopped when it starts.
   */
  prestart(workers: number, inputBytes?: number): void;
  /** Milliseconds prestarted workers spent mapping memory (idleMeter's `spent`). */
  warmedMs(): number;
  /** Stops prestarted workers no evaluation took (the input could not be read). */
  release(): Promise<void>;
}

/** Loads build/policy/policy.wasm once, after checking it was built from the sources on disk (deferred: before its first decision). */
export async function loadCompiledPolicy(dir = buildDir(), sources: string | null = policyDir(), opts: LoadOptions = {}): Promise<CompiledPolicy> {
  return loadCompiledPolicySync(dir, sources, opts);
}

export interface LoadOptions {
  /**
   * Check the Rego sources against the manifest when the first decision is made rather than
   * now (every evaluation refuses a stale WASM before it answers): check() does it while the
   * workers evaluate, not before it reads the input (~17 ms of every check's critical path).
   */
  deferSourceCheck?: boolean;
}

/** The same, synchronously (CDKTF aspects run inside synth, which cannot await). */
export function loadCompiledPolicySync(dir = buildDir(), sources: string | null = policyDir(), { deferSourceCheck = false }: LoadOptions = {}): CompiledPolicy {
  const wasmPath = join(dir, 'policy.wasm');
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(wasmPath) || !existsSync(manifestPath)) {
    throw new InputError(`no compiled policy at ${dir}; run \`npm run build:policies\``);
  }
  const wasm = readBytes(wasmPath, { own: true });
  const manifest = readJson(manifestPath, { own: true }) as PolicyManifest;
  verifyWasm(manifest, wasm);
  let sourcesChecked = false;
  // Before any decision is given (idempotent).
  const checkSources = (): void => {
    if (!sourcesChecked) verifySources(manifest, sources);
    sourcesChecked = true;
  };
  if (!deferSourceCheck) checkSources();
  const module = new WebAssembly.Module(withSharedMemory(wasm));
  const projected = (input: PolicyInput, opts: EvaluationOptions): PolicyInput => (opts.project === false ? input : project(input, manifest.attributes));
  // Read when the first findings are judged (rules.json is ~5 ms to parse, not needed before).
  let factsRead: ReadonlyMap<string, RuleInfo> | undefined;
  const facts = (): ReadonlyMap<string, RuleInfo> => (factsRead ??= ruleFacts(dir));
  const decisionOf = (result: unknown, input: PolicyInput, data: PolicyData): Decision => judged(result, input, data, facts());
  const host = { module, maxPages: maxPages(), builtins: BUILTINS };
  const spare: Target[] = [];
  const spent = new SharedArrayBuffer(4);
  const release = async (): Promise<void> => {
    await Promise.all(spare.splice(0).map((t) => t.runner.close()));
  };
  return {
    prestart(workers, inputBytes = 0) {
      const turn = new SharedArrayBuffer(4);
      const bytes = Math.min(WARM_MAX_BYTES, inputBytes * WARM_BYTES_PER_INPUT_BYTE);
      for (let order = 0; spare.length < workers; order++) {
        // Its instance is made over a memory of this thread's, which the input is written into.
        spare.push(startTarget(workerRunner(host), pagesFor(inputBytes), { bytes, turn, order, spent }));
      }
    },
    warmedMs: () => Atomics.load(new Int32Array(spent), 0),
    release,
    manifest,
    evaluate(input, data, opts = {}) {
      checkSources();
      const bytes = encode(projected(input, opts));
      // A fresh instance per evaluation, its memory reserved up front: growing WASM memory
      // page by page while OPA allocates made a 20k-resource plan (or 10,000 waivers) take
      // minutes, not seconds.
      const dataBytes = dataSize(wasmData(data));
      let result: unknown;
      try {
        const inst = opaInstance(host.module, pagesFor(bytes.byteLength, dataBytes), host.maxPages, host.builtins);
        result = resultSet(runJob(inst, emptyHeap(inst.mark()), { kind: 'decision', pages: 0, data: wasmData(data), input: bytes, entrypoint: manifest.entrypoint }));
      } catch (err) {
        throw tooLarge(err, bytes.byteLength, dataBytes);
      }
      return decisionOf(result, input, data);
    },
    async evaluateInWorker(input, data, opts = {}) {
      const session = inWorkers(data, opts);
      try {
        const keys = Object.keys(input.resources);
        session.expect(keys.length);
        for (const key of keys) session.addAs(key, input.resources[key]);
      } catch (err) {
        await session.close();
        await release();
        throw err;
      }
      return session.finish(input);
    },
    evaluationSession: (data, opts = {}) => inWorkers(data, opts),
  };

  function inWorkers(data: PolicyData, opts: EvaluationOptions): EvaluationSession & { addAs(key: string, r: Resource): void } {
    // Each worker holds the whole input and its own evaluation: above one pass's size a second
    // would double gigabytes, so by default one worker takes the rules in chunks there.
    const onePassMax = opts.onePassMaxBytes ?? ONE_PASS_MAX_BYTES;
    const idle = (): number | undefined => (typeof opts.idleCores === 'function' ? opts.idleCores() : opts.idleCores);
    const workers = opts.workers ?? settings.workers() ?? ((bytes: number, resources: number): number => (bytes > onePassMax ? 1 : defaultWorkers(resources, idle())));
    const session = parallelSession(module, manifest, wasmData(data), {
      workers,
      threads: opts.threads,
      ready: opts.threads === false ? [] : spare,
      attributes: opts.project === false ? null : manifest.attributes,
      ruleChunks: opts.ruleChunks,
    });
    return {
      expect: (count) => session.expect(count),
      add: (r) => session.add(r),
      addAs: (key, r) => session.addAs(key, r),
      async finish(input) {
        try {
          // This thread is idle while the workers evaluate: it compiles the decision's validator,
          // which judging needs at the end, and runs the caller's work.
          const meanwhile = (): void => {
            checkSources();
            facts();
            validator('decision');
            validator('decision', '#/definitions/Finding');
            opts.whileEvaluating?.();
          };
          // Findings are judged as the workers send them (a chunk of rules at a time), while they still evaluate.
          const judging = new Judging(input, data, facts);
          const decision = await session.finish(input, { meanwhile, each: (findings) => judging.add(findings), then: (result) => judging.decision(levelledOf(result)) });
          // Where nothing ran meanwhile (no resources, or evaluated in this thread).
          checkSources();
          return decision;
        } finally {
          await release();
        }
      },
      async close() {
        await session.close();
        await release();
      },
    };
  }
}

/** The rule catalogue by rule id: the facts judged() adds to findings. */
export function ruleFacts(dir = buildDir()): ReadonlyMap<string, RuleInfo> {
  return new Map(loadCatalog(dir).map((r) => [r.id, r]));
}

/**
 * The policy's result (its result set) with each finding's rule facts from the catalogue (lib/finding.rego
 * leaves them out), in canonical order, judged with the waivers (config and construct ones)
 * on `data.context.today`.
 */
export function judged(result: unknown, input: PolicyInput, data: PolicyData, facts: ReadonlyMap<string, RuleInfo>): Decision {
  const levelled = levelledOf(result);
  const judging = new Judging(input, data, () => facts);
  judging.add(levelled.findings);
  return judging.decision(levelled);
}

function levelledOf(result: unknown): Levelled {
  const levelled = (result as Array<{ result?: Levelled }>)[0]?.result;
  if (!levelled) throw new Error('policy returned no decision (entrypoint undefined)');
  return levelled;
}

/**
 * judged() in steps: add() takes findings as the workers send them, a chunk of rules at a
 * time (while they still evaluate: the facts, order and waivers of those are not left for
 * the end), decision() the result once all have.
 */
export class Judging {
  private judgementMade?: Judgement;
  /** Each finding as the policy gave it (with its facts; what the order compares) and judged. */
  private readonly done: Array<{ levelled: Levelled['findings'][number]; judged: Finding }> = [];

  constructor(
    private readonly input: PolicyInput,
    private readonly data: PolicyData,
    /** The rule catalogue, read when the first findings come. */
    private readonly facts: () => ReadonlyMap<string, RuleInfo>,
  ) {}

  /**
   * Made when the first findings arrive, not before the evaluation starts: indexing the
   * construct waivers reads every resource (~30 ms at 50k), which delayed the workers.
   */
  private get judgement(): Judgement {
    return (this.judgementMade ??= new Judgement(this.input, this.data.waivers, this.data.context.today));
  }

  add(findings: Levelled['findings']): void {
    const facts = findings.length > 0 ? this.facts() : null;
    for (const f of findings) {
      f.resource = this.subject(f);
      const rule = facts!.get(f.rule_id);
      // The catalogue is written by the same build as the WASM (the manifest ties both to the sources).
      if (!rule) throw new Error(`the policy reported rule ${f.rule_id}, which the rule catalogue lacks; run \`npm run build:policies\``);
      Object.assign(f, { title: rule.title, cloud: rule.cloud, remediation: rule.remediation.trim(), legal: rule.legal, audit_component: rule.audit_component });
      // A finding on a resource whose settings the rule reads are unknown before apply says so.
      const r = this.input.resources[f.resource.key];
      if (r !== undefined && rule.reads !== undefined) f.message = withUnknownNote(f.message, unseenPaths(rule.reads, r));
    }
    // Sorted runs: the final sort (a merge sort) only merges them.
    for (const f of canonicalOrder(findings)) {
      const judged = this.judgement.finding(f);
      // Checked here, one by one, rather than in the whole decision at the end (~30 ms at 50k resources).
      const err = schemaErrors('decision', judged, '#/definitions/Finding');
      if (err) throw new Error(`internal error: produced decision does not match its schema: the ${f.rule_id} finding on ${f.resource.key}: ${err}`);
      this.done.push({ levelled: f, judged });
    }
  }

  /**
   * The finding's subject with its fields in code-point order: a resource of the input, which
   * the policy names by its key alone (lib/finding.rego `subject`), with its subject fields
   * from the input; a region, estate or provider block as the policy gave it.
   */
  private subject(f: Levelled['findings'][number]): Finding['resource'] {
    const s = f.resource;
    if (Object.keys(s).length > 1) return sortedDeep(s);
    const r = this.input.resources[s.key];
    if (!r) throw new Error(`internal error: the ${f.rule_id} finding names ${s.key}, which is not a resource of the input`);
    return { action: r.action, address: r.address, key: r.key, origin: r.origin, region: r.region, stack: r.stack, type: r.type };
  }

  /** The decision of the whole result, whose findings are those added. */
  decision(levelled: Levelled): Decision {
    if (levelled.findings.length !== this.done.length) throw new Error(`internal error: ${this.done.length} findings judged of the decision's ${levelled.findings.length}`);
    // One order of findings and summary keys whatever evaluated them (summary.ts).
    this.done.sort((a, b) => compareFindings(a.levelled, b.levelled));
    levelled.summary = sortedDeep(levelled.summary);
    const decision = this.judgement.decision(
      levelled,
      this.done.map((d) => d.judged),
    );
    // Its findings were checked as they were judged (add).
    assertValid('decision', { ...decision, findings: [] });
    return decision;
  }
}
