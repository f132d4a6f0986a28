import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { prestartTwoBytes } from '../../src/evaluate/parallel';
import { MAX_JSON_DEPTH } from '../../src/load/json-syntax';
import { blankRefusedNames, settingNames } from '../../src/settings';
import { PLANS, tempDir } from '../helpers/cli';

// Every class of unreadable file, generated, through the real CLI binary (dist/, as users run
// it): exit 2, one line naming the file, never a hang, a crash or the input's own text.
// FUZZ_RUNS raises the number of cases per class (`npm run fuzz`).
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const BIN = join(__dirname, '..', '..', 'bin', 'leakguard.js');
const PLAN = join(PLANS, 'aws-rds-db-instance-sensitive-tf1.2.json');
const SECRET = 'Sup3r-S3cret-Passw0rd';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new Error(`leakguard ${args.join(' ')}: ${r.error.message} (a hang is a failure)`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectRefused(r: Result, ...parts: string[]): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^leakguard: /);
  expect(lines[0]).not.toMatch(/internal error|std::bad_alloc|\bat .+:\d+:\d+/);
  for (const p of parts) expect(lines[0]).toContain(p);
}

const dir = tempDir('leakguard-fuzz-');
const fifo = join(dir, 'fifo.json');
const socketPath = join(dir, 'socket.json');
execFileSync('mkfifo', [fifo]);
const server = createServer();
beforeAll(() => new Promise<void>((resolve) => server.listen(socketPath, resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// An HCL folder (for --var-file) and an empty evidence log (for --public-key), so the file
// under test is the only thing wrong.
const hclDir = join(dir, 'hcl');
mkdirSync(hclDir);
writeFileSync(join(hclDir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\nvariable "name" {}\n');
const emptyLog = join(dir, 'empty-log.jsonl');
writeFileSync(emptyLog, '');

/** Every place the tool reads a file, as CLI arguments around the file under test. */
const readers: Array<[string, (f: string) => string[]]> = [
  ['input', (f) => ['check', f]],
  ['config', (f) => ['check', '--config', f, PLAN]],
  ['baseline', (f) => ['check', '--baseline', f, PLAN]],
  ['drift history', (f) => ['drift', join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json'), '--history', f]],
  ['evidence log', (f) => ['evidence', 'verify', f]],
  ['evidence signing key', (f) => ['check', PLAN, '--evidence', join(tempDir(), 'evidence'), '--evidence-key', f]],
  ['evidence public key', (f) => ['evidence', 'verify', emptyLog, '--public-key', f]],
  ['var file', (f) => ['check', hclDir, '--var-file', f]],
];

const specials: Array<[string, string, string]> = [
  ['a FIFO', fifo, 'a FIFO, not a regular file'],
  ['an endless character device', '/dev/zero', 'a character device, not a regular file'],
  ['a device that reports no space', '/dev/full', 'a character device, not a regular file'],
  ['a socket', socketPath, 'not a regular file'],
];

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// Every reader gets the FIFO and the endless device; the input path gets every kind.
const specialCases = [
  ...readers.flatMap(([reader, args]) => specials.slice(0, 2).map(([what, path, msg]) => [reader, what, args(path), msg] as const)),
  ...specials.slice(2).map(([what, path, msg]) => [readers[0][0], what, readers[0][1](path), msg] as const),
];

describe('special files are refused without blocking, by every reader', () => {
  test.each(specialCases)(
    '%s: %s',
    (_reader, _what, args, msg) => expectRefused(cli(args), msg),
  );
});

// The evidence log's lock is read to see who holds it: the files a writer finds there instead.
test.each(specials.slice(0, 2))('evidence log lock: %s in its place is refused, not waited on', (_what, path, msg) => {
  const evidence = join(tempDir(), 'evidence');
  mkdirSync(evidence);
  symlinkSync(path, join(evidence, 'evidence-log.jsonl.lock'));
  expectRefused(cli(['check', PLAN, '--evidence', evidence]), 'evidence log lock', msg);
});

describe('generated files of each class', () => {
  const plan = readFileSync(PLAN);
  // The fixture with a password, so a leak of the input's text would show.
  const secretPlan = Buffer.from(plan.toString('utf8').replace(/"password": *"[^"]*"/, `"password": "${SECRET}"`).replace(/"password": *null/, `"password": "${SECRET}"`));
  const write = (name: string, data: Buffer | string): string => {
    const f = join(dir, name);
    writeFileSync(f, data);
    return f;
  };

  test('invalid UTF-8 anywhere in a file is refused, not replaced with U+FFFD', () => {
    const invalid = fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: plan.length - 1 }), invalid, fc.constantFrom(...readers), (at, bytes, [, args]) => {
        const f = write('bad-utf8.json', Buffer.concat([plan.subarray(0, at), Buffer.from(bytes), plan.subarray(at)]));
        expectRefused(cli(args(f)), 'bad-utf8.json', 'not valid UTF-8');
      }),
      { numRuns: RUNS },
    );
  });

  test('malformed JSON gives a line and column and never echoes the input (a password in a broken plan)', () => {
    const text = secretPlan.toString('utf8');
    const secretAt = text.indexOf(SECRET);
    expect(secretAt).toBeGreaterThan(0);
    const breakage = fc.constantFrom('', '}', ']', ',', '"', 'x', ':', '\u0001', '{"a" 1}');
    fc.assert(
      // Break the file near the password, where an echo of the surrounding text would show it.
      fc.property(fc.integer({ min: secretAt - 40, max: secretAt + SECRET.length + 40 }), fc.boolean(), breakage, fc.constantFrom(...readers.slice(0, 3)), (at, truncate, junk, [, args]) => {
        const broken = truncate ? text.slice(0, at) + junk : text.slice(0, at) + junk + text.slice(at + 1);
        fc.pre(!parses(broken));
        const f = write('broken.json', broken);
        const r = cli(args(f));
        expectRefused(r, 'broken.json', 'malformed JSON at line');
        expect(r.stderr).not.toContain(SECRET);
        expect(r.stderr).not.toContain(SECRET.slice(0, 6));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test(`nesting deeper than ${MAX_JSON_DEPTH} levels (3,000 brackets and more) is one line, not a stack overflow`, () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_JSON_DEPTH + 1, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom(...readers.slice(0, 3)), (depth, open, [, args]) => {
        const close = open === '[' ? ']' : '}';
        const f = write('deep.json', `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"values":{"x":${open.repeat(depth)}1${close.repeat(depth)}}}]}}}`);
        expectRefused(cli(args(f)), 'deep.json', `nested deeper than ${MAX_JSON_DEPTH} levels`);
      }),
      { numRuns: RUNS },
    );
    // The exact case from the issue, as a file of bare brackets.
    expectRefused(cli(['check', write('brackets.json', '['.repeat(3000) + ']'.repeat(3000))]), 'brackets.json', 'nested deeper');
  });

  test('a file above LEAKGUARD_MAX_INPUT_BYTES is refused by every reader', () => {
    // Larger than the other inputs the commands read, so the limit falls on this one.
    const others = Math.max(plan.length, readFileSync(join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json')).length);
    const big = Buffer.concat([plan, Buffer.alloc(others + 1000 - plan.length, ' ')]);
    fc.assert(
      fc.property(fc.integer({ min: others + 1, max: big.length - 1 }), fc.constantFrom(...readers), (limit, [, args]) => {
        const f = write('big.json', big);
        expectRefused(cli(args(f), { LEAKGUARD_MAX_INPUT_BYTES: String(limit) }), 'big.json', 'above the', 'LEAKGUARD_MAX_INPUT_BYTES');
      }),
      { numRuns: RUNS },
    );
  });

  test('a cdktf manifest path that leaves the folder is not followed', () => {
    const outside = join(dir, 'outside.tf.json');
    writeFileSync(outside, JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket: 'x' } } } }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom('', 'stacks/', './'), (ups, lead) => {
        const out = join(tempDir('leakguard-fuzz-out-'), 'a', 'cdktf.out');
        mkdirSync(out, { recursive: true });
        // Enough `../` to leave the folder, then the path back down to the file outside.
        const rel = `${lead}${'../'.repeat(ups + 8)}${outside.replace(/^\//, '')}`;
        writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { s: { name: 's', synthesizedStackPath: rel } } }));
        expectRefused(cli(['check', out]), 'leaves its folder');
      }),
      { numRuns: RUNS },
    );
    // A symbolic link inside the folder that points outside it.
    const out = join(tempDir('leakguard-fuzz-out-'), 'cdktf.out');
    mkdirSync(join(out, 'stacks', 's'), { recursive: true });
    symlinkSync(outside, join(out, 'stacks', 's', 'cdk.tf.json'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { s: { name: 's', synthesizedStackPath: 'stacks/s/cdk.tf.json' } } }));
    expectRefused(cli(['check', out]), 'leaves its folder', 'symbolic link');
  });

  test('garbage in any environment setting is exit 2, whatever the command', () => {
    const garbage = fc.oneof(
      fc.constantFrom('', ' ', 'abc', '-1', '0', '1e3', 'NaN', 'Infinity', '12abc', '0x10', '1,000', '99999999999999999999999'),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^\d+(\.\d+)?$/.test(s) && !s.includes('\0')),
    );
    fc.assert(
      fc.property(fc.constantFrom('LEAKGUARD_MAX_INPUT_BYTES', 'LEAKGUARD_WASM_MAX_MB', 'LEAKGUARD_WORKERS'), garbage, fc.constantFrom<string[]>(['check', PLAN], ['rules']), (name, value, args) => {
        expectRefused(cli(args, { [name]: value }), `environment setting ${name}=`, 'is invalid');
      }),
      { numRuns: RUNS },
    );
    expectRefused(cli(['rules'], { LEAKGUARD_WASM_MAX_MB: '5000' }), 'LEAKGUARD_WASM_MAX_MB', 'at most 4096');
  });

  test.each(blankRefusedNames)('%s: a blank value (which it would otherwise take as a path or a number) is exit 2', (name) => {
    const blank = fc.array(fc.constantFrom(' ', '\t', '\n', '\r'), { maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(blank, fc.constantFrom<string[]>(['check', PLAN], ['rules']), (value, args) => {
        expectRefused(cli(args, { [name]: value }), `environment setting ${name}=`, 'is invalid');
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('the evidence key settings are checked at the start of every command; blank is unset; a key is never echoed', () => {
    expect(settingNames).toEqual(expect.arrayContaining(['LEAKGUARD_EVIDENCE_KEY', 'LEAKGUARD_EVIDENCE_KEY_FILE']));
    const notAKey = fc.oneof(
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !s.includes('\0')),
      fc.constant('-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n'),
    );
    fc.assert(
      fc.property(notAKey, fc.constantFrom<string[]>(['check', PLAN], ['rules']), (value, args) => {
        const r = cli(args, { LEAKGUARD_EVIDENCE_KEY: value });
        expectRefused(r, 'environment setting LEAKGUARD_EVIDENCE_KEY=<hidden>', 'is invalid');
        if (value.trim().length > 3) expect(r.stderr).not.toContain(value.trim());
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
    for (const blank of ['', ' ', '\n']) {
      expect(cli(['rules'], { LEAKGUARD_EVIDENCE_KEY: blank, LEAKGUARD_EVIDENCE_KEY_FILE: blank }).code).toBe(0);
    }
  });

  // check() starts its policy workers before it reads the input (LEAKGUARD_WORKERS of them
  // here; by default two for files of 17 MB and more, 42.5 MB on two cores): an input refused
  // after they started must still end the process at once, exit 2.
  test('a large plan that turns out malformed is refused at once with the policy workers already started', () => {
    const big = join(dir, 'big-broken.json');
    const resources = Array.from({ length: 14_000 }, (_, i) => `{"address":"aws_s3_bucket.b${i}","mode":"managed","type":"aws_s3_bucket","name":"b${i}","values":{"bucket":"${'x'.repeat(1200)}"}}`);
    writeFileSync(big, `{"format_version":"1.2","planned_values":{"root_module":{"resources":[${resources.join(',')}]}},"resource_changes":[,]}`);
    expect(statSync(big).size).toBeGreaterThan(prestartTwoBytes(3));
    for (const workers of ['1', '2']) {
      const started = Date.now();
      expectRefused(cli(['check', big], { LEAKGUARD_WORKERS: workers }), 'big-broken.json');
      // Reading and parsing 16 MB takes well under a second; waiting on a worker would hit the 20 s timeout.
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });
});
