// A stand-in for AWS STS on localhost, so an offline `terraform plan` can read
// `data "aws_caller_identity"` (hashicorp/aws calls GetCallerIdentity during plan), as most real
// configurations do to build ARNs. The provider is pointed at it with AWS_ENDPOINT_URL_STS.
// It also answers Step Functions (AWS_ENDPOINT_URL_SFN): hashicorp/aws asks it to validate a
// state machine's definition during plan, and it finds nothing wrong.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli';

export const ACCOUNT_ID = '123456789012';

const SERVER = `
const http = require('http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (String(req.headers['x-amz-target'] || '').startsWith('AWSStepFunctions.')) {
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' });
      return res.end(JSON.stringify({ result: 'OK', diagnostics: [], truncated: false }));
    }
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
      '<Arn>arn:aws:iam::${ACCOUNT_ID}:user/leakguard-offline</Arn><UserId>AIDAOFFLINEPLAN</UserId><Account>${ACCOUNT_ID}</Account>' +
      '</GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></GetCallerIdentityResponse>');
  });
});
server.listen(0, '127.0.0.1', () => require('fs').writeFileSync(process.argv[1], String(server.address().port)));
`;

/** Starts the stand-in; returns its URL and a function that stops it. */
export function startSts(): { url: string; stop: () => void } {
  const portFile = join(tempDir('leakguard-sts-'), 'port');
  const child = spawn(process.execPath, ['-e', SERVER, portFile], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8') === '') {
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('the STS stand-in did not start within 10 s');
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  return { url: `http://127.0.0.1:${readFileSync(portFile, 'utf8')}`, stop: () => child.kill() };
}
