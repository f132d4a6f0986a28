import fc from 'fast-check';
import { project } from '../../src/evaluate/projection';
import { convert, FAIL } from '../../src/normalize/coerce';
import { hasMark, isJson, markedPaths, mergeMarks, redact, sensitivePaths } from '../../src/normalize/draft';
import { forgetScannedStrings, secretCandidates } from '../../src/normalize/secrets';
import type { PolicyInput, Resource } from '../../src/types/policy-input';

// The normalizer's fast paths (issue 12) checked against straightforward versions of the same
// functions, kept here as the reference: each must give the very same JSON, key order included.

const json = (v: unknown): string => JSON.stringify(v);

/** Marker trees as Terraform writes them (after_unknown, sensitive_values …), `__proto__` keys included. */
const marks: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    m: fc.oneof({ depthSize: 'small' }, fc.boolean(), fc.array(tie('m'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'tags', '__proto__'), tie('m'), { maxKeys: 3 })),
  }))
  .m.map((m) => JSON.parse(JSON.stringify(m)) as unknown);

const values: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'tags', '__proto__'), tie('v'), { maxKeys: 3 })),
  }))
  .v.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

// The reference versions: one array per level, deduplicated at every level.
function markedPathsRef(tree: unknown, prefix = ''): string[] {
  if (tree === true) return prefix ? [prefix] : [];
  const out: string[] = [];
  if (Array.isArray(tree)) for (const item of tree) out.push(...markedPathsRef(item, prefix));
  else if (isJson(tree)) for (const [k, v] of Object.entries(tree)) out.push(...markedPathsRef(v, prefix ? `${prefix}.${k}` : k));
  return [...new Set(out)];
}

function sensitivePathsRef(m: unknown, v: unknown, prefix = ''): string[] {
  if (m === true) return prefix && v !== null ? [prefix] : [];
  const out: string[] = [];
  if (Array.isArray(m)) m.forEach((x, i) => out.push(...sensitivePathsRef(x, Array.isArray(v) ? v[i] : undefined, prefix)));
  else if (isJson(m)) for (const [k, x] of Object.entries(m)) out.push(...sensitivePathsRef(x, isJson(v) ? v[k] : undefined, prefix ? `${prefix}.${k}` : k));
  return [...new Set(out)];
}

describe('marker trees', () => {
  it('markedPaths and sensitivePaths list the same paths, in the same order, as the per-level versions', () => {
    fc.assert(
      fc.property(marks, values, (m, v) => {
        expect(markedPaths(m)).toEqual(markedPathsRef(m));
        expect(sensitivePaths(m, v)).toEqual(sensitivePathsRef(m, v));
      }),
    );
  });

  it('without a mark in either tree, redacting changes nothing and nothing is sensitive (what draftsFrom skips)', () => {
    fc.assert(
      fc.property(values, marks, marks, (v, a, b) => {
        const merged = mergeMarks(a, b);
        if (!hasMark(a) && !hasMark(b)) {
          expect(redact(v, merged)).toBe(v);
          expect(sensitivePaths(merged, v)).toEqual([]);
        }
        // hasMark finds every mark markedPaths lists.
        if (markedPathsRef(a).length > 0) expect(hasMark(a)).toBe(true);
      }),
    );
  });
});

describe('map conversion (copy on write)', () => {
  // The reference: every map rebuilt by assignment (which drops an own `__proto__` key).
  const mapRef = (v: unknown, t: string): unknown => {
    if (v === null || v === undefined) return v;
    if (!isJson(v)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = convert(x, t, false);
      if (c === FAIL) return FAIL;
      out[k] = c;
    }
    return out;
  };
  const maps = fc
    .dictionary(fc.constantFrom('env', 'owner', '1', '0', 'constructor', '__proto__'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('true', '0', '1.5')), { maxKeys: 4 })
    .map((m) => JSON.parse(JSON.stringify(m)) as Record<string, unknown>);

  it('gives the JSON a rebuilt map gives, and the map itself where no element changes', () => {
    fc.assert(
      fc.property(maps, fc.constantFrom('string', 'number', 'bool'), (m, t) => {
        const before = json(m);
        const got = convert(m, ['map', t], false);
        const want = mapRef(m, t);
        expect(got === FAIL ? 'FAIL' : json(got)).toBe(want === FAIL ? 'FAIL' : json(want));
        if (got !== FAIL && !Object.prototype.hasOwnProperty.call(m, '__proto__') && Object.keys(m).every((k) => convert(m[k], t, false) === m[k])) expect(got).toBe(m);
        expect(json(m)).toBe(before);
      }),
    );
  });
});

describe('list conversion (copy on write)', () => {
  // The reference: every element converted into a new list, the list itself kept where none changed.
  const listRef = (v: unknown, t: string): unknown => {
    if (v === null || v === undefined) return v;
    if (!Array.isArray(v)) return FAIL;
    const out = v.map((x) => convert(x, t, false));
    return out.includes(FAIL) ? FAIL : out.every((x, i) => x === v[i]) ? v : out;
  };
  const lists = fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('true', '0', '1.5')), { maxLength: 5 });

  it('gives what converting every element gives, and the list itself where none changes', () => {
    fc.assert(
      fc.property(lists, fc.constantFrom('string', 'number', 'bool'), fc.constantFrom('list', 'set'), (l, t, kind) => {
        const got = convert(l, [kind, t], false);
        const want = listRef(l, t);
        expect(got === FAIL ? 'FAIL' : json(got)).toBe(want === FAIL ? 'FAIL' : json(want));
        if (want === l) expect(got).toBe(l);
      }),
    );
  });
});

describe('secret candidates (strings found clean are not scanned again)', () => {
  const strings = fc.constantFrom(
    'shop-data-0.s3.us-west-2.amazonaws.com',
    'arn:aws:iam::111122223333:role/shop-role-0',
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'postgres://admin:hunter2hunter2@db.internal:5432/orders',
    'Server=tcp:x.database.windows.net;Password=Sup3rS3cret!;',
    '{"password":"correct-horse-battery","user":"app"}',
    'IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPWh1bnRlcjJodW50ZXIyCg==',
    'export API_TOKEN=q8Zr3LmX2vT9wY1zC6nB3kD7',
    'Zx81kQp0Lm29VbT7yR4cW6nH3sJ5dF8g',
    '${aws_db_instance.db.password}',
    'plain description text',
    '(sensitive)',
  );
  const trees = fc
    .letrec((tie) => ({
      t: fc.oneof({ depthSize: 'small' }, strings, fc.array(tie('t'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('password', 'value', 'name', 'description', 'user_data', 'secret_key'), tie('t'), { maxKeys: 4 })),
    }))
    .t;

  it('finds the same candidates whatever was scanned before', () => {
    fc.assert(
      fc.property(trees, trees, (a, b) => {
        forgetScannedStrings();
        const cold = json(secretCandidates(a, b));
        forgetScannedStrings();
        const coldA = json(secretCandidates(a));
        // Everything in b (and a) seen before: repeats answer from the set of clean strings.
        secretCandidates(b, a);
        expect(json(secretCandidates(a, b))).toBe(cold);
        expect(json(secretCandidates(a))).toBe(coldA);
      }),
    );
  });
});

describe('projection', () => {
  // The reference: the straightforward projection.
  const projectRef = (input: PolicyInput, attributes: readonly string[]): PolicyInput => {
    const keep = new Set(attributes);
    const first = (path: string): boolean => keep.has(path.split('.', 1)[0]);
    const resources: Record<string, Resource> = {};
    for (const [key, r] of Object.entries(input.resources)) {
      const kept: Record<string, unknown> = {};
      for (const k of Object.keys(r.values)) if (keep.has(k)) kept[k] = r.values[k];
      resources[key] = { ...r, values: kept, unknown: r.unknown.filter(first), sensitive: r.sensitive.filter(first) };
    }
    return { ...input, resources };
  };
  const names = fc.constantFrom('acl', 'tags', 'policy', 'kms_key_id', 'rule', '');
  const path = fc.array(names, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
  const resource = fc.record({ values: fc.dictionary(names, fc.oneof(fc.string({ maxLength: 3 }), fc.integer())), unknown: fc.array(path, { maxLength: 3 }), sensitive: fc.array(path, { maxLength: 3 }) });

  it('cuts each resource as the straightforward projection does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), resource, { maxKeys: 4 }), fc.subarray(['acl', 'tags', 'policy', 'rule', '']), (rs, attributes) => {
        const input = { schema_version: '1', resources: Object.fromEntries(Object.entries(rs).map(([k, r]) => [k, { key: k, address: k, ...r }])) } as unknown as PolicyInput;
        expect(json(project(input, attributes))).toBe(json(projectRef(input, attributes)));
      }),
    );
  });
});
