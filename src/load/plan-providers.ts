import { isObject as isJson } from './read-file';
import type { Json } from './types';

// A plan writes a provider block's arguments as expressions, not values: a constant, or the
// references of anything else. The region the rules place resources in is then known from
// the plan alone for a constant or a variable (the root's value, or what a module's call
// passes in, followed up to the root); a local (`region = local.region`, as every
// terraform-aws-modules example writes it) is not in a plan at all. With the folder the plan
// was made from at hand, that folder is evaluated once, with the plan's own variable values,
// for the regions the plan cannot show.

/** The call of a module (`module.a.module.b`) in the plan's configuration, and its caller's address. */
function moduleCall(plan: Json, address: string): { call: Json; caller: string } | undefined {
  const names = address.split('.').filter((_, i) => i % 2 === 1);
  let module: unknown = isJson(plan.configuration) ? plan.configuration.root_module : undefined;
  let call: unknown;
  for (const name of names) {
    const calls = isJson(module) && isJson(module.module_calls) ? module.module_calls : {};
    call = calls[name];
    module = isJson(call) ? call.module : undefined;
  }
  return isJson(call) ? { call, caller: names.slice(0, -1).map((n) => `module.${n}`).join('.') } : undefined;
}

/**
 * The value of an expression of the module at `moduleAddress` ('' for the root) that the plan
 * holds: a constant, or a variable alone (`var.region`, or an attribute of one, `var.auth.region`,
 * whose references a plan lists with their prefixes: `var.auth.region`, `var.auth`) followed
 * through the module calls to the root's values. Undefined otherwise.
 */
export function planValue(plan: Json, expr: unknown, moduleAddress: string): unknown {
  if (!isJson(expr)) return undefined;
  if ('constant_value' in expr) return expr.constant_value;
  const refs = (Array.isArray(expr.references) ? expr.references : []).filter((r): r is string => typeof r === 'string');
  const ref = refs.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!/^var(\.[A-Za-z_][\w-]*)+$/.test(ref) || !refs.every((r) => r === ref || ref.startsWith(`${r}.`))) return undefined;
  const [name, ...attrs] = ref.split('.').slice(1);
  const at = (v: unknown): unknown => attrs.reduce<unknown>((x, k) => (isJson(x) ? x[k] : undefined), v);
  if (moduleAddress === '') {
    const v = isJson(plan.variables) ? plan.variables[name] : undefined;
    return isJson(v) ? at(v.value) : undefined;
  }
  const found = moduleCall(plan, moduleAddress);
  const exprs = found && isJson(found.call.expressions) ? found.call.expressions : {};
  return found ? at(planValue(plan, exprs[name], found.caller)) : undefined;
}

/** provider_config entries (key → entry) of a plan. */
export function providerConfigs(plan: Json): Array<[string, Json]> {
  const config = isJson(plan.configuration) && isJson(plan.configuration.provider_config) ? plan.configuration.provider_config : {};
  return Object.entries(config).filter((e): e is [string, Json] => isJson(e[1]));
}

/** An AWS provider's region as the plan holds it: a string, or undefined (none written, or not in the plan). */
export function planRegion(plan: Json, p: Json): unknown {
  const exprs = isJson(p.expressions) ? p.expressions : {};
  return planValue(plan, exprs.region, typeof p.module_address === 'string' ? p.module_address : '');
}

/** AWS provider blocks whose region is written but not held by the plan (a local, a function of other values). */
export function unresolvedRegions(plan: Json): string[] {
  return providerConfigs(plan)
    .filter(([, p]) => p.name === 'aws' && isJson(p.expressions) && p.expressions.region !== undefined && typeof planRegion(plan, p) !== 'string')
    .map(([key]) => key);
}

