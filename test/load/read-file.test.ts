// readText decodes a file as a strict UTF-8 decoder does, and refuses what it refuses with
// the byte and line, never a replacement character. Generated over bytes of every kind.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText } from '../../src/load/read-file';

const dir = mkdtempSync(join(tmpdir(), 'leakguard-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a strict decoder makes of the bytes, or null where it refuses them. */
const strict = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

const bytes = fc.oneof(
  // ASCII, control characters included.
  fc.uint8Array({ max: 0x7f, minLength: 1, maxLength: 200 }),
  // Text of any characters, with or without a byte order mark.
  fc.tuple(fc.boolean(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 })).map(([bom, s]) => new Uint8Array(Buffer.from(`${bom ? '\ufeff' : ''}${s}`))),
  // Anything: truncated and overlong sequences, lone continuation bytes, surrogates encoded.
  fc.uint8Array({ minLength: 1, maxLength: 200 }),
  // ASCII with one byte of anything at any place.
  fc.tuple(fc.uint8Array({ max: 0x7f, minLength: 1, maxLength: 100 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([b, at, x]) => {
    const copy = Uint8Array.from(b);
    copy[at % copy.length] = x;
    return copy;
  }),
);

test('generated files: the text a strict UTF-8 decoder reads, or a refusal naming the byte', () => {
  let n = 0;
  fc.assert(
    fc.property(bytes, (b) => {
      const file = join(dir, `f${n++}.json`);
      writeFileSync(file, b);
      const expected = strict(b);
      if (expected === null) expect(() => readText(file)).toThrow(/not valid UTF-8 \(byte \d+, line \d+\)/);
      else if (expected.trim() === '') expect(() => readText(file)).toThrow('file is empty');
      else expect(readText(file)).toBe(expected);
    }),
    { numRuns: 400 },
  );
});
