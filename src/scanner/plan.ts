/**
 * Planning, kept pure: which providers a scan runs and in which order they claim slots.
 */
import { UsageError } from '../core/errors.ts';

/**
 * The start order: providers named in `preferredOrder` first, in that order; the rest after
 * them alphabetically. A preferred name that is not registered is a usage error; one that is
 * registered but not part of this scan is ignored.
 *
 * @example planOrder(['aws', 'gcp', 'terraform'], ['terraform'], known) → ['terraform', 'aws', 'gcp']
 */
export function planOrder(
  selected: readonly string[],
  preferredOrder: readonly string[],
  registered: ReadonlySet<string>,
): string[] {
  for (const name of preferredOrder) {
    if (!registered.has(name)) {
      throw new UsageError(
        `unknown provider "${name}" in preferred order (known: ${[...registered].sort().join(', ')})`,
      );
    }
  }
  const chosen = new Set(selected);
  const first = [...new Set(preferredOrder)].filter((name) => chosen.has(name));
  const placed = new Set(first);
  const rest = [...chosen].filter((name) => !placed.has(name)).sort();
  return [...first, ...rest];
}

/** `sum(provider durations) / wall`: 1.0 for a sequential scan, up to N for N overlapping ones. */
export function efficiencyRatio(durationsMs: readonly number[], wallMs: number): number {
  if (wallMs <= 0) return durationsMs.length > 0 ? 1 : 0;
  return durationsMs.reduce((sum, ms) => sum + ms, 0) / wallMs;
}
