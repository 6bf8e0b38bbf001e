/**
 * A kind spec says how to generate one resource type: its share of the inventory, the scope its
 * collections live in, and how to derive the key, uid and API object of item i.
 */
import type { Layout } from '../layout.ts';
import type { ItemContext, Provider, Scope } from './collection.ts';

/** The level at which a kind's collections are cut. */
export type ScopeLevel =
  | 'aws-region'
  | 'aws-account'
  | 'gcp-zone'
  | 'gcp-region'
  | 'gcp-project'
  | 'k8s-cluster'
  | 'k8s-namespace';

/** Context for generators, with the layout (a bucket picks its home region from it). */
export interface GenContext extends ItemContext {
  readonly layout: Layout;
}

/** How to generate one resource type. */
export interface KindSpec {
  /** Internal name: `ec2.instance`, `k8s.pod`. */
  readonly kind: string;
  /** The Terraform type name (CONTRACT.md section 1). */
  readonly type: string;
  readonly provider: Provider;
  readonly level: ScopeLevel;
  /** Share of the resource count, in per cent of all resources. */
  readonly weight: number;
  /** A fixed count per scope instead of a share (Kubernetes namespaces follow the layout). */
  readonly fixedPerScope?: (layout: Layout, scope: Scope) => number;
  /** Id or name of item i; must increase strictly with i within one collection. */
  key(ctx: GenContext): string;
  /** The canonical uid given the key. */
  uid(scope: Scope, key: string): string;
  /** The API object. */
  item(ctx: GenContext, key: string): Record<string, unknown>;
}

/** Fixed "now" of the simulated world, so timestamps never depend on the clock. */
export const WORLD_EPOCH = Date.UTC(2026, 0, 1);

/** An ISO timestamp up to `maxDays` before the world's epoch, whole seconds. */
export function pastIso(ctx: GenContext, maxDays: number): string {
  const seconds = ctx.rng.int(3600, maxDays * 86400);
  return new Date(WORLD_EPOCH - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** The scope's region, which every regional kind has. */
export function regionOf(scope: Scope): string {
  if (!scope.region) throw new Error(`scope of ${scope.account} has no region`);
  return scope.region;
}

/** The key of item `index` of the first collection of `kind` in `scope`, or undefined when empty. */
export function siblingKey(ctx: GenContext, kind: string, scope: Scope, index: number): string | undefined {
  const [collection] = ctx.inventory.collections(kind, scope);
  if (!collection || collection.count === 0) return undefined;
  return collection.key(index % collection.count);
}

/** The size of the first collection of `kind` in `scope`. */
export function siblingCount(ctx: GenContext, kind: string, scope: Scope): number {
  return ctx.inventory.collections(kind, scope)[0]?.count ?? 0;
}
