/**
 * `--types` / `--exclude-types`: which resource types a scan wants. Collectors ask before making
 * an API call, so a filtered-out type costs nothing.
 */

/** Decides whether a resource type is in scope. */
export interface TypeFilter {
  includes(type: string): boolean;
  /** True when some type of `types` is in scope: lets a collector skip a whole service. */
  includesAny(types: readonly string[]): boolean;
}

/**
 * Builds a filter: with `include` only those types pass; `exclude` always removes.
 *
 * @example typeFilter(['aws_instance'], []).includes('aws_vpc') === false
 */
export function typeFilter(include: readonly string[] = [], exclude: readonly string[] = []): TypeFilter {
  const only = include.length > 0 ? new Set(include) : undefined;
  const never = new Set(exclude);
  const includes = (type: string) => !never.has(type) && (only === undefined || only.has(type));
  return { includes, includesAny: (types) => types.some(includes) };
}
