// Which resource types the rules read, derived from the rule sources (never kept by hand):
// the type names a rule writes, those of the lib helpers it calls (transitively), and the
// policy settings it reads that list types (`*_types`, whose configured values count at run
// time). Written to policies/lib/coverage.rego by gen-docs; the decision counts every managed
// resource of another type as "not covered by any rule".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TYPE = /"((?:aws|azurerm|azapi)_[a-z0-9_]+)"/g;
const LIB_REF = /\b([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)/g;
const SETTING_REF = /\bsettings\.([a-z_][a-z0-9_]*_types)\b/g;
const TOP_LEVEL = /^([a-z_][a-z0-9_]*)\b/;

export interface Coverage {
  types: string[];
  typeSettings: string[];
}

const matches = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => m[1]);

/** Top-level definitions of a Rego file, name → their text (all bodies of a multi-body rule). */
function definitions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const m = TOP_LEVEL.exec(line);
    if (m && !['package', 'import', 'default'].includes(m[1])) current = m[1];
    else if (m) current = undefined;
    if (current) out.set(current, `${out.get(current) ?? ''}${line}\n`);
  }
  return out;
}

/** The lib packages' helpers a text calls, `pkg.name` (`resources.of_type`, `stores.selections`). */
const libRefs = (text: string, known: Map<string, unknown>): string[] =>
  [...text.matchAll(LIB_REF)].map((m) => `${m[1]}.${m[2]}`).filter((ref) => known.has(ref));

/**
 * Types each lib helper (`pkg.name`, every policies/lib file) reaches, through the helpers it
 * calls in its own package (by name) and in the others (`pkg.name`). config.rego is left out:
 * the types its settings list count at run time (typeSettings), not its key names.
 */
function libTypes(libDir: string): Map<string, Set<string>> {
  const defs = new Map<string, string>();
  const pkgOf = new Map<string, string>();
  for (const f of readdirSync(libDir).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego') && !['coverage.rego', 'config.rego'].includes(f))) {
    const text = code(readFileSync(join(libDir, f), 'utf8'));
    const pkg = /^package leakguard\.lib\.([a-z_][a-z0-9_]*)/m.exec(text)?.[1];
    if (!pkg) continue;
    for (const [name, body] of definitions(text)) {
      defs.set(`${pkg}.${name}`, body);
      pkgOf.set(`${pkg}.${name}`, pkg);
    }
  }
  const direct = new Map([...defs].map(([ref, body]) => [ref, new Set(matches(TYPE, body))]));
  const calls = new Map(
    [...defs].map(([ref, body]) => {
      const pkg = pkgOf.get(ref)!;
      const own = [...defs.keys()].filter((other) => other !== ref && pkgOf.get(other) === pkg && new RegExp(`(^|[^.\\w])${other.slice(pkg.length + 1)}\\b`, 'm').test(body));
      return [ref, [...own, ...libRefs(body, defs)]];
    }),
  );
  const reach = (ref: string, seen: Set<string>): Set<string> => {
    if (seen.has(ref)) return new Set();
    seen.add(ref);
    const out = new Set(direct.get(ref));
    for (const c of calls.get(ref) ?? []) for (const t of reach(c, seen)) out.add(t);
    return out;
  };
  return new Map([...defs.keys()].map((ref) => [ref, reach(ref, new Set())]));
}

/** Rego source without its comments (a `#` outside a string or raw string starts one: Rego has no `#` operator). */
export const code = (text: string): string => text.replace(/^((?:[^"`#\n]|"(?:[^"\\\n]|\\.)*"|`[^`\n]*`)*)#.*$/gm, '$1');

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? ruleFiles(p) : f === 'rule.rego' ? [p] : [];
  });
}

export function deriveCoverage(policies: string): Coverage {
  const lib = libTypes(join(policies, 'lib'));
  const types = new Set<string>();
  const typeSettings = new Set<string>();
  for (const file of ruleFiles(join(policies, 'rules'))) {
    // Code only: a type named in METADATA (an example) or a comment is not a type the rule reads.
    const text = code(readFileSync(file, 'utf8'));
    for (const t of matches(TYPE, text)) types.add(t);
    for (const ref of libRefs(text, lib)) for (const t of lib.get(ref) ?? []) types.add(t);
    for (const key of matches(SETTING_REF, text)) typeSettings.add(key);
  }
  return { types: [...types].sort(), typeSettings: [...typeSettings].sort() };
}

/** policies/lib/coverage.rego, formatted as `opa fmt` leaves it. */
export function renderCoverage(c: Coverage): string {
  const list = (xs: string[]) => `{\n${xs.map((x) => `\t${JSON.stringify(x)},`).join('\n')}\n}`;
  return [
    '# METADATA',
    '# title: Resource types the rules read',
    '# description: |',
    '#   Generated from the rule sources by scripts/gen-docs.ts (scripts/coverage.ts); do not',
    '#   edit. A managed resource of any other type is not covered by any rule.',
    'package leakguard.lib.coverage',
    '',
    'import rego.v1',
    '',
    '# Types some rule reads: named in the rule or in a lib helper it calls.',
    `types := ${list(c.types)}`,
    '',
    '# Policy settings listing further types a rule reads (their configured values count).',
    `type_settings := ${list(c.typeSettings)}`,
    '',
  ].join('\n');
}
