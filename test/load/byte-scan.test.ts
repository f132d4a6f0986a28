// A large file's depth and surrogate scan runs on its bytes in a worker while the text is
// parsed (byte-scan.ts). Its CLEAN answer spares the text scan, so it must never be given
// where the text scan would refuse: generated JSON (depths around the limit, quotes,
// backslashes, brackets, surrogates raw and escaped, multi-byte characters) gets the same
// result with the byte scan's answer as without it; and the answer is CLEAN for ordinary
// text, or the worker would save nothing.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteScan, CLEAN, scanBytes } from '../../src/load/byte-scan';
import { MAX_JSON_DEPTH, parseJsonText } from '../../src/load/json-syntax';
import { LARGE_TEXT, readJson } from '../../src/load/read-file';
import { InputError } from '../../src/errors';
import { tempDir } from '../helpers/cli';

const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', 'é', '\uD83D', '\uDE00', '\uD83D\uDE00', '\\u', 'u', 'd8', 'D', 'ud800') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const leaf = fc.oneof(tricky, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(tricky, tie('value'), { maxKeys: 3 })),
})).value;

/** JSON text of a generated value: surrogates escaped or raw, wrapped to a depth around the limit, spaced or not. */
const texts = fc
  .tuple(tree, fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: MAX_JSON_DEPTH - 3, max: MAX_JSON_DEPTH + 2 })), fc.boolean(), fc.constantFrom('none', 'surrogates', 'all-non-ascii'), fc.boolean())
  .map(([value, wrap, asObject, escape, spaced]) => {
    let text = JSON.stringify(value, null, spaced ? 1 : undefined);
    if (escape === 'surrogates') text = text.replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    // Inside strings only a character outside ASCII can be: escaping every one keeps the value.
    if (escape === 'all-non-ascii') text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
    for (let i = 0; i < wrap; i++) text = asObject ? `{"k":${text}}` : `[${text}]`;
    return text;
  })
  // A raw lone surrogate has no UTF-8 form: a file cannot hold it (the strict decoder refuses the bytes).
  .filter((text) => (text as string & { isWellFormed(): boolean }).isWellFormed());

const verdict = (text: string): boolean => {
  const bytes = Buffer.from(text, 'utf8');
  return scanBytes(bytes, bytes.length, MAX_JSON_DEPTH) === CLEAN;
};

test('the byte scan never spares the text scan where it would refuse (generated JSON)', () => {
  let clean = 0;
  let check = 0;
  fc.assert(
    fc.property(texts, (text) => {
      const scanned = verdict(text);
      if (scanned) clean++;
      else check++;
      expect(parseJsonText(text, () => scanned)).toEqual(parseJsonText(text));
    }),
    { numRuns: 1500 },
  );
  // Both answers were given: the comparison covered each.
  expect(clean).toBeGreaterThan(100);
  expect(check).toBeGreaterThan(100);
});

test('the byte scan answers CLEAN for text without escaped surrogates within the depth limit (it saves the scan)', () => {
  fc.assert(
    fc.property(texts, (text) => {
      fc.pre(!/\\u[dD][89a-fA-F]/.test(text.replace(/\\\\/g, '')));
      const deep = !('value' in parseJsonText(text.replace(/[\uD800-\uDFFF]/g, 'x')));
      expect(verdict(text)).toBe(!deep);
    }),
    { numRuns: 800 },
  );
});

test('a worker gives the same answer as the scan in this thread, and a worker that cannot answer leaves the scan here', () => {
  fc.assert(
    fc.property(texts, (text) => {
      const bytes = Buffer.from(text, 'utf8');
      const own = new ArrayBuffer(bytes.length);
      new Uint8Array(own).set(bytes);
      const scan = new ByteScan();
      scan.start();
      scan.post(own, bytes.length);
      // Handed over: this side's view is gone.
      expect(own.byteLength).toBe(0);
      expect(scan.clean(10_000)).toBe(verdict(text));
    }),
    { numRuns: 25 },
  );
  // Never started (or failed): nothing posted, no answer, so not CLEAN.
  const silent = new ByteScan();
  silent.post(new ArrayBuffer(2), 2);
  expect(silent.posted).toBe(false);
  expect(silent.clean(5)).toBe(false);
  // An answer later than the wait: not CLEAN (the caller scans), whatever the worker finds.
  const late = new ByteScan();
  late.start();
  late.post(new ArrayBuffer(2), 2);
  expect(late.clean(0)).toBe(false);
});

describe('a large file read with the byte scan', () => {
  const dir = tempDir('leakguard-byte-scan-');
  // Above LARGE_TEXT: read into shared memory and scanned by the worker.
  const big = (inner: string): string => {
    const file = join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
    const pad = 'x'.repeat(1024);
    const items = Array.from({ length: Math.ceil(LARGE_TEXT / 1030) + 1 }, (_, i) => `{"i":${i},"s":"${pad}"}`);
    writeFileSync(file, `{"items":[${items.join(',')}],"tail":${inner}}`);
    return file;
  };
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return (err as Error).message;
    }
    return 'no error';
  };

  it('parses as JSON.parse does', () => {
    const file = big('{"a":"é☃😀","b":[1,2,3]}');
    const value = readJson(file) as { tail: unknown; items: unknown[] };
    expect(value.tail).toEqual({ a: 'é☃😀', b: [1, 2, 3] });
    expect(value.items.length).toBeGreaterThan(8000);
  });

  it('refuses nesting deeper than the limit, and a lone surrogate escape, with the messages of the text scan', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH)}1${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(message(() => readJson(big(deep)))).toMatch(new RegExp(`malformed JSON at line 1 column \\d+: nested deeper than ${MAX_JSON_DEPTH} levels`));
    expect(message(() => readJson(big('"a\\ud800b"')))).toMatch(/malformed JSON at line 1 column \d+: lone surrogate \\u escape in a string/);
    // Paired escapes and raw astral characters are accepted.
    expect((readJson(big('"\\ud83d\\ude00 😀"')) as { tail: string }).tail).toBe('😀 😀');
    expect((readJson(big(`${'['.repeat(MAX_JSON_DEPTH - 2)}1${']'.repeat(MAX_JSON_DEPTH - 2)}`)) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });
});
