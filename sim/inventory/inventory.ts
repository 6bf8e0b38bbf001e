/**
 * The whole simulated inventory as a set of lazily generated collections. Building it costs a few
 * hundred small objects whatever the size; items are computed when a page or the truth asks.
 */
import { gcpRegions, type Layout } from '../layout.ts';
import { hashString, Rng } from '../util/rng.ts';
import { AWS_KINDS } from './aws.ts';
import type { Collection, InventoryView, Scope } from './collection.ts';
import { GCP_KINDS } from './gcp.ts';
import type { GenContext, KindSpec, ScopeLevel } from './kind.ts';
import { KUBE_KINDS } from './kubernetes.ts';
import { apportion, evenShare } from './mix.ts';

/** Every kind the simulator serves. */
export const ALL_KINDS: readonly KindSpec[] = [...AWS_KINDS, ...GCP_KINDS, ...KUBE_KINDS];

/** The inventory: collections by kind and scope. */
export class Inventory implements InventoryView {
  readonly layout: Layout;
  readonly seed: number;
  readonly all: readonly Collection[];
  readonly #byKey = new Map<string, Collection[]>();

  constructor(layout: Layout, seed: number, resources: number) {
    this.layout = layout;
    this.seed = seed;
    const scopes = new Map<ScopeLevel, Scope[]>();
    const scopesOf = (level: ScopeLevel) => {
      let list = scopes.get(level);
      if (!list) {
        list = scopesAt(layout, level);
        scopes.set(level, list);
      }
      return list;
    };
    const fixed = ALL_KINDS.map((spec) =>
      spec.fixedPerScope ? scopesOf(spec.level).map((s) => spec.fixedPerScope?.(layout, s) ?? 0) : undefined,
    );
    let fixedLeft = resources;
    const fixedCounts = fixed.map((list) =>
      list?.map((n) => {
        const take = Math.min(n, fixedLeft);
        fixedLeft -= take;
        return take;
      }),
    );
    const shares = apportion(
      fixedLeft,
      ALL_KINDS.map((spec) => (spec.fixedPerScope ? 0 : spec.weight)),
    );
    const all: Collection[] = [];
    ALL_KINDS.forEach((spec, k) => {
      const list = scopesOf(spec.level);
      list.forEach((scope, s) => {
        const count = fixedCounts[k]?.[s] ?? evenShare(shares[k] as number, s, list.length);
        const collection = this.#collection(spec, scope, count);
        all.push(collection);
        const key = lookupKey(spec.kind, scope);
        this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), collection]);
      });
    });
    this.all = all;
  }

  collections(kind: string, scope: Scope): readonly Collection[] {
    return this.#byKey.get(lookupKey(kind, scope)) ?? [];
  }

  /** Number of resources of each type. */
  countsByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of this.all) counts[c.type] = (counts[c.type] ?? 0) + c.count;
    return counts;
  }

  #collection(spec: KindSpec, scope: Scope, count: number): Collection {
    const stream = hashString(`${this.seed}|${spec.kind}|${lookupKey('', scope)}`);
    const context = (index: number): GenContext => ({
      seed: this.seed,
      scope,
      index,
      count,
      stream,
      rng: new Rng(stream, index),
      inventory: this,
      layout: this.layout,
    });
    return {
      kind: spec.kind,
      type: spec.type,
      scope,
      count,
      stream,
      key: (index) => spec.key(context(index)),
      uid: (index) => spec.uid(scope, spec.key(context(index))),
      item: (index) => {
        const ctx = context(index);
        return spec.item(ctx, spec.key(ctx));
      },
    };
  }
}

function lookupKey(kind: string, scope: Scope): string {
  return `${kind}|${scope.provider}|${scope.account}|${scope.region ?? ''}|${scope.zone ?? ''}|${scope.namespace ?? ''}`;
}

/** Every scope at one level of the layout, in a stable order. */
function scopesAt(layout: Layout, level: ScopeLevel): Scope[] {
  switch (level) {
    case 'aws-account':
      return layout.awsAccounts.map((a) => ({ provider: 'aws', account: a.id }));
    case 'aws-region':
      return layout.awsAccounts.flatMap((a) =>
        layout.awsRegions.map((region) => ({ provider: 'aws' as const, account: a.id, region })),
      );
    case 'gcp-project':
      return layout.gcpProjects.map((account) => ({ provider: 'gcp', account }));
    case 'gcp-region':
      return layout.gcpProjects.flatMap((account) =>
        gcpRegions(layout).map((region) => ({ provider: 'gcp' as const, account, region })),
      );
    case 'gcp-zone':
      return layout.gcpProjects.flatMap((account) =>
        layout.gcpZones.map((zone) => ({ provider: 'gcp' as const, account, zone })),
      );
    case 'k8s-cluster':
      return layout.clusters.map((c) => ({ provider: 'kubernetes', account: c.name }));
    case 'k8s-namespace':
      return layout.clusters.flatMap((c) =>
        c.namespaces.map((namespace) => ({ provider: 'kubernetes' as const, account: c.name, namespace })),
      );
  }
}
