import { Testing } from 'cdktf';
import fc from 'fast-check';
import { stackDocuments } from '../../src/cdktf/evaluate';
import { InputError } from '../../src/errors';
import { buildExampleApp } from '../../stacks/examples';

// Synthesized JSON handed to the Jest matchers as a string is parsed like every input file:
// a malformed one is one InputError with a line and column that never quotes the text (V8's
// own message does, and a synthesized stack can hold a password).
const SECRET = 'Sup3r-S3cret-Passw0rd';

test('malformed synthesized JSON: line and column, never the text around the error (generated breakages)', () => {
  const [aws] = buildExampleApp(Testing.app(), { leaky: true });
  const text = Testing.synth(aws).replace(/^\{/, `{"variable": {"db": {"default": "${SECRET}"}},`);
  expect(stackDocuments(text)).toHaveLength(1);
  const at = text.indexOf(SECRET);
  fc.assert(
    fc.property(fc.integer({ min: at - 30, max: at + SECRET.length + 30 }), fc.constantFrom('', '}', ']', ',', '"', 'x', ':', '\u0001'), fc.boolean(), (i, junk, truncate) => {
      const broken = truncate ? text.slice(0, i) + junk : text.slice(0, i) + junk + text.slice(i + 1);
      let parses = true;
      try {
        JSON.parse(broken);
      } catch {
        parses = false;
      }
      fc.pre(!parses);
      let thrown: unknown;
      try {
        stackDocuments(broken);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(InputError);
      const msg = (thrown as Error).message;
      expect(msg).toMatch(/^synthesized JSON: malformed JSON at line \d+ column \d+/);
      expect(msg).not.toContain(SECRET.slice(0, 6));
    }),
    { numRuns: 60 },
  );
});
