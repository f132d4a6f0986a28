// The loader decides from SECRET_DOCUMENT whether a plan hides or leaves unknown a document
// the secret scan reads, and so whether to read the folder beside it; the policy decides which
// documents the scan reads (policies/lib/secrets.rego documents, in the build manifest). A
// document added to the policy but not to the loader was read in HCL and never beside a plan
// that hid it (a Glue connection's properties: an audit). Every document names a key the
// loader knows, and the loader knows no key the policy does not read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyManifest } from '../../src/evaluate/manifest';
import { SECRET_DOCUMENT } from '../../src/load/plan-source';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'build', 'policy', 'manifest.json'), 'utf8')) as PolicyManifest;
const paths = manifest.secret_paths!;
/** Document paths: what the scan reads by type, less the credentials and what it reads everywhere. */
const documents = Object.entries(paths.by_type).flatMap(([type, ps]) =>
  ps.filter((p) => !(paths.credentials?.[type] ?? []).includes(p) && !paths.everywhere.includes(p)).map((p) => ({ type, path: p })),
);
/** A document whose values sit one key below its own name (a function's environment { variables = … }). */
const VALUES_BELOW: Record<string, string> = { environment: 'variables' };

test('every document the secret scan reads is one the loader looks for in a plan', () => {
  expect(documents.length).toBeGreaterThan(20);
  const leaf = (p: string): string => p.slice(p.lastIndexOf('.') + 1);
  const unknownToLoader = documents.filter(({ path }) => !SECRET_DOCUMENT.test(VALUES_BELOW[leaf(path)] ?? leaf(path))).map(({ type, path }) => `${type}.${path}`);
  expect(unknownToLoader).toEqual([]);
});

test('the loader looks for no document key the secret scan does not read', () => {
  const keys = SECRET_DOCUMENT.source.replace(/^\^\(|\)\$$/g, '');
  // Every alternative of the pattern, expanded from its groups: (a|b)_x → a_x, b_x.
  const expand = (alt: string): string[] => {
    const m = /^\(([^()]+)\)(.*)$/.exec(alt);
    return m ? m[1].split('|').map((a) => a + m[2]) : [alt];
  };
  const alternatives: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of keys) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alternatives.push(cur);
      cur = '';
    } else cur += ch;
  }
  alternatives.push(cur);
  const names = alternatives.flatMap(expand);
  const read = new Set(documents.flatMap(({ path }) => path.split('.')).concat(Object.values(VALUES_BELOW)));
  expect(names.filter((n) => !read.has(n))).toEqual([]);
});
