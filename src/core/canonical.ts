/**
 * The canonical JSON form of a resource: fixed key order, sorted tags and sources, optional
 * fields omitted when absent, so the same resource always serialises to the same bytes whatever
 * order a collector built it in.
 *
 * Built as an ordered object handed to one `JSON.stringify`: measured against concatenating
 * the fields, it is faster and yields flat strings about half the heap size (the merger keeps
 * one per resource).
 */
import type { Resource } from './resource.ts';

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

function sortedTags(tags: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const keys = Object.keys(tags);
  if (isSorted(keys)) return tags;
  const out: Record<string, string> = {};
  for (const key of keys.sort()) out[key] = tags[key] as string;
  return out;
}

function sortedSources(sources: readonly string[]): readonly string[] {
  return sources.length === 1 ? sources : [...new Set(sources)].sort();
}

/** The canonical JSON text of a resource (one line). */
export function resourceJson(resource: Resource): string {
  return JSON.stringify({
    uid: resource.uid,
    provider: resource.provider,
    type: resource.type,
    id: resource.id,
    name: resource.name,
    account: resource.account,
    region: resource.region,
    zone: resource.zone,
    namespace: resource.namespace,
    tags: sortedTags(resource.tags),
    configuration: resource.configuration,
    sources: sortedSources(resource.sources),
    managedBy: resource.managedBy && {
      tool: resource.managedBy.tool,
      address: resource.managedBy.address,
      state: resource.managedBy.state,
    },
    observedAt: resource.observedAt,
  });
}
