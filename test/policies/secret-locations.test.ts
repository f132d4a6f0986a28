// Places a secret was written where the secret scan did not look, found by an audit of public
// Terraform (session 32): a Batch job's multinode, ECS and EKS containers, an EventBridge
// connection's API key and secret invocation headers, a Step Functions definition. Every one of
// them is flagged, and the controls beside them still are; test/policies/same-verdict.test.ts
// holds a real terraform plan of the same folders to the same findings.
import { join } from 'node:path';
import { check } from '../../src/check';

const DIR = join(__dirname, 'same-verdict');
const CASES: Record<string, string[]> = {
  'audit-batch-job-properties-secrets': ['aws_batch_job_definition.container', 'aws_batch_job_definition.ecs', 'aws_batch_job_definition.eks', 'aws_batch_job_definition.multinode'],
  'audit-event-connection-secrets': ['aws_cloudwatch_event_connection.api_key', 'aws_cloudwatch_event_connection.basic', 'aws_cloudwatch_event_connection.header'],
  'audit-sfn-definition-secret': ['aws_lambda_function.control', 'aws_sfn_state_machine.this'],
  // Session 33: the headers a CloudFront distribution sends its origins.
  'audit-cloudfront-custom-header-secret': ['aws_cloudfront_distribution.api'],
  // Session 34: a Splunk HEC token (shown in plans), a Glue job's script arguments and a Glue
  // connection's properties; the job whose arguments a sensitive variable gives is not flagged.
  'audit-pipeline-credentials': ['aws_glue_connection.orders_db', 'aws_glue_job.orders_export', 'aws_glue_job.orders_import', 'aws_kinesis_firehose_delivery_stream.logs_to_splunk'],
};

test.each(Object.entries(CASES))('%s: every place that holds the secret is flagged', async (name, expected) => {
  const { decision } = await check([join(DIR, name)], { today: '2026-11-28' });
  expect(decision.findings.filter((f) => f.rule_id === 'aws-secret-in-code').map((f) => f.resource.address).sort()).toEqual(expected);
});
