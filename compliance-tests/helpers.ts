import { join } from 'node:path';
import { check } from '../src/check';
import type { Finding } from '../src/types/decision';
import { synthApp } from '../test/helpers/synth';

/** The policy config the example shop is built for (environments, accounts, central trail). */
export const SHOP_CONFIG = join(__dirname, '..', 'leakguard.config.json');

/** Synthesizes an app with the real CDKTF App into a temp cdktf.out. */
export const synth = synthApp;

export async function findingsOf(path: string, configPath = SHOP_CONFIG): Promise<Finding[]> {
  const { decision } = await check([path], { configPath, today: '2026-11-28' });
  return decision.findings;
}

export const summary = (fs: Finding[]): string[] =>
  [...new Set(fs.map((f) => `${f.resource.stack} ${f.rule_id} ${f.resource.address}`))].sort();
