import { UnsafeConfigError } from '../../stacks/constructs/common/errors';
import { dataTags, DataClassification } from '../../stacks/constructs/common/tags';
import { checkoutCsp } from '../../stacks/constructs/common/csp';
import { cleanup, testStack } from './helpers';

afterAll(cleanup);

describe('dataTags', () => {
  test('defaults to pii and takes owner/environment from the stack settings', () => {
    expect(dataTags(testStack())).toEqual({ 'data-classification': 'pii', owner: 'team-test', environment: 'test' });
  });

  test('explicit owner overrides the stack setting', () => {
    expect(dataTags(testStack(), { classification: 'public', tags: { owner: 'web' } })).toMatchObject({ 'data-classification': 'public', owner: 'web' });
  });

  test('rejects an unknown classification', () => {
    expect(() => dataTags(testStack(), { classification: 'secret' as DataClassification })).toThrow(/classification must be one of/);
  });

  test('rejects a data-classification tag that bypasses the prop', () => {
    expect(() => dataTags(testStack(), { tags: { 'data-classification': 'public' } })).toThrow(UnsafeConfigError);
  });

  test('rejects a stack without an owner', () => {
    expect(() => dataTags(testStack({ settings: { owner: '' } }))).toThrow(/owner is not set/);
  });
});

describe('checkoutCsp', () => {
  test('allows exact https script origins only', () => {
    const csp = checkoutCsp(testStack(), ['https://js.stripe.com']);
    expect(csp).toContain("script-src 'self' https://js.stripe.com");
    expect(csp).not.toMatch(/unsafe-inline|\*/);
  });

  test.each([
    ['a wildcard', ['*']],
    ['a wildcard subdomain', ['https://*.example.com']],
    ["'unsafe-inline'", ["'unsafe-inline'"]],
    ['a plain-http origin', ['http://js.example.com']],
  ])('rejects %s', (_name, sources) => {
    expect(() => checkoutCsp(testStack(), sources)).toThrow(/exact https origin/);
  });
});
