/**
 * The canonical JSON form of a resource: fixed key order and sorted tags, so the same resource
 * always serialises to the same bytes whatever order a collector built it in.
 */
import type { Resource } from './resource.ts';

function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const keys = Object.keys(record).sort();
  const out: Record<string, T> = {};
  for (const key of keys) out[key] = record[key] as T;
  return out;
}

/** A copy of `resource` with keys in contract order, optional fields omitted when absent. */
export function canonicalResource(resource: Resource): Resource {
  const out: Resource = {
    uid: resource.uid,
    provider: resource.provider,
    type: resource.type,
    id: resource.id,
    name: resource.name,
  } as Resource;
  if (resource.account !== undefined) out.account = resource.account;
  if (resource.region !== undefined) out.region = resource.region;
  if (resource.zone !== undefined) out.zone = resource.zone;
  if (resource.namespace !== undefined) out.namespace = resource.namespace;
  out.tags = sortedRecord(resource.tags);
  out.configuration = resource.configuration;
  out.sources = [...new Set(resource.sources)].sort();
  if (resource.managedBy !== undefined) {
    const { tool, address, state } = resource.managedBy;
    out.managedBy = { tool, address, state };
  }
  out.observedAt = resource.observedAt;
  return out;
}

/** The canonical JSON text of a resource (one line). */
export function resourceJson(resource: Resource): string {
  return JSON.stringify(canonicalResource(resource));
}
