/**
 * Which calls a context needs (pure, so it is tested alone): one cluster-wide list per kind in
 * scope; with a namespace filter, one list per (namespaced kind × namespace) plus a read of each
 * named Namespace, and no cluster-scoped kind otherwise (nodes and persistent volumes belong to no
 * namespace). A kind filtered out by `--types`/`--exclude-types` gets no call at all.
 */
import type { TypeFilter } from '../../core/type-filter.ts';
import type { KindSpec } from './kinds/kind.ts';

/** One list or read of a context. */
export type PlannedCall =
  /** The kind's list across the cluster. */
  | { readonly spec: KindSpec; readonly scope: 'cluster' }
  /** The kind's list in one namespace, one `of` the namespaces named. */
  | { readonly spec: KindSpec; readonly scope: 'namespace'; readonly namespace: string; readonly of: number }
  /** One object read by name (a named Namespace). */
  | { readonly spec: KindSpec; readonly scope: 'object'; readonly name: string };

/** The calls for `kinds` under a type filter and an optional namespace filter. */
export function planCalls(
  kinds: readonly KindSpec[],
  types: TypeFilter,
  namespaces: readonly string[],
): PlannedCall[] {
  const calls: PlannedCall[] = [];
  for (const spec of kinds) {
    if (!types.includes(spec.type)) continue;
    if (namespaces.length === 0) calls.push({ spec, scope: 'cluster' });
    else if (spec.listIn)
      for (const namespace of namespaces)
        calls.push({ spec, scope: 'namespace', namespace, of: namespaces.length });
    else if (spec.read) for (const name of namespaces) calls.push({ spec, scope: 'object', name });
  }
  return calls;
}
