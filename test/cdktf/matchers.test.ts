import { App, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { LeakguardChecks } from '../../src/cdktf/checks';
import { Leakguard } from '../../src/cdktf/suppress';
import { toPassLeakguard, toViolate } from '../../src/jest/matchers';
import '../../src/jest';
import { buildExampleApp } from '../../stacks/examples';
import { SHOP_CONFIG } from '../../compliance-tests/helpers';

// The example pair: hardened (passes with the config it is built for) and leaky (a public bucket).
const opts = { config: SHOP_CONFIG, today: '2026-11-28' };
const appOf = (leaky: boolean) => {
  const app = Testing.app();
  const [aws] = buildExampleApp(app, { leaky });
  return { app, aws };
};

describe('Jest matchers', () => {
  test('toPassLeakguard: the hardened app passes, as an App, a stack or synthesized JSON', () => {
    const { app, aws } = appOf(false);
    expect(app).toPassLeakguard(opts);
    expect(aws).toPassLeakguard(opts);
    expect(Testing.synth(aws)).toPassLeakguard(opts);
  });

  test('toViolate: by rule id, by control and construct path; not by a rule that does not fire', () => {
    const { aws } = appOf(true);
    expect(aws).toViolate('aws-s3-public-access-block', opts);
    expect(aws).toViolate({ control: 'public-storage', resource: 'LeakyAwsExample/customer-data' }, opts);
    expect(aws).toViolate({ rule: 'aws-s3-public-acl', resource: 'LeakyAwsExample/customer-data/acl' }, opts);
    expect(aws).not.toViolate({ rule: 'aws-s3-public-acl', resource: 'LeakyAwsExample/customer-data/bucket' }, opts);
    expect(aws).not.toViolate('aws-kms-key-rotation', opts);
    expect(Testing.synth(aws)).toViolate('aws-s3-public-access-block', opts);
  });

  test('a failing toPassLeakguard prints the findings as the text report does: rule, resource, construct path, fix', () => {
    const { aws } = appOf(true);
    const r = toPassLeakguard(aws, opts);
    expect(r.pass).toBe(false);
    const msg = r.message();
    expect(msg).toMatch(/^expected stack LeakyAwsExample to pass Leakguard, but \d+ finding\(s\) block it:/);
    expect(msg).toMatch(/CRITICAL aws-s3-public-access-block {2}aws_s3_bucket\.customer-data_bucket_\w+/);
    expect(msg).toContain('(construct LeakyAwsExample/customer-data/bucket)');
    expect(msg).toMatch(/fix: Add an aws_s3_bucket_public_access_block/);
  });

  test('a failing toViolate says what it looked for and lists what was found', () => {
    const { aws } = appOf(false);
    const r = toViolate(aws, { control: 'public-storage' }, opts);
    expect(r.pass).toBe(false);
    expect(r.message()).toBe('expected stack HardenedAwsExample to violate {"control":"public-storage"}, but no finding matches. Leakguard found nothing.');
  });

  test('toPassLeakguard: a stack no rule covers was not checked, so it does not pass unless the config accepts it', () => {
    const stack = new TerraformStack(Testing.app(), 'Passwords');
    new TerraformResource(stack, 'db', { terraformResourceType: 'random_password' });
    const r = toPassLeakguard(stack, { config: false });
    expect(r.pass).toBe(false);
    expect(r.message()).toBe(
      'expected stack Passwords to pass Leakguard, but nothing was checked: none of the 1 resource(s) is of a type any rule reads (random_password 1); set "allow_not_checked": true under "policy" in the config to accept such an input',
    );
    expect(stack).toPassLeakguard({ config: { policy: { allow_not_checked: true } } });
  });

  test('a waiver from Leakguard.suppress is honoured: the waived finding no longer violates', () => {
    const { aws } = appOf(true);
    Leakguard.suppress(aws.node.findChild('customer-data'), 'aws-s3-access-logging', { reason: 'access logged by the central trail', owner: 'platform', expires: '2027-01-31' });
    expect(aws).not.toViolate('aws-s3-access-logging', opts);
    expect(aws).toViolate('aws-s3-public-access-block', opts);
  });
});

describe('LeakguardChecks aspect', () => {
  test('synth fails on a leaky bucket with an error naming the construct path and the rule', () => {
    const { app } = appOf(true);
    LeakguardChecks.addTo(app, opts);
    expect(() => app.synth()).toThrow(/\[LeakyAwsExample\/customer-data\/bucket\] \[leakguard\] aws-s3-public-access-block: .* Fix: /);
  });

  const notesOf = (scope: App | import('cdktf').TerraformStack) =>
    scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => /warn|error/.test(m.type)).map((m) => ({ path: c.node.path, type: m.type, data: String(m.data) })));

  test('waived findings raise nothing; the rest of the leaky bucket still errors', () => {
    const { aws } = appOf(true);
    Leakguard.suppress(aws.node.findChild('customer-data'), 'aws-s3-access-logging', { reason: 'access logged by the central trail', owner: 'platform', expires: '2027-01-31' });
    new LeakguardChecks(opts).visit(aws);
    const notes = notesOf(aws);
    expect(notes.filter((n) => n.data.includes('aws-s3-access-logging'))).toEqual([]);
    expect(notes).toContainEqual({ path: 'LeakyAwsExample/customer-data/bucket', type: '@cdktf/error', data: expect.stringMatching(/^\[leakguard\] aws-s3-public-access-block: /) });
  });

  test('the hardened app synthesizes; advisory findings become warnings', () => {
    const { app, aws } = appOf(true);
    const advisory = { critical: 'advisory', high: 'advisory', medium: 'advisory', low: 'advisory' } as const;
    new LeakguardChecks({ config: { policy: { enforcement: { by_severity: advisory } } }, today: '2026-11-28' }).visit(aws);
    const notes = notesOf(aws);
    expect(notes.length).toBeGreaterThan(3);
    expect(notes.filter((n) => n.type !== '@cdktf/warn')).toEqual([]);
    expect(notes).toContainEqual({ path: 'LeakyAwsExample/customer-data/bucket', type: '@cdktf/warn', data: expect.stringMatching(/^\[leakguard\] aws-s3-public-access-block \(advisory\): .* Fix: /) });

    const hardened = appOf(false);
    LeakguardChecks.addTo(hardened.app, opts);
    expect(() => hardened.app.synth()).not.toThrow();
    expect(app.node.path).toBe('');
  });
});
