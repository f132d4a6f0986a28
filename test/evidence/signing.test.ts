import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalJson } from '../../src/evidence/canonical';
import { hashOf, type LogEntry } from '../../src/evidence/log';
import { keyId, signHash } from '../../src/evidence/sign';
import { signingKey } from '../../src/evidence';
import type { Decision } from '../../src/types/decision';
import { PLANS, run, tempDir } from '../helpers/cli';

const PLAN = join(PLANS, 'aws-kms-key-rotation-tf0.13.json');
const ROOT = join(__dirname, '..', '..');

async function keygen(dir = tempDir()) {
  const priv = join(dir, 'evidence.key');
  const pub = join(dir, 'evidence.pub');
  const r = await run('evidence', 'keygen', '--private-key', priv, '--public-key', pub);
  expect(r.code).toBe(0);
  return { priv, pub, id: /^key ([0-9a-f]{16}):/.exec(r.stdout)![1] };
}

const lines = (log: string): LogEntry[] => readFileSync(log, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
const write = (log: string, entries: object[]) => writeFileSync(log, entries.map((e) => canonicalJson(e)).join('\n') + '\n');

describe('evidence keygen', () => {
  test('writes an Ed25519 pair, the private key readable by its owner only, and never overwrites', async () => {
    const { priv, id } = await keygen();
    expect(statSync(priv).mode & 0o777).toBe(0o600);
    expect(keyId(signingKey(priv)!)).toBe(id);
    const again = await run('evidence', 'keygen', '--private-key', priv, '--public-key', join(tempDir(), 'other.pub'));
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`leakguard: ${priv}: already exists; a key is never overwritten\n`);
  });

  test.each([
    ['not PEM', 'hello', 'not a PEM Ed25519 private key'],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'an Ed25519 key is needed, got rsa'],
  ])('a signing key that is %s: exit 2, one line, nothing written', async (_, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k.pem'), text);
    const r = await run('check', PLAN, '--evidence', join(dir, 'ev'), '--evidence-key', join(dir, 'k.pem'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`leakguard: ${join(dir, 'k.pem')}: ${message}${message.startsWith('not') ? ' (create one with `leakguard evidence keygen`)' : ''}\n`);
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });
});

describe('signed evidence log', () => {
  const dir = tempDir();
  const evidence = join(dir, 'evidence');
  const log = join(evidence, 'evidence-log.jsonl');
  let key: Awaited<ReturnType<typeof keygen>>;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    key = await keygen(dir);
    for (let i = 0; i < 3; i++) {
      const r = await run('check', PLAN, '--evidence', evidence, '--evidence-key', key.priv, '--format', `json=${join(dir, 'd.json')}`, '--format', 'text', '--format', `markdown=${join(dir, 'c.md')}`, '--format', `github=${join(dir, 'gh.txt')}`, '--format', `sarif=${join(dir, 'r.sarif')}`, '--format', `junit=${join(dir, 'j.xml')}`);
      expect(r.code).toBe(1);
      reports.text = r.stdout;
      reports.stderr = r.stderr;
    }
    for (const f of ['d.json', 'c.md', 'gh.txt', 'r.sarif', 'j.xml']) reports[f] = readFileSync(join(dir, f), 'utf8');
  });

  test('every entry is signed; verify --public-key checks each signature', async () => {
    const entries = lines(log);
    expect(entries.map((e) => [e.seq, e.key_id])).toEqual([[1, key.id], [2, key.id], [3, key.id]]);
    const v = await run('evidence', 'verify', log, '--public-key', key.pub, '--bundles');
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${log}: intact, 3 entries, head ${entries[2].hash}, every entry signed by key ${key.id}\n`);
    expect(v.stderr).toBe('');
  });

  test('every report prints the new chain head', () => {
    const head = lines(log)[2].hash;
    const d: Decision = JSON.parse(reports['d.json']);
    expect(d.evidence).toEqual({ log, entry: 3, head, key_id: key.id });
    expect(reports.text).toContain(`evidence log ${log}: entry 3, chain head ${head} (signed by key ${key.id})`);
    expect(reports.stderr).toContain(`entry 3, chain head ${head}, signed by key ${key.id})`);
    for (const f of ['c.md', 'gh.txt', 'j.xml']) expect([f, reports[f].includes(head)]).toEqual([f, true]);
    expect(JSON.parse(reports['r.sarif']).runs[0].properties.evidence.head).toBe(head);
  });

  test('without the public key the chain verifies, with a warning that it proves order, not origin', async () => {
    const v = await run('evidence', 'verify', log);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('warning: 3 of 3 entries signed, but no --public-key to check them: the chain proves the order of entries, not who wrote them');
  });

  // The attacker can write the file but holds no private key: whatever they append, edit or
  // rewrite (re-hashing and re-chaining every entry), signed with their own key, unsigned, or
  // carrying signatures copied from genuine entries, verification with the key fails.
  test('a forged entry or a rewritten chain fails verification with the key (generated forgeries)', async () => {
    const genuine = lines(log);
    const attacker = generateKeyPairSync('ed25519').privateKey;
    const forgery = fc.record({
      from: fc.integer({ min: 0, max: genuine.length }), // first entry rewritten; = length: only appended
      append: fc.integer({ min: 0, max: 2 }),
      exit: fc.integer({ min: 0, max: 1 }),
      signing: fc.constantFrom('none', 'attacker', 'copied'),
    }).filter((f) => f.from < genuine.length || f.append > 0);
    const forged = join(tempDir(), 'forged.jsonl');
    await fc.assert(
      fc.asyncProperty(forgery, async (f) => {
        const out: LogEntry[] = genuine.slice(0, f.from);
        const template = [...genuine.slice(f.from), ...Array.from({ length: f.append }, () => genuine[genuine.length - 1])];
        for (const [i, g] of template.entries()) {
          const prev = out.length > 0 ? out[out.length - 1].hash : '0'.repeat(64);
          const body = { seq: out.length + 1, timestamp: g.timestamp, bundle: g.bundle, bundle_sha256: g.bundle_sha256, decision_sha256: g.decision_sha256, git_commit: g.git_commit, exit_code: f.exit, findings: g.findings, blocking: f.exit === 0 ? 0 : g.blocking, prev };
          const hash = hashOf(body);
          const sig =
            f.signing === 'attacker' ? { key_id: key.id, signature: signHash(attacker, hash) } : f.signing === 'copied' ? { key_id: key.id, signature: genuine[i % genuine.length].signature! } : {};
          out.push({ ...body, hash, ...sig });
        }
        write(forged, out);
        // Rewriting every entry with the genuine fields and signatures rebuilds the genuine log: no forgery.
        fc.pre(readFileSync(forged, 'utf8') !== readFileSync(log, 'utf8'));
        const unchecked = await run('evidence', 'verify', forged);
        expect(unchecked.code).toBe(0); // the chain alone cannot tell
        const v = await run('evidence', 'verify', forged, '--public-key', key.pub);
        expect(v.code).toBe(1);
        expect(v.stdout).toMatch(/entry \d+: (not signed|signature does not verify)/);
      }),
      { numRuns: 40 },
    );
  });

  test('the signing key can come from LEAKGUARD_EVIDENCE_KEY (PEM text) or LEAKGUARD_EVIDENCE_KEY_FILE', async () => {
    for (const [name, value] of [['LEAKGUARD_EVIDENCE_KEY', readFileSync(key.priv, 'utf8')], ['LEAKGUARD_EVIDENCE_KEY_FILE', key.priv]]) {
      const ev = join(tempDir(), 'ev');
      process.env[name] = value;
      try {
        expect((await run('check', PLAN, '--evidence', ev, '--format', `json=${join(ev, '..', 'd.json')}`)).code).toBe(1);
      } finally {
        delete process.env[name];
      }
      expect((await run('evidence', 'verify', join(ev, 'evidence-log.jsonl'), '--public-key', key.pub)).code).toBe(0);
    }
  });

  test('an unsigned log verified with a key fails at its first entry', async () => {
    const ev = join(tempDir(), 'ev');
    await run('check', PLAN, '--evidence', ev, '--format', `json=${join(ev, '..', 'd.json')}`);
    const plain = await run('evidence', 'verify', join(ev, 'evidence-log.jsonl'));
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('warning: unsigned log: the chain proves the order of entries, not who wrote them');
    const v = await run('evidence', 'verify', join(ev, 'evidence-log.jsonl'), '--public-key', key.pub);
    expect(v.stdout).toContain('entry 1: not signed');
  });
});

describe('concurrent appends', () => {
  /** A child process appending `n` entries through the log's lock, as `check --evidence` does. */
  function appender(log: string, n: number, tag: string): Promise<number> {
    const script = `
      const { withLock } = require(${JSON.stringify(join(ROOT, 'dist/src/evidence/lock'))});
      const { appendEntry } = require(${JSON.stringify(join(ROOT, 'dist/src/evidence/log'))});
      for (let i = 0; i < ${n}; i++) withLock(${JSON.stringify(log)}, () => appendEntry(${JSON.stringify(log)}, {
        timestamp: new Date().toISOString(), bundle: '${tag}-' + i, bundle_sha256: '0'.repeat(64), decision_sha256: '0'.repeat(64),
        git_commit: null, exit_code: 0, findings: 0, blocking: 0 }));`;
    return new Promise((resolve) => spawn(process.execPath, ['-e', script], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? -1)));
  }

  test('six processes appending at once never interleave: one chain, every entry once', async () => {
    expect(existsSync(join(ROOT, 'dist/src/evidence/lock.js'))).toBe(true);
    const log = join(tempDir(), 'evidence-log.jsonl');
    const codes = await Promise.all(Array.from({ length: 6 }, (_, p) => appender(log, 15, `p${p}`)));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    const entries = lines(log);
    expect(entries).toHaveLength(90);
    expect(new Set(entries.map((e) => e.bundle)).size).toBe(90);
    const v = await run('evidence', 'verify', log);
    expect(v.stdout).toBe(`${log}: intact, 90 entries, head ${entries[89].hash}\n`);
    expect(existsSync(`${log}.lock`)).toBe(false);
  });

  test('a lock left by a process that died is broken, not waited on forever', async () => {
    const log = join(tempDir(), 'evidence-log.jsonl');
    const dead = await new Promise<number>((resolve) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('exit', () => resolve(c.pid!));
    });
    writeFileSync(`${log}.lock`, JSON.stringify({ pid: dead, host: require('node:os').hostname(), at: Date.now() }));
    expect(await appender(log, 2, 'after')).toBe(0);
    expect(lines(log).map((e) => e.bundle)).toEqual(['after-0', 'after-1']);
  });
});
