/**
 * JSON parsing that says where a problem is without quoting the text (V8's messages quote
 * the text around an error: a malformed plan printed an RDS password), and that refuses
 * what the rest of the tool cannot take: nesting deep enough to overflow its recursive
 * walks, and lone surrogates (decoders differ on them: U+FFFD or an error).
 */
export const MAX_JSON_DEPTH = 512;
// In unicode mode a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export interface JsonProblem {
  pos: number;
  what: string;
}

const enum S {
  Value, // a value must come next
  ValueOrClose, // just after `[`
  Key, // after `,` in an object
  KeyOrClose, // just after `{`
  Colon,
  After, // after a value: `,`, a closing bracket, or the end
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A run of plain string characters, skipped in one regex step (a char loop is ~3× slower).
const PLAIN = /[^"\\\x00-\x1f]*/y;
const SPACES = /[ \t\n\r]*/y;
// After a backslash: " \ / b f n r t
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/**
 * The parsed value, or the first problem with its offset. Native JSON.parse first: the checker
 * only locates. `scanned`: true when a scan of the text's bytes (byte-scan.ts) found it
 * acceptable, which spares this thread the text scan.
 */
export function parseJsonText(text: string, scanned?: () => boolean): { value: unknown } | { problem: JsonProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: checkJson(text) ?? { pos: 0, what: 'not valid JSON' } };
  }
  if (scanned?.()) return { value };
  if (!acceptableText(text, value)) return { problem: checkJson(text) ?? { pos: 0, what: 'not valid JSON' } };
  return { value };
}

// Any surrogate, raw or escaped: where there is none, no string can hold a lone one.
const ANY_SURROGATE = /[\uD800-\uDFFF]|\\u[dD][89a-fA-F]/;

/**
 * acceptable() for text JSON.parse took, read from the text: on a plan of tens of MB, walking
 * the parsed tree cost more than the parse. Text with a surrogate takes the walk.
 */
function acceptableText(text: string, value: unknown): boolean {
  if (ANY_SURROGATE.test(text)) return acceptable(value);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}

/** The closing quote of the string opening at `open` in well-formed JSON: the first one not escaped. */
function stringEnd(text: string, open: number): number {
  for (let j = text.indexOf('"', open + 1); ; j = text.indexOf('"', j + 1)) {
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return j;
  }
}

/** No deeper than MAX_JSON_DEPTH and no lone surrogate in any string; iterative, so depth cannot overflow it. */
function acceptable(root: unknown): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return false;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_JSON_DEPTH) return false;
      if (Array.isArray(v)) {
        for (const x of v) if (typeof x === 'object' || typeof x === 'string') stack.push([x, depth + 1]);
      } else {
        for (const [k, x] of Object.entries(v)) {
          if (LONE_SURROGATE.test(k)) return false;
          if (typeof x === 'object' || typeof x === 'string') stack.push([x, depth + 1]);
        }
      }
    }
  }
  return true;
}

/** The first syntax problem of `text`, or null when it is one well-formed JSON value no deeper than MAX_JSON_DEPTH. */
export function checkJson(text: string): JsonProblem | null {
  const stack: number[] = []; // 0x7b `{` or 0x5b `[`
  let state = S.Value;
  let i = 0;
  const n = text.length;
  const closeContainer = (c: number): JsonProblem | null => {
    const open = stack.pop();
    if ((c === 0x7d && open !== 0x7b) || (c === 0x5d && open !== 0x5b)) return { pos: i, what: 'closing bracket does not match its opening one' };
    state = S.After;
    i++;
    return null;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      SPACES.lastIndex = i;
      SPACES.test(text);
      i = SPACES.lastIndex;
      continue;
    }
    switch (state) {
      case S.Value:
      case S.ValueOrClose: {
        if (c === 0x5d && state === S.ValueOrClose) {
          const p = closeContainer(c);
          if (p) return p;
          continue;
        }
        if (c === 0x7b || c === 0x5b) {
          if (stack.length >= MAX_JSON_DEPTH) return { pos: i, what: `nested deeper than ${MAX_JSON_DEPTH} levels` };
          stack.push(c);
          state = c === 0x7b ? S.KeyOrClose : S.ValueOrClose;
          i++;
          continue;
        }
        if (c === 0x22) {
          const p = skipString();
          if (p) return p;
          state = S.After;
          continue;
        }
        if (c === 0x2d || isDigit(c)) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return { pos: i, what: 'malformed number' };
          i = NUMBER.lastIndex;
          state = S.After;
          continue;
        }
        const word = text.startsWith('true', i) ? 4 : text.startsWith('null', i) ? 4 : text.startsWith('false', i) ? 5 : 0;
        if (word === 0) return { pos: i, what: 'expected a value' };
        i += word;
        state = S.After;
        continue;
      }
      case S.Key:
      case S.KeyOrClose: {
        if (c === 0x7d && state === S.KeyOrClose) {
          const p = closeContainer(c);
          if (p) return p;
          continue;
        }
        if (c !== 0x22) return { pos: i, what: 'expected a property name in double quotes' };
        const p = skipString();
        if (p) return p;
        state = S.Colon;
        continue;
      }
      case S.Colon:
        if (c !== 0x3a) return { pos: i, what: "expected ':' after a property name" };
        state = S.Value;
        i++;
        continue;
      case S.After: {
        if (stack.length === 0) return { pos: i, what: 'unexpected text after the JSON value' };
        if (c === 0x2c) {
          state = stack[stack.length - 1] === 0x7b ? S.Key : S.Value;
          i++;
          continue;
        }
        if (c === 0x7d || c === 0x5d) {
          const p = closeContainer(c);
          if (p) return p;
          continue;
        }
        return { pos: i, what: "expected ',' or a closing bracket" };
      }
    }
  }
  if (state !== S.After || stack.length > 0) return { pos: n, what: 'unexpected end of input' };
  return null;

  function skipString(): JsonProblem | null {
    const start = i;
    i++;
    while (i < n) {
      PLAIN.lastIndex = i;
      PLAIN.test(text);
      i = PLAIN.lastIndex;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return { pos: i, what: 'control character inside a string' };
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          const hex = text.slice(i + 2, i + 6);
          if (!HEX.test(hex)) return { pos: i, what: 'malformed \\u escape in a string' };
          const code = parseInt(hex, 16);
          // A lone surrogate is no character: decoders differ on it (U+FFFD or an error).
          if (code >= 0xdc00 && code <= 0xdfff) return { pos: i, what: 'lone surrogate \\u escape in a string' };
          if (code >= 0xd800 && code <= 0xdbff) {
            const low = text.startsWith('\\u', i + 6) ? parseInt(text.slice(i + 8, i + 12), 16) : NaN;
            if (!(low >= 0xdc00 && low <= 0xdfff) || !HEX.test(text.slice(i + 8, i + 12))) return { pos: i, what: 'lone surrogate \\u escape in a string' };
            i += 12;
            continue;
          }
          i += 6;
          continue;
        }
        if (!ESCAPES.has(e)) return { pos: i, what: 'invalid escape in a string' };
        i += 2;
        continue;
      }
      i++;
    }
    return { pos: start, what: 'unterminated string' };
  }
}
