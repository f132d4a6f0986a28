// OPA's WASM answers `x in S` by walking every element of S, where `S[x]` is one hash
// lookup. A rule that tests membership in an estate-wide set (every bucket name, every
// account, every region) once per resource therefore costs the product of two resource
// counts: 2,000 buckets checked against 2,000 names took 4× the time of 1,000 against 1,000.
// This keeps every membership test against a set rule a lookup.
//
// Likewise a set hashes its elements on insert, on growth and on each iteration step: a set
// rule collecting whole resources (`docs contains {"resource": r, …}`, `xs contains [r, v]`)
// hashed every attribute of every resource several times over (~40 % of evaluation at 20k).
// Rules collect resources for iteration in lists; only findings (deny) are sets.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { regoFiles } from '../../src/evaluate/manifest';
import { policyDir } from '../../src/evaluate/paths';
import { lex } from '../../src/evaluate/projection';

interface Source {
  file: string;
  pkg: string;
  code: string;
  imports: Map<string, string>;
}

function sources(): Source[] {
  return regoFiles(policyDir())
    .filter((f) => !f.endsWith('_test.rego'))
    .map((file) => {
      const { code } = lex(readFileSync(file, 'utf8'));
      const pkg = /^package\s+(\S+)/m.exec(code)?.[1] ?? '';
      const imports = new Map([...code.matchAll(/^import data\.(\S+)(?:\s+as\s+(\S+))?/gm)].map((m) => [m[2] ?? m[1].split('.').pop() ?? '', m[1]]));
      return { file: relative(policyDir(), file), pkg, code, imports };
    });
}

/** package → names of its set rules (`name contains …` or `name := {… | …}`). */
function setRules(all: Source[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of all) {
    const names = out.get(s.pkg) ?? new Set<string>();
    for (const m of s.code.matchAll(/^([a-z_][a-z0-9_]*)\s+contains\b/gm)) names.add(m[1]);
    for (const m of s.code.matchAll(/^([a-z_][a-z0-9_]*)\s*:=\s*\{[^:\n]*\|/gm)) names.add(m[1]);
    out.set(s.pkg, names);
  }
  return out;
}

/** `x in S` / `not x in S` tests (not `some x in S` iteration) whose S is a set rule. */
function scans(all: Source[]): string[] {
  const sets = setRules(all);
  const found: string[] = [];
  for (const s of all) {
    s.code.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\bin\s+([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\b(?!\s*[[(.])/g)) {
        if (/\b(some|every)\b/.test(line.slice(0, m.index))) continue;
        const [alias, name] = m[1].includes('.') ? m[1].split('.') : [null, m[1]];
        const pkg = alias === null ? s.pkg : s.imports.get(alias);
        if (pkg !== undefined && sets.get(pkg)?.has(name)) found.push(`${s.file}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  return found;
}

test('membership in a set rule is a lookup (S[x]), never a scan (x in S)', () => {
  expect(scans(sources())).toEqual([]);
});

test('the check finds a scan through an imported or a local set rule, and lets iteration and lookups pass', () => {
  const lib: Source = { file: 'lib.rego', pkg: 'leakguard.lib.x', code: 'names contains n if { n := "a" }\nids := {i | some i in [1]}\n', imports: new Map() };
  const rule = (code: string): Source => ({ file: 'rule.rego', pkg: 'leakguard.rules.y', code: `local contains 1\n${code}`, imports: new Map([['x', 'leakguard.lib.x']]) });
  expect(scans([lib, rule('p(r) if r.name in x.names')])).toEqual(['rule.rego:2: p(r) if r.name in x.names']);
  expect(scans([lib, rule('\tnot r.id in x.ids')])).toHaveLength(1);
  expect(scans([lib, rule('q if 1 in local')])).toHaveLength(1);
  expect(scans([lib, rule('\tsome n in x.names'), rule('p(r) if x.names[r.name]'), rule('p(r) if r.name in {"a", "b"}')])).toEqual([]);
});

/** Multi-value rules (`name contains head if …`), deny excepted, whose head holds a resource bound in their body. */
function resourceSets(all: Source[]): string[] {
  const found: string[] = [];
  for (const s of all) {
    const lines = s.code.split('\n');
    lines.forEach((line, i) => {
      const m = /^([a-z_][a-z0-9_]*)(?:\[[^\]]*\])?\s+contains\s+(.*?)\s+if\b(.*)$/.exec(line);
      if (!m || m[1] === 'deny') return;
      // The body: the rest of a one-line rule, or the lines up to the closing brace.
      let body = m[3];
      if (body.trim() === '{') for (let j = i + 1; j < lines.length && !lines[j].startsWith('}'); j++) body += `\n${lines[j]}`;
      const resources = [...body.matchAll(/\bsome\s+([a-z_][a-z0-9_]*)\s+in\s+(?:resources\.)?(?:of_type|data_of_type|linked_from|linked_to|linked_to_type|referrers)\(|\bsome\s+(?:[a-z_][a-z0-9_]*\s*,\s*)?([a-z_][a-z0-9_]*)\s+in\s+input\.resources\b/g)].map((v) => v[1] ?? v[2]);
      // A bare resource variable in the head (not `r.key`, `r.values`, nor a call's argument
      // such as `region_of(r)`): the whole resource is an element.
      const head = m[2].replace(/[\w.]+\([^()]*\)/g, '_');
      if (resources.some((v) => new RegExp(`(^|[\\[{,:\\s])${v}(?![.\\w\\[])`).test(head))) found.push(`${s.file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

test('no set rule collects whole resources (lists do; deny sets hold findings)', () => {
  expect(resourceSets(sources())).toEqual([]);
});

test('the check finds whole resources in set heads, one-line and block rules alike, and lets keys and lists pass', () => {
  const src = (code: string): Source => ({ file: 'r.rego', pkg: 'leakguard.rules.y', code, imports: new Map() });
  expect(resourceSets([src('docs contains {"resource": r, "doc": 1} if {\n\tsome r in resources.of_type("t")\n}')])).toEqual(['r.rego:1: docs contains {"resource": r, "doc": 1} if {']);
  expect(resourceSets([src('xs contains [r, r.values] if some r in resources.of_type("t")')])).toHaveLength(1);
  expect(resourceSets([src('xs contains r if {\n\tsome k, r in input.resources\n}')])).toHaveLength(1);
  expect(resourceSets([src('keys contains r.key if some r in resources.of_type("t")'), src('regions contains resources.region_of(r) if some r in resources.of_type("t")'), src('deny contains finding.new(c, r, m) if some r in resources.of_type("t")'), src('xs := [r | some r in resources.of_type("t")]')])).toEqual([]);
});
