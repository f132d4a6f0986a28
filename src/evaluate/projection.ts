import type { PolicyInput, Resource } from '../types/policy-input';

// The policy reads a few attributes of each resource; a plan carries every attribute the
// provider knows. Sending only what the Rego can name shrinks the JSON that crosses into
// WASM, OPA's parse of it and the memory it occupies there, without changing a finding
// (test/evaluate/parallel.test.ts compares decisions with and without it).

// Reads that depend on every attribute: iterating a values object's keys (`some k, v in
// r.values`, `r.values[_]`), walking it, or serializing it.
const WHOLE_VALUES = /\bsome\s+\w+\s*,\s*\w+\s+in\s+[\w.[\]]*\.values\b(?![.[\w])|\.values\[\s*_\s*\]|\bwalk\(|json\.marshal\([\w.[\]]*\.values\s*\)/;

/**
 * Every top-level attribute name the Rego sources can reach in a resource's `values`: each
 * segment of every string literal (attribute paths are written as "a.b.c") and every
 * `.values.<name>` reference. Over-approximates on purpose: a word that is not an attribute
 * only keeps more. Returns null when a source reads a values object whole (WHOLE_VALUES): then
 * no attribute can be left out.
 */
export function readAttributes(sources: string[]): string[] | null {
  const names = new Set<string>();
  for (const src of sources) {
    const { code, strings } = lex(src);
    if (WHOLE_VALUES.test(code)) return null;
    for (const s of strings) for (const seg of s.split('.')) if (seg) names.add(seg);
    for (const m of code.matchAll(/\.values\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

/**
 * The attribute paths a rule's source names ("server_side_encryption.kms_key_arn"): its
 * string literals shaped as dotted attribute names (resource type names left out) and its
 * `.values.<path>` references. Over-
 * approximates (a word that is no attribute matches no path of a resource); what a finding's
 * message is told is unknown before apply (judge: unknownNote).
 */
export function attributePaths(src: string): string[] {
  const { code, strings } = lex(src);
  const paths = strings.filter((s) => /^[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*$/.test(s) && !/^(?:aws|azurerm|azapi|azuread)_/.test(s));
  for (const m of code.matchAll(/\.values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) paths.push(m[1].slice(1));
  return [...new Set(paths)].sort();
}

/** The one Rego file that reads resources' secret candidates, where the rules look (secret_paths). */
export const SECRETS_LIB = 'lib/secrets.rego';

// A read of the candidates (`r.secrets`, `object.get(r, "secrets", …)`) or of their holders'
// index, once package names and data paths (`data.leakguard.lib.secrets`, a rule package
// `….secrets.in_code`) are out of the code.
const SECRETS_FIELD = /\.secrets\b|\bwith_secrets\b/;
const NOT_FIELDS = /^\s*(?:package|import)\b.*$|\bdata(?:\.\w+)+/gm;
const SECRETS_NAME = new Set(['secrets', 'with_secrets']);

/**
 * Whether Rego other than SECRETS_LIB reads the resources' secret candidates: then the
 * build records no secret_paths and every attribute is scanned. `files`: policies/-relative
 * path → source.
 */
export function readsSecretsElsewhere(files: Record<string, string>): boolean {
  for (const [path, src] of Object.entries(files)) {
    if (path === SECRETS_LIB) continue;
    const { code, strings } = lex(src);
    if (SECRETS_FIELD.test(code.replace(NOT_FIELDS, '')) || namesSecretsField(code, strings)) return true;
  }
  return false;
}

/**
 * A string literal "secrets" (or "with_secrets") that may name the field (`object.get(r,
 * "secrets", …)`, `r["secrets"]`): any but a value compared or looked for (`"secrets" in
 * encryption_config.resources`, EKS's; `x == "secrets"`), which had turned the cut off.
 */
function namesSecretsField(code: string, strings: string[]): boolean {
  let at = -1;
  for (const s of strings) {
    at = code.indexOf('""', at + 1);
    if (!SECRETS_NAME.has(s)) continue;
    const before = code.slice(0, at);
    const after = code.slice(at + 2);
    if (/^\s*(?:in\b|==|!=)/.test(after) || /(?:==|!=)\s*$/.test(before)) continue;
    return true;
  }
  return false;
}

/** Rego text without comments, and the contents of its string literals ("…" and `…`). */
export function lex(src: string): { code: string; strings: string[] } {
  let code = '';
  const strings: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      code += '\n';
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c) {
        if (c === '"' && src[j] === '\\') text += src[j++];
        text += src[j++];
      }
      strings.push(c === '"' ? unescape(text) : text);
      code += '""';
      i = j;
    } else code += c;
  }
  return { code, strings };
}

function unescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

/** The input with each resource's values (and unknown/sensitive paths) cut to the attributes. */
export function project(input: PolicyInput, attributes: readonly string[] | null): PolicyInput {
  if (!attributes) return input;
  const cut = projector(attributes);
  const resources: Record<string, Resource> = {};
  for (const key of Object.keys(input.resources)) resources[key] = cut(input.resources[key]);
  return { ...input, resources };
}

/** One resource cut to the attributes (null: as it is). */
export function projector(attributes: readonly string[] | null): (r: Resource) => Resource {
  if (!attributes) return (r) => r;
  const keep = new Set(attributes);
  const first = (path: string): boolean => {
    const dot = path.indexOf('.');
    return keep.has(dot < 0 ? path : path.slice(0, dot));
  };
  return (r) => {
    const values: Record<string, unknown> = {};
    for (const k of Object.keys(r.values)) if (keep.has(k)) values[k] = r.values[k];
    return { ...r, values, unknown: r.unknown.length > 0 ? r.unknown.filter(first) : [], sensitive: r.sensitive.length > 0 ? r.sensitive.filter(first) : [] };
  };
}
