import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { BoundedLogGroup } from './log-group';
import { Statement } from './policy';
import { ScopedRole } from './role';

export interface IamAuthFunctionProps extends ClassifiedProps {
  readonly name: string;
  /** Deployment package location (built by CI, not by this app). */
  readonly code: { readonly s3Bucket: string; readonly s3Key: string };
  /** What the function may do; log writing (and VPC networking) is added automatically. */
  readonly permissions?: readonly Statement[];
  readonly handler?: string;
  readonly runtime?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** Non-secret configuration only; secrets belong in Secrets Manager. */
  readonly environment?: Record<string, string>;
  readonly vpc?: { readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] };
  /** CMK for environment variables and logs; created when absent. */
  readonly kmsKey?: HardenedKey;
  readonly logRetentionDays?: number;
  /** Adds a function URL; its auth type is always AWS_IAM. */
  readonly functionUrl?: boolean;
  /** Only AWS_IAM is accepted; NONE would make the function callable by anyone. */
  readonly functionUrlAuthType?: 'AWS_IAM';
  readonly permissionsBoundaryArn?: string;
  readonly provider?: TerraformProvider;
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIAL)/i;

/**
 * Lambda function with its own least-privilege role, a bounded/encrypted/masked log group,
 * active tracing, CMK-encrypted environment, and (optionally) an IAM-authenticated URL.
 */
export class IamAuthFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: ScopedRole;
  readonly logGroup: BoundedLogGroup;
  readonly url?: LambdaFunctionUrl;

  constructor(scope: Construct, id: string, props: IamAuthFunctionProps) {
    super(scope, id);
    if (props.functionUrlAuthType !== undefined && props.functionUrlAuthType !== 'AWS_IAM') {
      throw new UnsafeConfigError(this, `function URL auth type ${JSON.stringify(props.functionUrlAuthType)} is not allowed: use AWS_IAM`);
    }
    for (const name of Object.keys(props.environment ?? {})) {
      if (SECRET_NAME.test(name)) throw new UnsafeConfigError(this, `environment variable ${name} looks like a secret: read it from Secrets Manager at runtime`);
    }
    if (!/^[a-zA-Z0-9-_]{1,64}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid function name ${JSON.stringify(props.name)}`);
    const memory = requireIntInRange(this, 'memoryMb', props.memoryMb ?? 512, 128, 10240);
    const timeout = requireIntInRange(this, 'timeoutSeconds', props.timeoutSeconds ?? 15, 1, 900);
    const provider = props.provider;

    const key = props.kmsKey ?? new HardenedKey(this, 'key', { provider, description: `CMK for Lambda ${props.name}` });
    this.logGroup = new BoundedLogGroup(this, 'logs', {
      name: `/aws/lambda/${props.name}`,
      retentionDays: props.logRetentionDays,
      kmsKey: key,
      classification: props.classification,
      tags: props.tags,
      provider,
    });
    const statements: Statement[] = [
      { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${this.logGroup.arn}:*`] },
      { sid: 'Tracing', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] },
      ...(props.vpc
        ? [{ sid: 'VpcNetworking', actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'], resources: ['*'] }]
        : []),
      // Key use is granted by identity policy; the key policy lets the account's IAM decide.
      { sid: 'FunctionKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [key.arn] },
      ...(props.permissions ?? []),
    ];
    this.role = new ScopedRole(this, 'role', {
      name: `${props.name}-fn`.slice(0, 64),
      trust: { service: 'lambda.amazonaws.com' },
      statements,
      permissionsBoundaryArn: props.permissionsBoundaryArn,
      provider,
    });

    this.fn = new LambdaFunction(this, 'function', {
      provider,
      functionName: props.name,
      role: this.role.arn,
      handler: props.handler ?? 'index.handler',
      runtime: props.runtime ?? 'nodejs20.x',
      s3Bucket: props.code.s3Bucket,
      s3Key: props.code.s3Key,
      memorySize: memory,
      timeout,
      kmsKeyArn: key.arn,
      environment: props.environment ? { variables: props.environment } : undefined,
      vpcConfig: props.vpc ? { subnetIds: [...props.vpc.subnetIds], securityGroupIds: [...props.vpc.securityGroupIds] } : undefined,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name, applicationLogLevel: 'INFO', systemLogLevel: 'WARN' },
      tags: dataTags(this, props),
    });
    if (props.functionUrl) {
      this.url = new LambdaFunctionUrl(this, 'url', { provider, functionName: this.fn.functionName, authorizationType: 'AWS_IAM' });
    }
  }
}
