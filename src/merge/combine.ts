/**
 * How two reports of the same uid become one resource. The rule is commutative, so the result
 * does not depend on which provider finished first:
 * - the cloud's report wins over a Terraform state entry (the live object is the truth), and
 *   gives `provider`, fields, tags and configuration;
 * - `managedBy` comes from the state entry (the lowest state/address when several states claim
 *   the same object);
 * - `sources` is the sorted union;
 * - between two reports of the same rank, the one with the lower ordering key wins.
 */
import type { ManagedBy, Resource } from '../core/resource.ts';

const TERRAFORM = 'terraform';

function managedKey(managed: ManagedBy | undefined): string {
  return managed ? `${managed.state}\u0000${managed.address}` : '\uffff';
}

/** Orders two same-rank reports on fields that do not change between scans. */
function orderKey(resource: Resource): string {
  return [
    resource.provider,
    managedKey(resource.managedBy),
    resource.account ?? '',
    resource.region ?? '',
    resource.zone ?? '',
    resource.id,
    resource.name,
    JSON.stringify(resource.configuration),
  ].join('\u0000');
}

function preferred(a: Resource, b: Resource): [winner: Resource, other: Resource] {
  const aCloud = a.provider !== TERRAFORM;
  const bCloud = b.provider !== TERRAFORM;
  if (aCloud !== bCloud) return aCloud ? [a, b] : [b, a];
  return orderKey(a) <= orderKey(b) ? [a, b] : [b, a];
}

function pickManagedBy(a: ManagedBy | undefined, b: ManagedBy | undefined): ManagedBy | undefined {
  if (!a) return b;
  if (!b) return a;
  return managedKey(a) <= managedKey(b) ? a : b;
}

/** Merges two reports that share a uid. */
export function combine(a: Resource, b: Resource): Resource {
  const [winner, other] = preferred(a, b);
  const merged: Resource = {
    ...winner,
    sources: [...new Set([...winner.sources, ...other.sources])].sort(),
  };
  const managedBy = pickManagedBy(winner.managedBy, other.managedBy);
  if (managedBy) merged.managedBy = managedBy;
  return merged;
}
