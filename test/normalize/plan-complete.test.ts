import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../src/errors';
import { planLoader } from '../../src/load/terraform-json';
import { fromPlan } from '../../src/normalize/from-plan';
import type { PlanDocument } from '../../src/load/types';

// The rules read planned_values; resource_changes says what happens to each object. A change
// that leaves an object in place (create, update, replace, no-op, read) without its
// planned_values entry is a resource no rule would see, and a planned object whose change
// deletes it one no estate rule would count: the plan is refused, naming it. Only a delete
// leaves an object out (a forget may or may not). Generated over every public plan's entries.

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const DIRS = [join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'plans'), join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'drift')];
const plans = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => join(d, f)))
  .map((file) => ({ file, doc: JSON.parse(readFileSync(file, 'utf8')) as Json }))
  .filter((p) => 'format_version' in p.doc && ('planned_values' in p.doc || 'resource_changes' in p.doc));

/** Every module of planned_values (the root and child modules), each with its resources list. */
function modules(m: unknown, out: Json[] = []): Json[] {
  if (!isObj(m)) return out;
  out.push(m);
  for (const c of Array.isArray(m.child_modules) ? m.child_modules : []) modules(c, out);
  return out;
}

const entries = (doc: Json): Json[] => modules(isObj(doc.planned_values) ? doc.planned_values.root_module : undefined).flatMap((m) => (Array.isArray(m.resources) ? (m.resources as Json[]) : []));
const changeOf = (doc: Json, address: unknown): Json | undefined =>
  (Array.isArray(doc.resource_changes) ? (doc.resource_changes as Json[]) : []).find((c) => c.address === address && c.deposed === undefined);
const actionsOf = (c: Json | undefined): string[] => ((c?.change as Json | undefined)?.actions as string[] | undefined) ?? [];

function drop(doc: Json, address: unknown): void {
  for (const m of modules(isObj(doc.planned_values) ? doc.planned_values.root_module : undefined)) {
    if (Array.isArray(m.resources)) m.resources = (m.resources as Json[]).filter((r) => r.address !== address);
  }
}

const normalizeOf = (file: string, plan: Json): (() => unknown) => () => fromPlan({ kind: 'plan', format: 'plan', stack: 's', file, plan } as PlanDocument);
const load = (file: string, plan: Json): Promise<unknown> => planLoader.load(file, plan) as Promise<unknown>;

// Every planned entry of every public plan whose change keeps the object.
const kept = plans.flatMap((p) => entries(p.doc).map((e) => ({ ...p, address: e.address, actions: actionsOf(changeOf(p.doc, e.address)) }))).filter((k) => k.actions.length > 0);

describe('a plan whose planned_values miss an object a change keeps is refused', () => {
  it('has public plans with such entries to drop (the property below means something)', () => {
    expect(kept.length).toBeGreaterThan(100);
    expect([...new Set(kept.flatMap((k) => k.actions))].sort()).toEqual(expect.arrayContaining(['create', 'no-op', 'update']));
  });

  it('normalizes every public plan as it is (no real plan is refused)', () => {
    for (const p of plans) expect(normalizeOf(p.file, p.doc)).not.toThrow();
  });

  it('refuses, naming the file and the resource, when any such entry is dropped (generated: plan, entries, modules)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 0, maxLength: 3 }), (pick, more) => {
        const k = kept[pick % kept.length];
        const doc = clone(k.doc);
        drop(doc, k.address);
        // Others of the same plan may go too: the first missing in resource_changes' order is named.
        const others = entries(k.doc).filter((e) => actionsOf(changeOf(k.doc, e.address)).length > 0);
        for (const n of more) drop(doc, others[n % others.length].address);
        const order = (k.doc.resource_changes as Json[]).map((c) => c.address).filter((a) => !entries(doc).some((e) => e.address === a));
        const missing = order.find((a) => !actionsOf(changeOf(k.doc, a)).every((x) => x === 'delete' || x === 'forget'));
        let error: unknown;
        try {
          normalizeOf(k.file, doc)();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(InputError);
        const message = (error as Error).message;
        expect(message).toContain(k.file);
        expect(message).toContain(`resource ${String(missing)} is planned to`);
        expect(message).toContain('no entry in planned_values');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses, naming the resource, a planned object whose change deletes it (generated: plan, entry)', () => {
    fc.assert(
      fc.property(fc.nat(), (pick) => {
        const k = kept[pick % kept.length];
        const doc = clone(k.doc);
        (changeOf(doc, k.address)!.change as Json).actions = ['delete'];
        expect(normalizeOf(k.file, doc)).toThrow(new InputError(`${k.file}: resource ${String(k.address)} is planned to delete in resource_changes but still has an entry in planned_values: the plan was altered or cut short`));
        // A forgotten object (removed from the state, left in the cloud) may be listed or not.
        (changeOf(doc, k.address)!.change as Json).actions = ['forget'];
        expect(normalizeOf(k.file, doc)).not.toThrow();
        drop(doc, k.address);
        expect(normalizeOf(k.file, doc)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('accepts a plan whose only missing objects are deleted or forgotten ones', () => {
    let deletes = 0;
    for (const p of plans) {
      const doc = clone(p.doc);
      const changes = Array.isArray(doc.resource_changes) ? (doc.resource_changes as Json[]) : [];
      // Turn each kept object's change into a delete or a forget and drop its entry: as Terraform writes them.
      changes.forEach((c, i) => {
        if (c.deposed !== undefined || !entries(doc).some((e) => e.address === c.address)) return;
        (c.change as Json).actions = [i % 2 === 0 ? 'delete' : 'forget'];
        drop(doc, c.address);
        deletes++;
      });
      expect(normalizeOf(p.file, doc)).not.toThrow();
    }
    expect(deletes).toBeGreaterThan(100);
  });
});

describe('a planned object without its change, or a current change dressed as a deposed one, is refused', () => {
  // A plan listing other changes (planned values alone, as drift's worlds are made, pair nothing).
  const withOthers = kept.filter((k) => (k.doc.resource_changes as Json[]).filter((c) => c.deposed === undefined).length > 1);

  it('refuses, naming the resource, a planned object whose change was taken out of a plan listing others (generated)', () => {
    expect(withOthers.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.nat(), (pick) => {
        const k = withOthers[pick % withOthers.length];
        const doc = clone(k.doc);
        doc.resource_changes = (doc.resource_changes as Json[]).filter((c) => c.address !== k.address || c.deposed !== undefined);
        expect(normalizeOf(k.file, doc)).toThrow(new InputError(`${k.file}: resource ${String(k.address)} has an entry in planned_values but no change in resource_changes: the plan was altered or cut short`));
        // Every change taken out: planned values alone pair nothing (drift's worlds are made so);
        // a file like it is refused when loaded (below).
        doc.resource_changes = [];
        expect(normalizeOf(k.file, doc)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a deposed change that creates or updates, and accepts one that deletes, forgets or finds nothing (generated)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(['create'], ['update'], ['read'], ['delete', 'create']), fc.constantFrom(['delete'], ['forget'], ['no-op']), (pick, wrong, right) => {
        const k = kept[pick % kept.length];
        const doc = clone(k.doc);
        const current = changeOf(doc, k.address)!;
        const deposed: Json = { ...clone(current), deposed: 'a1b2c3d4' };
        (deposed.change as Json).actions = wrong;
        doc.resource_changes = [...(doc.resource_changes as Json[]), deposed];
        expect(normalizeOf(k.file, doc)).toThrow(new InputError(`${k.file}: resource ${String(k.address)} change actions of a deposed object must be delete, forget or no-op, not ${wrong.join(' and ')}`));
        (deposed.change as Json).actions = right;
        expect(normalizeOf(k.file, doc)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

test('a planned object wholly unknown until apply, with no values, is refused (generated)', () => {
  fc.assert(
    fc.property(fc.nat(), (pick) => {
      const k = kept[pick % kept.length];
      const doc = clone(k.doc);
      const change = changeOf(doc, k.address)!.change as Json;
      change.after_unknown = true;
      change.after = null;
      const entry = entries(doc).find((e) => e.address === k.address)!;
      delete entry.values;
      expect(normalizeOf(k.file, doc)).toThrow(new InputError(`${k.file}: resource ${String(k.address)} is wholly unknown until apply (after_unknown is true) and has no values: nothing about it can be checked`));
    }),
    { numRuns: 100 },
  );
});

describe("a planned object missing an attribute its change holds is refused", () => {
  // Every planned entry whose change holds attributes (after is an object): [plan, entry, attribute].
  const held = kept.flatMap((k) => {
    const after = (changeOf(k.doc, k.address)?.change as Json | undefined)?.after;
    return isObj(after) ? Object.keys(after).map((attribute) => ({ ...k, attribute })) : [];
  });

  it('has public plans with such attributes (the property below means something)', () => {
    expect(held.length).toBeGreaterThan(1000);
  });

  it('refuses, naming the file, the resource and the attribute, when any of them is taken out of values (generated)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), (pick, allValues) => {
        const h = held[pick % held.length];
        const doc = clone(h.doc);
        const entry = entries(doc).find((e) => e.address === h.address)!;
        // One attribute taken out, or the whole values object (Terraform omits it when empty).
        if (allValues) delete entry.values;
        else delete (entry.values as Json)[h.attribute];
        const after = (changeOf(doc, h.address)!.change as Json).after as Json;
        const missing = allValues ? Object.keys(after)[0] : h.attribute;
        expect(normalizeOf(h.file, doc)).toThrow(new InputError(`${h.file}: resource ${String(h.address)} has no ${missing} in planned_values, which its change in resource_changes holds: the plan was altered or cut short`));
        // The same attribute taken out of both lists (as Terraform writes an unknown one, marked): accepted.
        if (!allValues) {
          delete after[h.attribute];
          ((changeOf(doc, h.address)!.change as Json).after_unknown as Json)[h.attribute] = true;
          expect(normalizeOf(h.file, doc)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a plan whose resource_changes were all taken out is refused when loaded', () => {
  // Terraform writes planned_values from the changes: planned objects and no change at all is
  // a plan cut down, its unknown-until-apply and sensitive marks gone with the changes.
  const withObjects = plans.filter((p) => entries(p.doc).length > 0);

  it('has public plans with planned objects, in child modules too (the property below means something)', () => {
    expect(withObjects.length).toBeGreaterThan(15);
    const childModules = (doc: Json): number => modules(isObj(doc.planned_values) ? doc.planned_values.root_module : undefined).length - 1;
    expect(withObjects.some((p) => childModules(p.doc) > 0)).toBe(true);
  });

  it('refuses, naming the file and counting the objects, with the list emptied or absent and any objects left (generated)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), fc.array(fc.nat(), { maxLength: 3 }), async (pick, absent, drops) => {
        const p = withObjects[pick % withObjects.length];
        const doc = clone(p.doc);
        if (absent) delete doc.resource_changes;
        else doc.resource_changes = [];
        // Some objects may go too, never all: the count is what is left, modules included.
        for (const n of drops) {
          const left = entries(doc);
          if (left.length > 1) drop(doc, left[n % left.length].address);
        }
        const count = entries(doc).length;
        await expect(load(p.file, doc)).rejects.toThrow(
          new InputError(
            `${p.file}: planned_values lists ${count} resource(s) but resource_changes lists none, which terraform show -json never writes: ` +
              'the changes (what is unknown until apply, what is sensitive) were taken out, so the plan cannot be checked',
          ),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('loads a plan that plans no object (refresh-only plans: real ones in the drift fixtures), with the list empty or absent', async () => {
    const none = plans.filter((p) => entries(p.doc).length === 0);
    expect(none.map((p) => p.file.split('/').pop())).toEqual(expect.arrayContaining(['refresh-only-benign-tags.json', 'refresh-only-retention-and-rotation-off.json']));
    for (const p of none) {
      await expect(load(p.file, p.doc)).resolves.toBeDefined();
      await expect(load(p.file, { ...p.doc, resource_changes: [] })).resolves.toBeDefined();
    }
  });
});

describe('a plan Terraform did not finish is refused', () => {
  it.each(plans.map((p) => [p.file.split('/').pop()!, p] as const))('%s: errored, or with deferred changes: exit 2 with one line; as written: loads', async (_name, p) => {
    await expect(load(p.file, p.doc)).resolves.toBeDefined();
    await expect(load(p.file, { ...p.doc, errored: false, deferred_changes: [] })).resolves.toBeDefined();
    await expect(load(p.file, { ...p.doc, errored: true })).rejects.toThrow(new InputError(`${p.file}: the plan is errored (terraform could not finish planning), so its planned values are incomplete: fix the errors and plan again`));
    const deferred = { ...p.doc, deferred_changes: [{ reason: 'provider_config_unknown', resource_change: changeOf(p.doc, entries(p.doc)[0]?.address) ?? {} }] };
    await expect(load(p.file, deferred)).rejects.toThrow(/the plan defers 1 change\(s\) to a later plan \(deferred_changes\); their resources are not in it and cannot be checked/);
  });
});
