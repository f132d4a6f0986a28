// Secret candidates (src/normalize/secrets.ts) on a generated corpus: every kind, in every shape a
// configuration carries it (script text, environment map, JSON container definitions, base64
// user_data, name/value pairs), is found at its attribute with the right fingerprint, and no
// candidate carries the secret. References and secret-store pointers are not secrets. Where
// secretlint (the pattern set the port follows) can run, it is the oracle: whatever it finds in a
// sample, the port finds too.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { entropy, secretCandidates } from '../../src/normalize/secrets';
import { SECRET_PATTERNS } from '../../src/normalize/secret-patterns';

/** Deterministic generator (mulberry32), so a failure names a reproducible sample. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${UPPER}abcdefghijklmnopqrstuvwxyz0123456789`;
const B64 = `${ALNUM}+/`;

interface Sample {
  kind: string;
  /** The part that is fingerprinted. */
  secret: string;
  /** The text as it appears in configuration. */
  text: string;
}

function samples(seed: number): Sample[] {
  const r = rng(seed);
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
  // Passwords with a digit and a letter, no URL or shell metacharacters.
  const password = () => `${pick(UPPER, 1)}${pick(ALNUM, 10)}${Math.floor(r() * 90 + 10)}`;
  const out: Sample[] = [];
  const add = (kind: string, secret: string, text: string) => out.push({ kind, secret, text });
  const id = `AKIA${pick(UPPER + '234567', 16)}`;
  add('aws-access-key-id', id, `export AWS_ACCESS_KEY_ID=${id}`);
  const sk = pick(B64, 40);
  add('aws-secret-access-key', sk, `aws_secret_access_key = "${sk}"`);
  const body = Array.from({ length: 6 }, () => pick(B64, 64)).join('\n');
  add('private-key', `\n${body}\n`, `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`);
  const pw = password();
  const scheme = ['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis'][Math.floor(r() * 5)];
  add('connection-string-password', pw, `DATABASE_URL=${scheme}://shop_${pick(ALNUM, 4)}:${pw}@db.${pick(ALNUM, 6).toLowerCase()}.internal:5432/orders`);
  const pw2 = password();
  add('url-basic-auth', pw2, `curl https://deploy:${pw2}@artifacts.example.com/shop.tar.gz`);
  const gh = `ghp_${pick(ALNUM, 36)}`;
  add('github-token', gh, `GITHUB=${gh}`);
  const slack = `xoxb-${pick('0123456789', 12)}-${pick('0123456789', 12)}-${pick(ALNUM, 24)}`;
  add('slack-token', slack, `notify ${slack}`);
  const stripe = `sk_live_${pick(ALNUM, 24)}`;
  add('stripe-key', stripe, `STRIPE=${stripe}`);
  const sg = `SG.${pick(ALNUM + '-_', 22)}.${pick(ALNUM + '-_', 43)}`;
  add('sendgrid-key', sg, `MAIL=${sg}`);
  const npm = `npm_${pick(ALNUM, 36)}`;
  add('npm-token', npm, `//registry.npmjs.org/:_authToken=${npm}`);
  const account = `${pick(B64, 86)}==`;
  add('azure-storage-account-key', account, `DefaultEndpointsProtocol=https;AccountName=stshop;AccountKey=${account};EndpointSuffix=core.windows.net`);
  const named = password();
  add('named-secret', named, `DB_PASSWORD=${named}`);
  return out;
}

const CORPUS = [1, 2, 3, 4, 5, 6, 7, 8].flatMap(samples);

/** The same text in the shapes configurations carry it, with the path the candidate must name. */
function shapes(s: Sample): Array<[string, unknown, string]> {
  const script = `#!/bin/bash\nset -e\n${s.text}\n/opt/shop/start.sh\n`;
  return [
    ['user_data script', { user_data: script }, 'user_data'],
    ['base64 user_data', { user_data_base64: Buffer.from(script).toString('base64') }, 'user_data_base64'],
    ['environment map', { environment: [{ variables: { SHOP_SETTING: s.text } }] }, 'environment.variables.SHOP_SETTING'],
    ['JSON container definitions', { container_definitions: JSON.stringify([{ name: 'app', environment: [{ name: 'SHOP_SETTING', value: s.text }] }]) }, 'container_definitions.environment.value'],
  ];
}

const fp = (secret: string) => `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;

describe('secret candidates', () => {
  test.each(CORPUS.flatMap((s) => shapes(s).map(([shape, values, path]) => [s.kind, shape, s, values, path] as const)))(
    '%s in %s is found, fingerprinted and never echoed',
    (kind, _shape, s, values, path) => {
      const found = secretCandidates(values);
      expect(found).toContainEqual({ path, kind, length: [...s.secret].length, entropy: entropy(s.secret), fingerprint: fp(s.secret) });
      expect(JSON.stringify(found)).not.toContain(s.secret.trim());
    },
  );

  test('a value named as a secret is found in maps and name/value pairs', () => {
    expect(secretCandidates({ environment: [{ variables: { DB_PASSWORD: 'hunter2hunter2' } }] })).toEqual([
      { path: 'environment.variables.DB_PASSWORD', kind: 'named-secret', length: 14, entropy: entropy('hunter2hunter2'), fingerprint: fp('hunter2hunter2') },
    ]);
    const ecs = JSON.stringify([{ name: 'app', environment: [{ name: 'API_TOKEN', value: 'plain-token-value' }] }]);
    expect(secretCandidates({ container_definitions: ecs }).map((c) => [c.path, c.kind])).toEqual([['container_definitions.environment.value', 'named-secret']]);
  });

  test('references, secret-store pointers, redacted and short values are not secrets', () => {
    const values = {
      environment: [
        {
          variables: {
            DB_PASSWORD: '${aws_secretsmanager_secret_version.db.secret_string}',
            DB_SECRET: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf',
            API_TOKEN: '@Microsoft.KeyVault(SecretUri=https://kv-shop.vault.azure.net/secrets/api/)',
            SESSION_SECRET: '(sensitive)',
            PIN_PASSWORD: 'short',
          },
        },
      ],
      user_data: '#!/bin/bash\nexport DB_PASSWORD=${var.db_password}\nexport DB_SECRET=arn:aws:secretsmanager:us-east-1:1:secret:x\n',
      container_definitions: JSON.stringify([{ name: 'app', secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/db' }] }]),
    };
    expect(secretCandidates(values)).toEqual([]);
  });

  // Names built from an account id, words, regions and dates (what a plan shows once it knows the
  // account id, and an HCL folder shows as unknown) are not tokens; a random token is, wherever
  // it sits among them.
  test.each([1, 2, 3, 4, 5, 6])('names of words and numbers are not tokens; random runs among them are (seed %i)', (seed) => {
    const r = rng(seed);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    const LOWER = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => pick(r() < 0.5 ? LOWER : UPPER + LOWER, 2 + Math.floor(r() * 9));
    const number = () => pick('0123456789', 1 + Math.floor(r() * 12));
    // Words, numbers, and a word and a number side by side (subnet2, 1a, x86).
    const part = () => [number, word, () => `${word()}${number()}`, () => `${number()}${word()}`][Math.floor(r() * 4)]();
    const sep = () => '-_./'[Math.floor(r() * 4)];
    for (let i = 0; i < 50; i++) {
      const parts = [pick('0123456789', 12), ...Array.from({ length: 2 + Math.floor(r() * 5) }, part)];
      const name = parts.map((p, j) => (j ? sep() : '') + p).join('');
      expect(secretCandidates({ tags: { Name: name, Environment: name } }).filter((c) => c.kind === 'generic')).toEqual([]);
      // A 24-character run of letters and digits, both present, as generated secrets are.
      const random = `${pick(LOWER, 1)}${pick('0123456789', 1)}${pick(ALNUM, 22)}`;
      if (entropy(random) < 3) continue;
      const hidden = `${name}${sep()}${random}`;
      expect(secretCandidates({ tags: { Name: hidden } }).map((c) => c.kind)).toContain('generic');
    }
  });

  test('entropy is Shannon bits per character', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abab')).toBe(1);
    expect(entropy('abcdefgh')).toBe(3);
  });
});

// secretlint is ESM for Node ≥ 22 and async, so it runs in a child process here, as the oracle.
const SECRETLINT = join(__dirname, '..', '..', 'node_modules', '@secretlint', 'core');
const oracle = `
import { lintSource } from '@secretlint/core';
import { creator } from '@secretlint/secretlint-rule-preset-recommend';
const texts = JSON.parse(await new Promise((ok) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => ok(s)); }));
const out = [];
for (const content of texts) {
  const r = await lintSource({ source: { filePath: 'user_data.sh', content, contentType: 'text' }, options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] }, maskSecrets: true } });
  out.push(r.messages.map((m) => m.ruleId));
}
process.stdout.write(JSON.stringify(out));
`;

(existsSync(SECRETLINT) ? describe : describe.skip)(`secretlint as the oracle${existsSync(SECRETLINT) ? '' : ' (skipped: @secretlint/core is not installed)'}`, () => {
  test('whatever secretlint finds in a sample, the port finds too', () => {
    const texts = CORPUS.map((s) => `#!/bin/bash\n${s.text}\n`);
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', oracle], { input: JSON.stringify(texts), encoding: 'utf8', cwd: join(__dirname, '..', '..') });
    expect(run.stderr).toBe('');
    const flagged = JSON.parse(run.stdout) as string[][];
    const sources = new Map(SECRET_PATTERNS.map((p) => [p.kind, p.source]));
    let agreed = 0;
    const missed: string[] = [];
    CORPUS.forEach((s, i) => {
      if (flagged[i].length === 0) return;
      const ours = secretCandidates({ user_data: texts[i] }).filter((c) => c.kind !== 'generic');
      if (ours.length > 0) agreed++;
      else missed.push(`${s.kind} (${flagged[i].join(', ')}; our source ${sources.get(s.kind)})`);
    });
    process.stdout.write(`secretlint oracle: ${agreed} samples flagged by both; ${missed.length} flagged by secretlint only; ${CORPUS.length} samples\n`);
    expect(missed).toEqual([]);
    expect(agreed).toBeGreaterThan(CORPUS.length / 2);
  });
});

// A cloud service endpoint names its resource by a generated id that mixes letters and digits
// (`3tlbn73ji6.execute-api.us-east-1.amazonaws.com`, a Lambda function URL's): every API Gateway
// URL in a function's environment had blocked as a high-entropy token (an audit of an e-commerce
// app). Generated endpoints of every form yield no candidate; a token after such a host still does.
describe('cloud service endpoints', () => {
  const next = rng(20261207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const id = (n: number): string => Array.from({ length: n }, () => pick('abcdefghijklmnopqrstuvwxyz0123456789'.split(''))).join('');
  const region = (): string => pick(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1']);
  const endpoints: Array<() => string> = [
    () => `https://${id(10)}.execute-api.${region()}.amazonaws.com/${pick(['prod', 'test', 'v1'])}/${pick(['orders', '', 'checkout/status'])}`,
    () => `wss://${id(10)}.execute-api.${region()}.amazonaws.com/${pick(['prod', 'dev'])}`,
    () => `https://${id(32)}.lambda-url.${region()}.on.aws/`,
    () => `https://${id(26)}.appsync-api.${region()}.amazonaws.com/graphql`,
    () => `${id(14)}.cloudfront.net`,
    () => `https://${id(8)}-${id(4)}.auth.${region()}.amazoncognito.com/oauth2/token`,
    () => `${id(12)}.${id(12)}.${region()}.rds.amazonaws.com`,
    () => `https://shop-${id(6)}.azurewebsites.net/api`,
  ];
  test('an endpoint address is no candidate; a token after it is', () => {
    for (let i = 0; i < 400; i++) {
      const url = pick(endpoints)();
      expect({ url, found: secretCandidates({ environment: { variables: { ENDPOINT: url } } }) }).toEqual({ url, found: [] });
      const token = `tok_${id(32)}`;
      const withToken = secretCandidates({ environment: { variables: { ENDPOINT: `${url.replace(/\/$/, '')}/${token}` } } });
      expect(withToken.map((c) => c.kind)).toContain('generic');
    }
  });
});
