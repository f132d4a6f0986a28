/**
 * A JSON syntax check that runs before JSON.parse, for two reasons: V8's messages quote the
 * text around an error (a malformed plan printed an RDS password), and the rest of the
 * tool walks documents recursively, so thousands of nested brackets would overflow the
 * stack later. It finds the first problem's offset and says what it is, in its own words.
 */
export const MAX_JSON_DEPTH = 512;

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
      i++;
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
          const m = NUMBER.exec(text);
          if (!m || m[0] === '-') return { pos: i, what: 'malformed number' };
          i += m[0].length;
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
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return { pos: i, what: 'control character inside a string' };
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!HEX.test(text.slice(i + 2, i + 6))) return { pos: i, what: 'malformed \\u escape in a string' };
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (![0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(e)) return { pos: i, what: 'invalid escape in a string' };
        i += 2;
        continue;
      }
      i++;
    }
    return { pos: start, what: 'unterminated string' };
  }
}
