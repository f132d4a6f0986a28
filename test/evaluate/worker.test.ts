import { join } from 'node:path';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { loadCompiledPolicy } from '../../src/evaluate/policy';
import { PLANS } from '../helpers/cli';

// check() evaluates on a worker thread (so a progress spinner keeps turning); it must give
// exactly the decision of the in-thread evaluation.
test('evaluation on a worker thread equals evaluation in the main thread', async () => {
  const policy = await loadCompiledPolicy();
  const data = { config: {}, waivers: [], context: { today: '2026-11-28' } };
  for (const plan of ['aws-s3-bucket-policy-tf1.0.json', 'azure-nsg-and-rules-tf0.13.json', 'aws-lambda-iam-sg-delete-update-drift-tf1.0.json']) {
    const input = normalize(await loadPaths([join(PLANS, plan)]));
    const inThread = policy.evaluate(input, data);
    expect(inThread.findings.length).toBeGreaterThan(0);
    await expect(policy.evaluateInWorker(input, data)).resolves.toEqual(inThread);
  }
});
