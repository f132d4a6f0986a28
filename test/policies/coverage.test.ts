// The "not covered by any rule" count is only as honest as the derived list of types the rules
// read (scripts/coverage.ts). Every type any policy source asks for by name, in a rule or in a
// helper of any lib package a rule calls, must be in it: a type read only through a lib other than
// resources.rego (stores.rego's backup selections, DLM policies) was counted as uncovered.
import fc from 'fast-check';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveCoverage } from '../../scripts/coverage';

const POLICIES = join(__dirname, '..', '..', 'policies');

function regoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? regoFiles(p) : f.endsWith('.rego') && !f.endsWith('_test.rego') ? [p] : [];
  });
}

// The managed resource types the rules read attributes of (the generated attribute-type map).
const typed = Object.keys((JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'normalize', 'attribute-types.json'), 'utf8')) as { types: Record<string, unknown> }).types).filter((t) => !t.startsWith('data.'));

test('every resource type a policy source names outside comments is covered', () => {
  const covered = new Set(deriveCoverage(POLICIES).types);
  const named = new Set<string>();
  for (const f of regoFiles(POLICIES).filter((f) => !/[\\/](config|coverage)\.rego$/.test(f))) {
    const code = readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
    for (const m of code.matchAll(/"((?:aws|azurerm|azapi)_[a-z0-9_]+)"/g)) named.add(m[1]);
  }
  const types = [...named].filter((t) => typed.includes(t));
  expect(types.length).toBeGreaterThan(150);
  expect(types.filter((t) => !covered.has(t)).sort()).toEqual([]);
});

test('setting names are not types', () => {
  expect(deriveCoverage(POLICIES).types.filter((t) => t.endsWith('_types'))).toEqual([]);
});

// A type named only in a comment (a METADATA example, a note) is not one a rule reads: counted,
// it was left out of "not covered by any rule" (aws_api_gateway_request_validator and
// azurerm_user_assigned_identity were, through their rules' examples). Generated: a made-up
// type placed in a comment of any kind in any rule is not covered; placed in code beside a
// string or raw string holding `#`, it is.
describe('types named only in comments', () => {
  const copy = mkdtempSync(join(tmpdir(), 'leakguard-coverage-'));
  cpSync(POLICIES, copy, { recursive: true });
  const rules = regoFiles(join(copy, 'rules')).filter((f) => f.endsWith('rule.rego'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  const typeName = fc.stringMatching(/^[a-z][a-z0-9_]{2,12}$/).map((s) => `aws_zzq_${s}`);
  const placed = (file: string, edit: (lines: string[]) => string[], check: () => void): void => {
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, edit(before.split('\n')).join('\n'));
      check();
    } finally {
      writeFileSync(file, before);
    }
  };
  const codeLine = (lines: string[], i: number): number => {
    const code = lines.map((l, j) => [l, j] as const).filter(([l]) => /^\S/.test(l) && !l.startsWith('#') && !l.startsWith('package') && !l.startsWith('import'));
    return code[i % code.length][1];
  };

  test('in a comment it is not covered', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), typeName, fc.constantFrom('own line', 'after code', 'example', 'after a string with #'), (r, at, type, where) => {
        const file = rules[r % rules.length];
        placed(
          file,
          (lines) => {
            const i = codeLine(lines, at);
            if (where === 'own line') return [...lines.slice(0, i), `# reads "${type}" one day`, ...lines.slice(i)];
            if (where === 'example') return [`# METADATA`, `# title: probe`, `# description: |`, `#   resource "${type}" "x" {}`, ...lines.slice(lines[0] === '# METADATA' ? 1 : 0)];
            if (where === 'after code') return lines.map((l, j) => (j === i ? `${l} # "${type}"` : l));
            return [...lines, `probe_hash := ["#", \`a#b\`] # "${type}"`];
          },
          () => expect(deriveCoverage(copy).types).not.toContain(type),
        );
      }),
      { numRuns: 40 },
    );
  });

  test('in code, beside strings holding #, it is covered', () => {
    fc.assert(
      fc.property(fc.nat(), typeName, fc.constantFrom('"#"', '`#`', '"a \\" # b"'), (r, type, before) => {
        const file = rules[r % rules.length];
        placed(
          file,
          (lines) => [...lines, `probe_types := [${before}, "${type}"]`],
          () => expect(deriveCoverage(copy).types).toContain(type),
        );
      }),
      { numRuns: 25 },
    );
  });
});
