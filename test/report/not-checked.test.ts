// What the input could not show the rules (a remote module, a resource whose for_each is known
// only after apply, a script a plan holds as its hash) is never only a line on stderr: the
// decision lists it (`not_checked`) and every report prints it beside the verdict, so a pass
// in a PR comment or a CI test view says what it did not cover.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, writeTree } from '../helpers/cli';
import { expectValidSarif } from './sarif-schema';

interface Unread {
  /** Remote modules called (never followed). */
  modules: number;
  /** Buckets whose for_each reads a value known only after apply. */
  deferred: number;
}

function folder(u: Unread): string {
  const parts = ['provider "aws" {\n  region = "us-east-1"\n}\n', 'resource "aws_s3_bucket" "b" {\n  bucket = "shop-orders"\n}\n'];
  for (let i = 0; i < u.modules; i++) parts.push(`module "m${i}" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "4.1.0"\n}\n`);
  for (let i = 0; i < u.deferred; i++) parts.push(`resource "aws_s3_bucket" "d${i}" {\n  for_each = toset([aws_s3_bucket.b.arn])\n  bucket   = "shop-d${i}"\n}\n`);
  return parts.join('\n');
}

async function reports(tf: string) {
  const dir = writeTree({ 'infra/main.tf': tf });
  const out = (name: string) => join(dir, name);
  const r = await run('check', join(dir, 'infra'), '--today', '2026-11-28', '--format', 'text', '--format', `json=${out('d.json')}`, '--format', `markdown=${out('c.md')}`, '--format', `junit=${out('j.xml')}`, '--format', `github=${out('g.txt')}`, '--format', `sarif=${out('r.sarif')}`, '--format', `gitlab=${out('q.json')}`);
  const read = (name: string): string => readFileSync(out(name), 'utf8');
  return { r, json: JSON.parse(read('d.json')), md: read('c.md'), junit: read('j.xml'), github: read('g.txt'), sarif: expectValidSarif(read('r.sarif')), gitlab: JSON.parse(read('q.json')) as Array<{ check_name: string; description: string }> };
}

test('every report lists what was not checked, one entry each, and says nothing of it when all was read', async () => {
  await fc.assert(
    fc.asyncProperty(fc.record({ modules: fc.integer({ min: 0, max: 2 }), deferred: fc.integer({ min: 0, max: 2 }) }), async (u) => {
      const { r, json, md, junit, github, sarif, gitlab } = await reports(folder(u));
      expect(r.code).toBe(1);
      const expected = [
        ...Array.from({ length: u.modules }, (_, i) => `module.m${i} from registry terraform-aws-modules/s3-bucket/aws`),
        ...Array.from({ length: u.deferred }, (_, i) => `aws_s3_bucket.d${i} `),
      ];
      const n = expected.length;
      const listed: string[] = json.not_checked ?? [];
      expect(listed).toHaveLength(n);
      expected.forEach((e, i) => expect(listed[i].startsWith(e)).toBe(true));
      // stderr still warns, once each.
      expect(r.stderr.split('\n').filter((l) => l.startsWith('leakguard: warning: not checked: '))).toHaveLength(n);
      if (n === 0) {
        expect(json).not.toHaveProperty('not_checked');
        for (const text of [r.stdout, md]) expect(text).not.toContain('item(s) not checked');
        expect(junit).not.toContain('"not-checked"');
        expect(github).not.toContain('Leakguard not checked');
        expect(sarif.runs[0]).not.toHaveProperty('invocations');
        expect(gitlab.find((i) => i.check_name === 'leakguard-run')?.description).not.toContain('not checked:');
        return;
      }
      const heading = `${n} item(s) not checked (the input could not show them to the rules, or no rule checks them yet):`;
      expect(r.stdout).toContain(heading);
      expect(md).toContain(`> ${heading}`);
      expect(junit).toContain(`<testsuite name="not-checked" tests="${n}" failures="0" errors="0" skipped="${n}">`);
      expect(sarif.runs[0].invocations?.[0].toolExecutionNotifications?.map((x) => x.message.text)).toEqual(listed.map((m) => `not checked: ${m}`));
      expect(gitlab.find((i) => i.check_name === 'leakguard-run')?.description).toContain(`not checked: ${listed.join('; ')}`);
      for (const m of listed) {
        expect(r.stdout).toContain(`  ${m}`);
        expect(md).toContain(`> - ${m.split(' ')[0]}`);
        expect(junit).toContain(`name="${m.split(' ')[0]}"`);
        expect(github).toContain(`::warning title=Leakguard not checked::${m.split(' ')[0]}`);
      }
    }),
    { numRuns: 6, examples: [[{ modules: 0, deferred: 0 }], [{ modules: 2, deferred: 2 }]] },
  );
}, 240_000);
