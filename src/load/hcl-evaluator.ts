import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, describe } from '../errors';
import { projectRoot } from '../evaluate/paths';
import { settings } from '../settings';
import { readBytes, readText } from './read-file';

/** `--var-file` and `--var`, in command-line order (later wins, as in Terraform). */
export interface VarInput {
  kind: 'file' | 'var';
  value: string;
}

/** One resource instance as hcl-eval/ evaluates it (hcl-eval/output.go). */
export interface EvaluatedResource {
  address: string;
  module: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index: string | number | null;
  provider: string;
  values: Record<string, unknown>;
  unknown: string[];
  /** Of them, those only apply knows because an impure function made them (uuid(), timestamp()), and nothing open. */
  apply?: string[];
  /** The sha256 (hex) of each known sensitive string by path: its text never leaves the evaluator, a literal of the code can be matched to it. */
  sensitive_sha256?: Record<string, string>;
  /** Paths derived from a `sensitive` variable; their values are written `(sensitive)`. */
  sensitive: string[];
  /** Of those, the paths of collections (lists, sets, maps, objects, blocks) hidden as a whole. */
  hidden?: string[];
  /**
   * Unknown paths derived from what the code gives no value (a root variable without one, a
   * module's required input not set), whatever else they refer to.
   */
  open?: string[];
  /** Attribute path → resources named there, as in a plan's configuration (`aws_s3_bucket.b`, `…b[0]`). */
  references: Record<string, string[]>;
  /** What the resource's for_each names (through locals): where each.value comes from. */
  for_each?: string[];
  /**
   * For the secret scan only, by path: the text jsonencode or a template writes for an attribute
   * unknown before apply, each unknown part as `(known after apply)` (never a rule's value).
   */
  secret_views?: Record<string, string>;
  file: string;
  line: number;
}

export interface EvaluatedProvider {
  key: string;
  name: string;
  alias?: string;
  region: string | null;
  default_tags?: Record<string, string>;
  /** The evaluated arguments; the normalizer scans them for secrets and keeps none. */
  values: Record<string, unknown>;
  file: string;
  line: number;
}

export interface EvaluatedFolder {
  resources: EvaluatedResource[];
  providers: EvaluatedProvider[];
  /** `module.x from registry ns/name/aws`: calls whose source is not a local folder. */
  modules_not_followed: string[];
  /** Resources and module calls whose count/for_each cannot be known before apply: not checked. */
  unverifiable: string[];
  warnings: string[];
  /**
   * By module (static path): its call's argument references (in the caller) and its outputs'
   * references (in the module), as a plan's configuration holds them; and the variables the
   * code gives a constant (the call's constant arguments, else their defaults).
   */
  module_links?: Record<string, ModuleLink>;
  /**
   * By module (static path, '' for the root): the whole string literals written in each of its
   * locals and, in its caller, in each argument its call passes (module-refs.ts literalsAlong).
   */
  code_literals?: Record<string, CodeLiterals>;
  /** The root variables whose value the code gives: a default, or an auto-loaded tfvars file of the folder. */
  root_code_values?: Record<string, unknown>;
  /** Some file of the folder or its modules names terraform.workspace. */
  reads_workspace?: boolean;
  error?: string;
}

/** The key of the links (linksOf) under which the root module's code values are: no module's path. */
export const ROOT = '';

/** The module links of an evaluation (module_links), and the root's code values (root_code_values) as the constants under ROOT. */
export function linksOf(evaluated: EvaluatedFolder): Map<string, ModuleLink> {
  const links = new Map(Object.entries(evaluated.module_links ?? {}));
  if (evaluated.root_code_values && Object.keys(evaluated.root_code_values).length > 0) links.set(ROOT, { args: {}, outputs: {}, constants: evaluated.root_code_values });
  return links;
}

/** A module call's links: its arguments' references, its outputs' references, the constants the code gives its variables. */
export interface ModuleLink {
  args: Record<string, string[]>;
  outputs: Record<string, string[]>;
  constants?: Record<string, unknown>;
}

/** The string literals a module's locals and its call's arguments write (EvaluatedFolder.code_literals). */
export interface CodeLiterals {
  args?: Record<string, string[]>;
  locals?: Record<string, string[]>;
}

/**
 * The workspace `terraform plan` would use in `dir`: TF_WORKSPACE, else the one `terraform
 * workspace select` wrote (.terraform/environment, under TF_DATA_DIR if set); undefined when
 * neither says (Terraform's "default"). Read as "default" always, a policy that opens a queue
 * to everyone in the prod workspace had passed.
 */
export function selectedWorkspace(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.TF_WORKSPACE) return env.TF_WORKSPACE;
  const file = resolve(dir, env.TF_DATA_DIR || '.terraform', 'environment');
  if (!existsSync(file)) return undefined;
  const name = readText(file, { allowEmpty: true, what: 'workspace file' }).trim();
  return name || undefined;
}

type ReadResult = { text: string } | { base64: string } | { missing: true } | { error: string };
type EvalFn = (request: string, read: (file: string, allowEmpty: boolean, bytes?: boolean) => ReadResult, list: (dir: string) => string[] | null) => string;
/** The Go module's entry points: the evaluator (eval.go) and the source editor of `leakguard fix` (edit.go). */
export interface HclRuntime {
  evaluate: EvalFn;
  edit: (request: string) => string;
}

/** build/hcl-eval/ of the package (scripts/build-hcl-eval.sh writes it; the npm package ships it). */
export const hclEvalBuildDir = (): string => settings.hclEvalBuildDir() ?? join(projectRoot(), 'build', 'hcl-eval');

let loaded: Promise<HclRuntime> | undefined;

/** The Go evaluator compiled to WebAssembly, started once per process. */
export function hclRuntime(): Promise<HclRuntime> {
  loaded ??= (async () => {
    const dir = hclEvalBuildDir();
    const wasm = join(dir, 'hcl-eval.wasm');
    if (!existsSync(wasm)) throw new InputError(`${wasm} is missing; run \`bash scripts/build-hcl-eval.sh\` (needs Go) to build the HCL evaluator`);
    // Go's wasm_exec.js runs against its own global scope (inheriting the real one), so the
    // Go class and the entry point it registers never meet another Go WASM in the process
    // (a host may load another Go runtime under the same global names).
    const scope = Object.create(globalThis) as { Go: new () => GoRuntime; leakguardHclEval?: EvalFn; leakguardHclEdit?: HclRuntime['edit'] };
    // Node's accessors for these refuse any `this` but the real global.
    for (const name of ['crypto', 'performance'] as const) Object.defineProperty(scope, name, { value: globalThis[name] });
    new Function('globalThis', readText(join(dir, 'wasm_exec.js'), { own: true }))(scope);
    const go = new scope.Go();
    const { instance } = await WebAssembly.instantiate(readBytes(wasm, { own: true }), go.importObject);
    void go.run(instance);
    if (typeof scope.leakguardHclEval !== 'function' || typeof scope.leakguardHclEdit !== 'function') throw new Error('hcl-eval.wasm did not register its entry points');
    return { evaluate: scope.leakguardHclEval, edit: scope.leakguardHclEdit };
  })();
  return loaded;
}

interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

/** A file's text, or (`bytes`: filebase64 and the file hash functions, which read any file) its bytes as base64. */
function read(file: string, allowEmpty: boolean, overlay?: ReadonlyMap<string, string>, bytes = false): ReadResult {
  const text = overlay?.get(file);
  if (text !== undefined) return bytes ? { base64: Buffer.from(text, 'utf8').toString('base64') } : { text };
  try {
    if (!existsSync(file)) return { missing: true };
    if (bytes) return { base64: readBytes(file, { allowEmpty }).toString('base64') };
    return { text: readText(file, { allowEmpty }) };
  } catch (err) {
    return { error: describe(err) };
  }
}

/** Files and folders (with a trailing `/`, for fileset); other kinds of entry are left out. */
function list(dir: string): string[] | null {
  try {
    return readdirSync(dir).flatMap((n) => {
      const s = statSync(join(dir, n));
      return s.isFile() ? [n] : s.isDirectory() ? [`${n}/`] : [];
    });
  } catch {
    return null;
  }
}

/** Evaluates a root module folder (or one .tf file) with the variables Terraform would use. */
export async function evaluateFolder(
  dir: string,
  opts: { file?: string; vars?: VarInput[]; env?: NodeJS.ProcessEnv; overlay?: ReadonlyMap<string, string>; workspace?: string | null } = {},
): Promise<EvaluatedFolder> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env ?? process.env)) if (k.startsWith('TF_VAR_') && v !== undefined) env[k.slice(7)] = v;
  const vars = (opts.vars ?? []).map((v) => (v.kind === 'file' ? { kind: v.kind, value: resolve(v.value) } : v));
  // null: unknown (the evaluator leaves terraform.workspace open).
  const workspace = opts.workspace === undefined ? (selectedWorkspace(dir, opts.env ?? process.env) ?? 'default') : opts.workspace;
  const request = JSON.stringify({ dir: resolve(dir), ...(opts.file ? { file: resolve(opts.file) } : {}), env, vars, workspace });
  const out = JSON.parse((await hclRuntime()).evaluate(request, (file, allowEmpty, bytes) => read(file, allowEmpty, opts.overlay, bytes === true), list)) as EvaluatedFolder;
  if (out.error) throw new InputError(out.error);
  return out;
}
