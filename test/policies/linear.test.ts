// OPA's WASM answers `x in S` by walking every element of S, where `S[x]` is one hash
// lookup. A rule that tests membership in an estate-wide set (every bucket name, every
// account, every region) once per resource therefore costs the product of two resource
// counts: 2,000 buckets checked against 2,000 names took 4× the time of 1,000 against 1,000.
// This keeps every membership test against a set rule a lookup.
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
