// parseJsonText takes what JSON.parse takes, except nesting deeper than MAX_JSON_DEPTH and
// lone surrogates; it reads both from the text where it can (a walk of the parsed tree cost
// more than the parse on large plans). Generated JSON, wrapped to depths around the limit,
// with strings full of quotes, backslashes, brackets and surrogates (paired, lone, raw and
// escaped), must be judged as a walk of the parsed value judges it.
import fc from 'fast-check';
import { MAX_JSON_DEPTH, parseJsonText } from '../../src/load/json-syntax';

/** The reference: containers nested at most MAX_JSON_DEPTH deep, no string or key with a lone surrogate. */
function acceptedByWalk(value: unknown, depth = 0): boolean {
  const lone = (s: string): boolean => /[\uD800-\uDFFF]/u.test(s);
  if (typeof value === 'string') return !lone(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  return Object.entries(value).every(([k, v]) => (Array.isArray(value) || !lone(k)) && acceptedByWalk(v, depth + 1));
}

const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', '\uD83D', '\uDE00', '\uD83D\uDE00', '\\u') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const leaf = fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null));
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(tricky, tie('value'), { maxKeys: 3 })),
})).value;

test('accepts exactly what a walk of the parsed value accepts (depth, lone surrogates)', () => {
  fc.assert(
    fc.property(tree, fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: MAX_JSON_DEPTH - 4, max: MAX_JSON_DEPTH + 1 })), fc.boolean(), fc.boolean(), (value, wrap, asObject, escape) => {
      let text = JSON.stringify(value);
      // Escaped surrogates (\ud83d) as well as raw ones: JSON.stringify escapes only lone ones.
      if (escape) text = text.replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
      for (let i = 0; i < wrap; i++) text = asObject ? `{"k":${text}}` : `[${text}]`;
      const parsed = JSON.parse(text) as unknown;
      const result = parseJsonText(text);
      expect('value' in result).toBe(acceptedByWalk(parsed));
    }),
    { numRuns: 400 },
  );
});
