import { evaluateFolder, linksOf, selectedWorkspace, type EvaluatedFolder } from './hcl-evaluator';
import { unresolvedRegions } from './plan-providers';
import { isObject as isJson } from './read-file';
import type { Json, PlanSource } from './types';

// What a plan cannot show and the folder it was made from can: a plan holds no local values,
// so a provider's `region = local.region` and a resource attribute set from a local are
// unknown in it. With the folder at hand, it is evaluated once, with the plan's own variable
// values, and the plan's normalizer reads there what the plan leaves open: the regions
// (plan-providers.ts) and, for an attribute set from a local and unknown in the plan, whether
// the folder knows its value (a local that is null or "" leaves the attribute to the
// provider, which a plan shows as unknown too); and references a plan cannot follow: through
// a local value to what it names (a module's `kms_key_arn = local.kms_key_arn`), and of
// attributes in `dynamic` blocks, which a plan's configuration leaves out (a key passed into a
// module's dynamic block read as the provider's default: the terraform-aws-modules S3 bucket);
// and whether a value the plan hides and builds from a local (a password passed into a module)
// is a literal written in the code (module-refs.ts literalInCode); and a JSON document the plan
// leaves unknown because an ARN in it waits for apply, which the folder reads but for that ARN.

/**
 * Written in place of what only apply knows in a document the folder reads with jsonencode
 * (hcl-eval/partial.go): `Resource = "${aws_s3_bucket.b.arn}/*"` leaves a bucket policy unknown
 * in a plan as a whole, while every principal, action and condition of it is in the code.
 */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** Attributes that hold a policy document, as the HCL evaluator reads them partly known (hcl-eval/partial.go documentAttr). */
export const DOCUMENT = /polic(y|ies)$|_document$/;

/**
 * Resources whose `body` is an OpenAPI document (JSON or YAML), read partly known the same way
 * (hcl-eval/partial.go apiDocumentTypes): an integration's Lambda ARN leaves it unknown in a
 * plan as a whole, while every route and its security is in the code.
 */
export const API_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['aws_api_gateway_rest_api', 'aws_apigatewayv2_api']);

/** A top-level attribute of a resource of this type the folder may read partly known. */
export const isDocument = (type: unknown, attr: string): boolean => DOCUMENT.test(attr) || (attr === 'body' && typeof type === 'string' && API_DOCUMENT_TYPES.has(type));

/**
 * Documents the secret scan reads (policies/lib/secrets.rego documents), at the top or in a
 * block: written with a value only apply knows, a plan shows none of their text, the folder
 * shows what the code writes (a password beside a database's address).
 */
export const SECRET_DOCUMENT = /^(container_definitions|user_data|user_data_base64|definition|(container|node|ecs|eks|connection)_properties|content|setting|custom_data|app_settings|connection_string|variables|environment_variables|env|invocation_http_parameters|oauth_http_parameters|custom_header|(default|non_overridable)_arguments)$/;

/**
 * Some resource change hides a value inside a document the secret scan reads (a function's
 * environment entry from a sensitive variable): the folder shows whether the code gives it (a
 * terraform.tfvars of the folder, a module argument), which a plan cannot tell (an audit: a
 * payment token committed in terraform.tfvars passed beside its plan).
 */
export function sensitiveDocuments(plan: Json): boolean {
  const marked = (v: unknown): boolean => v === true || (Array.isArray(v) ? v.some(marked) : isJson(v) ? Object.values(v).some(marked) : false);
  const within = (v: unknown): boolean => (Array.isArray(v) ? v.some(within) : isJson(v) ? Object.entries(v).some(([k, x]) => (SECRET_DOCUMENT.test(k) && marked(x)) || (!SECRET_DOCUMENT.test(k) && within(x))) : false);
  for (const c of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (isJson(c) && isJson(c.change) && within(c.change.after_sensitive)) return true;
  }
  return false;
}

/** Some resource of the configuration has provisioners: the folder shows what they write (a plan holds only their constants, no connection block). */
export function hasProvisioners(plan: Json): boolean {
  const walk = (m: unknown): boolean =>
    isJson(m) && ((Array.isArray(m.resources) && m.resources.some((r) => isJson(r) && Array.isArray(r.provisioners) && r.provisioners.length > 0)) || Object.values(isJson(m.module_calls) ? m.module_calls : {}).some((c) => isJson(c) && walk(c.module)));
  return isJson(plan.configuration) && walk(plan.configuration.root_module);
}

/** Some resource change leaves such a document unknown (only apply knows an ARN in it), or a document the secret scan reads. */
export function unknownDocuments(plan: Json): boolean {
  for (const c of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    const whole = (k: string): boolean => isDocument(isJson(c) ? c.type : undefined, k) || ADDRESS_LIST.test(k) || SECRET_DOCUMENT.test(k);
    const unknown = isJson(c) && isJson(c.change) && isJson(c.change.after_unknown) ? c.change.after_unknown : {};
    if (Object.entries(unknown).some(([k, v]) => (v === true && whole(k)) || (Array.isArray(v) && v.some((b) => isJson(b) && Object.entries(b).some(([bk, bv]) => bv === true && (ADDRESS_LIST.test(bk) || SECRET_DOCUMENT.test(bk)))))))
      return true;
  }
  return false;
}

/**
 * Address lists a plan leaves unknown as a whole when one element is (`cidr_blocks =
 * ["0.0.0.0/0", "${aws_eip.nat.public_ip}/32"]`): the folder knows the other elements (the
 * world open beside an Elastic IP passed in every plan; found by an audit).
 */
export const ADDRESS_LIST = /^(ipv6_)?cidr_blocks$|address_prefixes$|^ip_rules$/;

/**
 * Some module call passes an argument a plan shows neither a value nor a reference for: one
 * built from constants by a function (`secret_string = jsonencode({password = "…"})`, the
 * terraform-aws-secrets-manager example); the folder evaluates it (a credential in the code).
 */
export function argumentsBuiltFromConstants(plan: Json): boolean {
  const walk = (m: unknown, depth: number): boolean => {
    if (!isJson(m) || depth > 16 || !isJson(m.module_calls)) return false;
    for (const call of Object.values(m.module_calls)) {
      if (!isJson(call)) continue;
      if (isJson(call.expressions) && Object.values(call.expressions).some((e) => isJson(e) && !('constant_value' in e) && !(Array.isArray(e.references) && e.references.length > 0))) return true;
      if (walk(call.module, depth + 1)) return true;
    }
    return false;
  };
  return isJson(plan.configuration) && walk(plan.configuration.root_module, 0);
}

/**
 * Some resource writes a value the plan hides (sensitive) with an expression a plan shows
 * neither a value nor a reference for: one built in place from constants by a function
 * (`value = jsonencode({key = "…"})`, `password = join("", ["…"])`); the folder evaluates it.
 */
export function credentialsBuiltInPlace(plan: Json): boolean {
  // Attributes each resource's change hides, by module path (without instance keys) and address.
  const hidden = new Map<string, Set<string>>();
  for (const c of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (!isJson(c) || !isJson(c.change) || !isJson(c.change.after_sensitive) || typeof c.type !== 'string' || typeof c.name !== 'string') continue;
    const marked = Object.entries(c.change.after_sensitive).filter(([, v]) => v === true).map(([k]) => k);
    if (marked.length === 0) continue;
    const key = `${typeof c.module_address === 'string' ? stripIndexes(c.module_address) : ''} ${c.type}.${c.name}`;
    const set = hidden.get(key) ?? new Set<string>();
    for (const k of marked) set.add(k);
    hidden.set(key, set);
  }
  if (hidden.size === 0) return false;
  const walk = (m: unknown, path: string, depth: number): boolean => {
    if (!isJson(m) || depth > 16) return false;
    for (const r of Array.isArray(m.resources) ? m.resources : []) {
      if (!isJson(r) || !isJson(r.expressions) || typeof r.address !== 'string') continue;
      const attrs = hidden.get(`${path} ${r.address}`);
      if (attrs && [...attrs].some((a) => builtInPlace(r.expressions, a))) return true;
    }
    for (const [name, call] of Object.entries(isJson(m.module_calls) ? m.module_calls : {})) if (isJson(call) && walk(call.module, path ? `${path}.module.${name}` : `module.${name}`, depth + 1)) return true;
    return false;
  };
  return isJson(plan.configuration) && walk(plan.configuration.root_module, '', 0);
}

/**
 * What a reference names that the code itself knows: `file("${path.module}/pw.txt")` is built
 * from constants as `jsonencode({password = "…"})` is (the folder checked as HCL reads both).
 */
export const CODE_KNOWN = /^(path\.|terraform\.|count\.index$|each\.key$)/;

/**
 * The expression at `path` (dotted, through blocks) of a configuration's expressions is built
 * from constants by a function: present, with neither a value nor a reference (`{}`), or naming
 * only what the code knows (CODE_KNOWN).
 */
export function builtInPlace(exprs: unknown, path: string): boolean {
  const at = (node: unknown, segs: readonly string[], i: number): boolean => {
    if (Array.isArray(node)) return node.some((e) => at(e, segs, i));
    if (!isJson(node)) return false;
    if (Array.isArray(node.references)) return i === segs.length && node.references.length > 0 && node.references.every((r) => typeof r === 'string' && CODE_KNOWN.test(r));
    if ('constant_value' in node) return false;
    if (i === segs.length) return Object.keys(node).length === 0;
    return Object.hasOwn(node, segs[i]) && at(node[segs[i]], segs, i + 1);
  };
  return at(exprs, path.split('.'), 0);
}

/** An address or module path without its instance keys (`module.a["x"].b[0]` → `module.a.b`). */
export const stripIndexes = (s: string): string => (s.includes('[') ? s.replace(/\[[^\]]*\]/g, '') : s);

/** References that leave a value open in a plan: a local value, each.value, self. */
const OPEN = /^(local\.|each\.value|self\.)/;

/** Some resource expression of the plan's configuration refers to a local value (or each.value). */
export const refersToLocals = (plan: Json): boolean => someReference(plan, (r) => OPEN.test(r));

/**
 * A module named whole: how a plan names `module.pg[each.key].id`, a module instance picked by
 * a key known per instance (every instance, for the plan alone; the folder names the one).
 */
export const WHOLE_MODULE_REF = /^module\.[A-Za-z_][\w-]*$/;

/** Some resource expression of the plan's configuration names a module whole. */
export const picksModuleInstances = (plan: Json): boolean => someReference(plan, (r) => WHOLE_MODULE_REF.test(r));

/**
 * A string attribute the folder derives from terraform.workspace (known read as "default",
 * unknown where the workspace is) differs from the plan's known value: the plan was made in
 * another workspace.
 */
export function workspaceDiffers(plan: Json, asDefault: EvaluatedFolder, open: EvaluatedFolder): boolean {
  const openUnknown = new Map(open.resources.map((r) => [r.address, new Set(r.unknown)]));
  const byAddress = new Map(asDefault.resources.map((r) => [r.address, r]));
  for (const c of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (!isJson(c) || typeof c.address !== 'string' || !isJson(c.change) || !isJson(c.change.after)) continue;
    const r = byAddress.get(c.address);
    const derived = openUnknown.get(c.address);
    if (r === undefined || derived === undefined) continue;
    const unknown = isJson(c.change.after_unknown) ? c.change.after_unknown : {};
    for (const [k, v] of Object.entries(r.values)) {
      const planned = c.change.after[k];
      if (typeof v === 'string' && derived.has(k) && unknown[k] !== true && typeof planned === 'string' && planned !== v) return true;
    }
  }
  return false;
}

/** Some resource or module-call expression of the plan's configuration has a reference that `test` accepts. */
function someReference(plan: Json, test: (ref: string) => boolean): boolean {
  const walk = (e: unknown): boolean => {
    if (Array.isArray(e)) return e.some(walk);
    if (!isJson(e)) return false;
    if (Array.isArray(e.references)) return e.references.some((r) => typeof r === 'string' && test(r));
    if ('constant_value' in e) return false;
    return Object.values(e).some(walk);
  };
  const module = (m: unknown): boolean => {
    if (!isJson(m)) return false;
    for (const r of Array.isArray(m.resources) ? m.resources : []) if (isJson(r) && walk(r.expressions)) return true;
    for (const c of Object.values(isJson(m.module_calls) ? m.module_calls : {})) if (isJson(c) && (walk(c.expressions) || module(c.module))) return true;
    return false;
  };
  return module(isJson(plan.configuration) ? plan.configuration.root_module : undefined);
}

/**
 * Reads the plan's source folder where the plan needs it (a region or an attribute from a
 * local, a `dynamic` block, a module instance picked per instance): fills in what `source`
 * gives the plan. Nothing where the folder
 * cannot be evaluated as HCL here: what the plan leaves open then stays open, and is reported.
 */
export async function readSource(plan: Json, source: PlanSource): Promise<void> {
  const regions = new Set(unresolvedRegions(plan));
  const locals = refersToLocals(plan);
  const picked = picksModuleInstances(plan);
  const built = argumentsBuiltFromConstants(plan) || credentialsBuiltInPlace(plan) || sensitiveDocuments(plan) || hasProvisioners(plan);
  if (regions.size === 0 && !source.dynamic && !locals && !picked && !built && !unknownDocuments(plan)) return;
  const values: Json = {};
  for (const [name, v] of Object.entries(isJson(plan.variables) ? plan.variables : {})) if (isJson(v) && 'value' in v) values[name] = v.value;
  const varFile = `${source.root}/.leakguard-plan-variables.tfvars.json`;
  try {
    const evaluate = (workspace: string | null): Promise<EvaluatedFolder> =>
      evaluateFolder(source.root, { vars: [{ kind: 'file', value: varFile }], env: {}, overlay: new Map([[varFile, JSON.stringify(values)]]), workspace });
    // The plan does not say which workspace made it: the one selected in the folder (or by
    // TF_WORKSPACE), else "default" unless a value the plan knows says otherwise (a queue
    // named "orders-prod" where the folder reads "orders-default"); then it is unknown. Read as
    // "default" always, a queue policy open to everyone in prod had passed beside its plan.
    const selected = selectedWorkspace(source.root, process.env);
    let evaluated = await evaluate(selected ?? 'default');
    if (selected === undefined && evaluated.reads_workspace) {
      const open = await evaluate(null);
      if (workspaceDiffers(plan, evaluated, open)) evaluated = open;
    }
    source.regions = new Map();
    for (const p of evaluated.providers) if (regions.has(p.key) && typeof p.region === 'string') source.regions.set(p.key, p.region);
    source.unknown = new Map(evaluated.resources.map((r) => [r.address, r.unknown]));
    source.resources = new Map(evaluated.resources.map((r) => [r.address, r]));
    source.rootCode = evaluated.root_code_values ?? {};
    if (source.dynamic || locals || picked || built) {
      source.references = new Map(evaluated.resources.map((r) => [r.address, r.references]));
      source.links = linksOf(evaluated);
      source.literals = new Map(Object.entries(evaluated.code_literals ?? {}));
    }
  } catch {
    // Not evaluable as HCL here (a syntax this evaluator refuses, a variable it cannot take).
  }
}
