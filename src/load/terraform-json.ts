import { InputError } from '../errors';
import { isObject, readJson } from './read-file';
import type { Loader } from './types';
import { basename, dirname, resolve } from 'node:path';

// `terraform show -json` output carries format_version "<major>.<minor>"; we read major 0 and 1.
const SUPPORTED_MAJOR = new Set(['0', '1']);

function checkFormatVersion(path: string, json: Record<string, unknown>): void {
  const v = json.format_version;
  if (typeof v !== 'string' || !/^\d+\.\d+$/.test(v)) {
    throw new InputError(`${path}: missing or malformed format_version (expected "1.x" from terraform show -json)`);
  }
  if (!SUPPORTED_MAJOR.has(v.split('.')[0])) {
    throw new InputError(`${path}: unsupported format_version "${v}" (supported: 0.x and 1.x)`);
  }
}

/**
 * A plan or state belongs to the root module it was made from, so its stack is named after
 * the folder holding it, as an HCL folder is: never after the file, or `plan-pr-42.json`
 * would be another stack than `plan.json` and every finding would change identity.
 * `--stack-name` and `--source-dir` name it otherwise (src/load/index.ts).
 */
function stackName(path: string): string {
  return basename(dirname(resolve(path)));
}

export function looksLikePlan(json: unknown): boolean {
  return isObject(json) && 'format_version' in json && ('planned_values' in json || 'resource_changes' in json);
}

export function looksLikeState(json: unknown): boolean {
  if (!isObject(json)) return false;
  const showJson = 'format_version' in json && 'values' in json && !looksLikePlan(json);
  const rawState = typeof json.version === 'number' && Array.isArray(json.resources) && 'terraform_version' in json;
  return showJson || rawState || ('format_version' in json && Object.keys(json).every((k) => k === 'format_version' || k === 'terraform_version'));
}

/**
 * A plan Terraform could not finish (`errored`) holds planned values for only the resources it
 * got to, and deferred changes (`deferred_changes`, planned after a later apply) are in
 * neither list the rules read: checking either would pass resources nobody looked at.
 * Terraform writes planned_values from resource_changes (every change's object but a
 * delete's), so planned objects with no change listed at all are a plan whose changes were
 * taken out: each object's unknown-until-apply and sensitive marks went with them, and a
 * value unknown at plan time would read as one left unset (a refresh-only plan plans no
 * object). PlanLists (normalize/from-plan.ts) pairs them one by one where changes are listed.
 */
function checkComplete(path: string, plan: Record<string, unknown>): void {
  if (plan.errored === true) throw new InputError(`${path}: the plan is errored (terraform could not finish planning), so its planned values are incomplete: fix the errors and plan again`);
  const deferred = plan.deferred_changes;
  if (Array.isArray(deferred) && deferred.length > 0) {
    throw new InputError(`${path}: the plan defers ${deferred.length} change(s) to a later plan (deferred_changes); their resources are not in it and cannot be checked: apply, then plan again`);
  }
  const changes = plan.resource_changes;
  const planned = plannedObjects(isObject(plan.planned_values) ? plan.planned_values.root_module : undefined);
  if (planned > 0 && !(Array.isArray(changes) && changes.length > 0)) {
    throw new InputError(
      `${path}: planned_values lists ${planned} resource(s) but resource_changes lists none, which terraform show -json never writes: ` +
        'the changes (what is unknown until apply, what is sensitive) were taken out, so the plan cannot be checked',
    );
  }
}

/** Resources of a planned_values module and its child modules. */
function plannedObjects(module: unknown): number {
  if (!isObject(module)) return 0;
  let n = Array.isArray(module.resources) ? module.resources.length : 0;
  for (const c of Array.isArray(module.child_modules) ? module.child_modules : []) n += plannedObjects(c);
  return n;
}

export const planLoader: Loader = {
  format: 'plan',
  detect: (_path, isDir, json) => !isDir && looksLikePlan(json),
  async load(path, json) {
    const plan = json ?? readJson(path);
    if (!isObject(plan) || !('planned_values' in plan || 'resource_changes' in plan)) {
      throw new InputError(`${path}: not a terraform show -json plan (no planned_values or resource_changes)`);
    }
    checkFormatVersion(path, plan);
    checkComplete(path, plan);
    return [{ kind: 'plan', format: 'plan', stack: stackName(path), file: path, plan }];
  },
};

export const stateLoader: Loader = {
  format: 'state',
  detect: (_path, isDir, json) => !isDir && looksLikeState(json),
  async load(path, json) {
    const state = json ?? readJson(path);
    if (!isObject(state) || !looksLikeState(state)) throw new InputError(`${path}: not a Terraform state (neither terraform show -json nor a .tfstate)`);
    if ('format_version' in state) checkFormatVersion(path, state);
    else if (state.version !== 4) throw new InputError(`${path}: unsupported .tfstate version ${String(state.version)} (supported: 4)`);
    return [{ kind: 'state', format: 'state', stack: stackName(path), file: path, state }];
  },
};
