import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Leakguard, SuppressError } from '../../src/cdktf';
import { loadConfig } from '../../src/evaluate/config';
import { daysAfter, isCalendarDate, oneYearAfter } from '../../src/evaluate/waivers';
import { InputError } from '../../src/errors';
import { PLANS, run, tempDir, writeTree } from '../helpers/cli';
import { stack, synthApp } from '../helpers/synth';
import { RULE } from '../report/support';

const TODAY = '2026-06-01';
const WAIVER = { rule: RULE, resource: 'aws_s3_bucket.b', reason: 'legacy bucket, migration in SHOP-12', owner: 'platform', expires: '2026-12-31', ticket: 'SHOP-12' };
const PLAN = join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json');

/** Days in a month by the Gregorian rule, written apart from the code under test. */
function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** The problem loadConfig reports for a config file with this text, or null when it is accepted. */
function configProblem(text: string, today = TODAY): string | null {
  const file = join(tempDir(), 'leakguard.json');
  writeFileSync(file, text);
  try {
    loadConfig(file, today);
    return null;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.message.split('\n')).toHaveLength(1);
    return err.message;
  }
}
const withWaiver = (over: Record<string, unknown>): string => JSON.stringify({ waivers: [{ ...WAIVER, ...over }] });

// Characters JavaScript's trim removes: ASCII and Unicode spaces, tabs, line breaks, BOM.
const SPACE = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028');
const blank = fc.array(SPACE, { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
const dateParts = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));

describe('waiver dates are calendar dates', () => {
  test('isCalendarDate agrees with the Gregorian calendar on every YYYY-MM-DD', () => {
    fc.assert(
      fc.property(dateParts, ([y, m, d]) => {
        const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        expect(isCalendarDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(real);
      }),
      { numRuns: 2000 },
    );
  });

  test('a config waiver expiring on a date not on the calendar is refused with one line', () => {
    const impossible = dateParts
      .filter(([y, m, d]) => !(m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(impossible, (expires) => {
        expect(configProblem(withWaiver({ expires }))).toContain(`/waivers/0: expires must be a real date YYYY-MM-DD, got "${expires}"`);
      }),
      { numRuns: 100 },
    );
  });

  test.each([['2026-13-45'], ['2027-02-30'], ['2026-02-29']])('check refuses a waiver expiring %s: exit 2, one line', async (expires) => {
    const dir = writeTree({ 'leakguard.json': { waivers: [{ ...WAIVER, expires }] } });
    const r = await run('check', PLAN, '--config', join(dir, 'leakguard.json'), '--today', TODAY);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`leakguard: ${join(dir, 'leakguard.json')}: /waivers/0: expires must be a real date YYYY-MM-DD, got "${expires}"\n`);
  });

  test('--today must be a calendar date too', async () => {
    const r = await run('check', PLAN, '--today', '2026-02-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leakguard: --today must be a real date YYYY-MM-DD, got "2026-02-30"\n');
  });
});

describe('the longest expiry', () => {
  const calendarDay = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  test('default: up to the same date a year on, not a day later', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: -400, max: 800 }), (today, offset) => {
        const expires = daysAfter(today, offset);
        const problem = configProblem(withWaiver({ expires }), today);
        if (expires <= oneYearAfter(today)) expect(problem).toBeNull();
        else expect(problem).toContain(`expires ${expires}, after the longest allowed expiry ${oneYearAfter(today)} (one year from today`);
      }),
      { numRuns: 60 },
    );
  });

  test('waiver_max_days sets it', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (today, max, offset) => {
        const expires = daysAfter(today, offset);
        const problem = configProblem(JSON.stringify({ waiver_max_days: max, waivers: [{ ...WAIVER, expires }] }), today);
        if (offset <= max) expect(problem).toBeNull();
        else expect(problem).toContain(`after the longest allowed expiry ${daysAfter(today, max)} (waiver_max_days ${max})`);
      }),
      { numRuns: 60 },
    );
  });

  test('waiver_max_days must be a positive integer', () => {
    for (const v of [0, -5, 1.5, '30', null]) expect(configProblem(JSON.stringify({ waiver_max_days: v }))).toContain('waiver_max_days');
  });
});

describe('text fields say something', () => {
  test('blank reason, owner, ticket, rule or resource is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom('reason', 'owner', 'ticket', 'rule', 'resource'), blank, (field, value) => {
        const problem = configProblem(withWaiver({ [field]: value }));
        expect(problem).not.toBeNull();
        expect(problem).toContain(field);
      }),
      { numRuns: 150 },
    );
  });

  test('a reason of ten characters padded with spaces says nothing', () => {
    fc.assert(
      fc.property(blank, fc.string({ minLength: 1, maxLength: 9 }).filter((s) => s.trim() === s && s !== ''), blank, (a, word, b) => {
        expect(configProblem(withWaiver({ reason: `${a}${word}${b}`.padEnd(12, ' ') }))).toMatch(/reason (must say why|must not be blank)/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('keys JavaScript objects already have are still unknown', () => {
  const inherited = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__');
  // JSON text, so `__proto__` is an own key as a parser sees it (an object literal would set the prototype).
  const places: Array<[string, (k: string) => string]> = [
    ['the top level', (k) => `{"${k}": {}}`],
    ['policy', (k) => `{"policy": {"${k}": {}}}`],
    ['policy.enforcement', (k) => `{"policy": {"enforcement": {"${k}": {}}}}`],
    ['policy.enforcement.rules', (k) => `{"policy": {"enforcement": {"rules": {"${k}": "advisory"}}}}`],
    ['policy.enforcement.controls', (k) => `{"policy": {"enforcement": {"controls": {"${k}": "advisory"}}}}`],
    ['policy.enforcement.by_severity', (k) => `{"policy": {"enforcement": {"by_severity": {"${k}": "advisory"}}}}`],
    ['a waiver', (k) => withWaiver({}).replace('{"rule"', `{"${k}": "x", "rule"`)],
  ];
  test.each(places)('in %s: refused with one line', (_, text) => {
    fc.assert(
      fc.property(inherited, (key) => {
        const problem = configProblem(text(key));
        expect(problem).not.toBeNull();
      }),
      { numRuns: 16 },
    );
  });
});

describe('construct waivers pass the same checks', () => {
  const suppressWith = (over: Record<string, unknown>) => () =>
    synthApp((app) =>
      stack(app, 'v', (s) => {
        new AwsProvider(s, 'aws', { region: 'us-west-2' });
        Leakguard.suppress(new S3Bucket(s, 'b', { bucket: 'x' }), RULE, { reason: WAIVER.reason, owner: 'web', expires: '2026-12-31', ...over } as never);
      }),
    );

  test('Leakguard.suppress throws on blank text and impossible dates', () => {
    fc.assert(
      fc.property(fc.constantFrom('reason', 'owner', 'ticket'), blank, (field, value) => {
        expect(suppressWith({ [field]: value })).toThrow(SuppressError);
      }),
      { numRuns: 15 },
    );
    for (const expires of ['2026-13-45', '2027-02-30']) expect(suppressWith({ expires })).toThrow(/expires must be a real date/);
  });

  /** A synthesized stack whose metadata waiver was edited by hand after synth. */
  async function checkEdited(waiver: string) {
    const tf = `{"provider": {"aws": [{"region": "us-west-2"}]}, "resource": {"aws_s3_bucket": {"b": {"bucket": "x",
      "//": {"metadata": {"path": "v/b"}, "leakguard": {"waivers": [${waiver}]}}}}}}`;
    const dir = writeTree({ 'cdk.tf.json': tf });
    return run('check', join(dir, 'cdk.tf.json'), '--input-format', 'cdktf-json', '--today', TODAY);
  }
  const edited = (over: Record<string, unknown>) => JSON.stringify({ rule: RULE, reason: WAIVER.reason, owner: 'web', expires: '2026-12-31', ...over });

  test.each([
    ['a blank owner', edited({ owner: '   ' }), 'owner must not be blank'],
    ['Feb 30', edited({ expires: '2027-02-30' }), 'expires must be a real date'],
    ['beyond a year', edited({ expires: '2030-01-01' }), 'after the longest allowed expiry 2027-06-01'],
    ['an unknown rule', edited({ rule: 'aws-s3-publik' }), 'names an unknown rule'],
    ['a __proto__ key', edited({}).replace('{', '{"__proto__": {"x": 1}, '), 'waiver 0: /'],
    ['a resource of its own', edited({ resource: '*' }), '/resource is set by the resource'],
    ['not an object', '"skip"', 'waiver 0: /'],
  ])('edited metadata with %s: exit 2, one line naming the resource', async (_, waiver, message) => {
    const r = await checkEdited(waiver);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('aws_s3_bucket.b');
    expect(r.stderr).toContain(message);
  });
});
