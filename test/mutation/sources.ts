import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyInput, Resource } from '../../src/types/policy-input';
import { buildLeakyApp } from '../../stacks/leaky';
import { PLANS } from '../helpers/cli';
import { synthApp } from '../helpers/synth';

type Json = Record<string, unknown>;

/** One input document the tool reads as a file: a `terraform show -json` plan or a Terraform JSON config. */
export interface Source {
  name: string;
  kind: 'plan' | 'config';
  /** File name; the stack name comes from it. */
  file: string;
  doc: Json;
  config?: string;
}

const ACTIONS: Record<string, string[]> = { none: ['no-op'], replace: ['delete', 'create'] };

/** A marker tree (`{a: {b: true}}`) from dotted paths. */
function tree(paths: string[]): Json {
  const root: Json = {};
  for (const p of paths) {
    const ks = p.split('.');
    let node = root;
    ks.forEach((k, i) => {
      if (i === ks.length - 1) node[k] = true;
      else node = (typeof node[k] === 'object' && node[k] !== null ? node[k] : (node[k] = {})) as Json;
    });
  }
  return root;
}

function expressions(r: Resource, stack: string): Json {
  const out: Json = {};
  for (const [attr, targets] of Object.entries(r.references)) {
    const refs = targets.filter((t) => t.startsWith(`${stack}/`)).map((t) => t.slice(stack.length + 1).replace(/\[[^\]]*\]$/, ''));
    if (refs.length === 0) continue;
    const ks = attr.split('.');
    let node = out;
    ks.forEach((k, i) => {
      if (i === ks.length - 1) node[k] = { references: refs };
      else node = (typeof node[k] === 'object' && node[k] !== null ? node[k] : (node[k] = {})) as Json;
    });
  }
  return out;
}

/**
 * A normalized rule fixture (test/policies/fixtures) as the `terraform show -json` plans it
 * came from, one per stack: values, unknown marks, actions, provider regions and references
 * (as configuration expressions). Tags the fixture merged from provider defaults become tags_all.
 */
export function fixtureToPlans(input: PolicyInput): Array<{ stack: string; plan: Json }> {
  const byStack = new Map<string, Resource[]>();
  for (const r of Object.values(input.resources)) byStack.set(r.stack, [...(byStack.get(r.stack) ?? []), r]);
  return [...byStack].map(([stack, resources]) => {
    const providers: Json = {};
    for (const r of resources) {
      const cloud = r.cloud === 'azure' ? 'azurerm' : r.cloud === 'aws' ? 'aws' : r.type.split('_')[0];
      const [name, alias] = r.provider.split('.');
      providers[r.provider] ??= { name: name || cloud, ...(alias ? { alias } : {}), expressions: r.region && cloud === 'aws' ? { region: { constant_value: r.region } } : {} };
    }
    const planned = (r: Resource): Json => ({
      address: r.address,
      mode: r.mode,
      type: r.type,
      name: r.name,
      ...(r.index === null ? {} : { index: r.index }),
      provider_name: `registry.terraform.io/hashicorp/${r.cloud === 'azure' ? 'azurerm' : r.type.split('_')[0]}`,
      values: { ...r.values, ...(Object.keys(r.tags).length > 0 && !('tags_all' in r.values) && r.cloud === 'aws' ? { tags_all: r.tags } : {}) },
      sensitive_values: {},
    });
    const modules = [...new Set(resources.map((r) => r.module).filter(Boolean))];
    return {
      stack,
      plan: {
        format_version: '1.2',
        terraform_version: '1.11.4',
        planned_values: {
          root_module: {
            resources: resources.filter((r) => !r.module).map(planned),
            child_modules: modules.map((m) => ({ address: m, resources: resources.filter((r) => r.module === m).map(planned) })),
          },
        },
        resource_changes: resources.map((r) => ({
          address: r.address,
          mode: r.mode,
          type: r.type,
          name: r.name,
          // `after` as Terraform writes it: the planned object, the same as planned_values holds.
          change: { actions: ACTIONS[r.action] ?? [r.action], before: null, after: planned(r).values, after_unknown: tree(r.unknown), after_sensitive: {} },
        })),
        configuration: {
          provider_config: providers,
          root_module: {
            resources: [...new Map(resources.filter((r) => !r.module).map((r) => [r.address.replace(/\[[^\]]*\]$/, ''), r])).entries()].map(([address, r]) => ({
              address,
              mode: r.mode,
              type: r.type,
              name: r.name,
              provider_config_key: r.provider,
              expressions: expressions(r, stack),
            })),
          },
        },
      },
    };
  });
}

export function ruleFixtureSources(dir: string): Source[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const input = JSON.parse(readFileSync(join(dir, f), 'utf8')) as PolicyInput;
      return fixtureToPlans(input).map(({ stack, plan }) => ({ name: `fixture ${f.replace(/\.json$/, '')} (${stack})`, kind: 'plan' as const, file: `${stack}.json`, doc: plan }));
    });
}

export function publicPlanSources(): Source[] {
  return readdirSync(PLANS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `plan ${f}`, kind: 'plan' as const, file: f, doc: JSON.parse(readFileSync(join(PLANS, f), 'utf8')) as Json }));
}

/** The deliberately leaky CDKTF app, each stack's cdk.tf.json on its own, with the app's config. */
export function leakySources(config: string): Source[] {
  const out = synthApp((app) => buildLeakyApp(app));
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
  return Object.entries(manifest.stacks).map(([name, s]) => ({
    name: `leaky ${name}`,
    kind: 'config' as const,
    file: `${name}.tf.json`,
    doc: JSON.parse(readFileSync(join(out, s.synthesizedStackPath), 'utf8')) as Json,
    config,
  }));
}
