import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { tempDir } from './cli';

/** Synthesizes stacks with a real CDKTF App into a temp cdktf.out; returns its path. */
export function synthApp(build: (app: App) => void): string {
  const outdir = join(tempDir('leakguard-synth-'), 'cdktf.out');
  const app = new App({ outdir, stackTraces: false });
  build(app);
  app.synth();
  return outdir;
}

export function stack(app: App, name: string, body: (scope: Construct) => void): TerraformStack {
  const s = new TerraformStack(app, name);
  body(s);
  return s;
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
