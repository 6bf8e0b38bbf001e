/**
 * The inventory's building block: a collection is one sorted run of same-kind items in one scope,
 * addressable by index. Nothing is stored; every item is computed on demand.
 */
import type { Rng } from '../util/rng.ts';

/** The cloud a kind belongs to. */
export type Provider = 'aws' | 'gcp' | 'kubernetes';

/** Where a collection lives. `account` is the AWS account, GCP project or Kubernetes cluster. */
export interface Scope {
  readonly provider: Provider;
  readonly account: string;
  readonly region?: string;
  readonly zone?: string;
  readonly namespace?: string;
}

/** What a generator may use to build one item. */
export interface ItemContext {
  readonly seed: number;
  readonly scope: Scope;
  readonly index: number;
  readonly count: number;
  /** Stream hash of this collection: the root of every random draw in it. */
  readonly stream: number;
  /** A generator private to this item. */
  readonly rng: Rng;
  /** Looks up sibling collections, for references (an instance's subnet, a pod's owner). */
  readonly inventory: InventoryView;
}

/** The part of the inventory a generator can see. */
export interface InventoryView {
  /** The collections of `kind` in exactly `scope`, in list order. */
  collections(kind: string, scope: Scope): readonly Collection[];
}

/** One sorted run of items. */
export interface Collection {
  readonly kind: string;
  readonly type: string;
  readonly scope: Scope;
  readonly count: number;
  /** Hash of (seed, kind, scope): the root of this collection's random draws. */
  readonly stream: number;
  /** The provider's id or name of item `index` (cheap: no full rendering). */
  key(index: number): string;
  /** The canonical uid of item `index`; increases strictly with `index`. */
  uid(index: number): string;
  /** The API object of item `index`, in the provider's own shape. */
  item(index: number): Record<string, unknown>;
}
