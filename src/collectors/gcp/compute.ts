/**
 * Compute Engine: instances and disks (zonal), subnetworks (regional), networks and firewalls
 * (global). Zonal and regional kinds are read with aggregated lists (every zone or region in one
 * chain) unless the scan is narrowed to some zones or regions, then with one list per zone or
 * region. Pages of up to 500, the API's maximum.
 */
import type { Resource } from '../../core/resource.ts';
import { gcpComputeUid } from '../../core/uid.ts';
import { type ApiObject, lastSegment, text } from './json.ts';
import type { ListPlan } from './list.ts';
import { gcpResource } from './resource.ts';
import { regionOfZone } from './settings.ts';

/** Where a Compute collection lives. */
type Level = 'zone' | 'region' | 'global';

interface ComputeKind {
  readonly collection: string;
  readonly level: Level;
}

/** The Compute kinds, by Terraform type. */
export const COMPUTE_KINDS: Readonly<Record<string, ComputeKind>> = {
  google_compute_instance: { collection: 'instances', level: 'zone' },
  google_compute_disk: { collection: 'disks', level: 'zone' },
  google_compute_subnetwork: { collection: 'subnetworks', level: 'region' },
  google_compute_network: { collection: 'networks', level: 'global' },
  google_compute_firewall: { collection: 'firewalls', level: 'global' },
};

/** The types listed per zone when a scan is narrowed. */
export const ZONAL_TYPES = Object.keys(COMPUTE_KINDS).filter((type) => COMPUTE_KINDS[type]?.level === 'zone');
/** The types listed per region when a scan is narrowed. */
export const REGIONAL_TYPES = Object.keys(COMPUTE_KINDS).filter(
  (type) => COMPUTE_KINDS[type]?.level === 'region',
);

const PAGE_SIZE = '500';

function kindOf(type: string): ComputeKind {
  const kind = COMPUTE_KINDS[type];
  if (!kind) throw new Error(`not a Compute type: ${type}`);
  return kind;
}

/**
 * The list of `type` in `project`: aggregated across scopes (zonal and regional kinds), in one
 * zone or region, or global. Aggregated lists ask for partial success, so a scope that cannot be
 * reached is a warning on the page rather than a failed call.
 */
export function computeList(
  project: string,
  type: string,
  where: 'aggregated' | 'global' | { readonly zone: string } | { readonly region: string },
): ListPlan {
  const { collection } = kindOf(type);
  const base = `/compute/v1/projects/${project}`;
  if (where === 'aggregated') {
    return {
      type,
      request: {
        project,
        service: 'compute',
        api: `compute.${collection}.aggregatedList`,
        location: 'global',
        path: `${base}/aggregated/${collection}`,
        query: { maxResults: PAGE_SIZE, returnPartialSuccess: 'true' },
      },
      shape: { kind: 'aggregated', field: collection },
      paged: true,
    };
  }
  const [scope, location] =
    where === 'global'
      ? ['global', 'global']
      : 'zone' in where
        ? ['zones', where.zone]
        : ['regions', where.region];
  return {
    type,
    request: {
      project,
      service: 'compute',
      api: `compute.${collection}.list`,
      location,
      path:
        scope === 'global' ? `${base}/global/${collection}` : `${base}/${scope}/${location}/${collection}`,
      query: { maxResults: PAGE_SIZE },
    },
    shape: { kind: 'list', field: 'items' },
    paged: true,
  };
}

/** The last part of an aggregated list's scope key of `prefix`: `zones/us-east1-b` → `us-east1-b`. */
function scoped(key: string | undefined, prefix: 'zones/' | 'regions/'): string | undefined {
  return key?.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/**
 * The resource of a Compute object of `type`, listed in `project` (under the aggregated scope
 * key `scope`, or in the zone or region of a per-scope list, which the object names itself).
 */
export function computeResource(
  type: string,
  project: string,
  item: ApiObject,
  observedAt: string,
  scope?: string,
): Resource | undefined {
  const { collection, level } = kindOf(type);
  const name = text(item.name);
  if (!name) return undefined;
  const zone = level === 'zone' ? (lastSegment(item.zone) ?? scoped(scope, 'zones/')) : undefined;
  const region =
    level === 'region' ? (lastSegment(item.region) ?? scoped(scope, 'regions/')) : zone && regionOfZone(zone);
  if ((level === 'zone' && !zone) || (level === 'region' && !region)) return undefined;
  const where = level === 'global' ? 'global' : zone ? { zone } : { region: region as string };
  return gcpResource(
    {
      uid: gcpComputeUid(project, where, collection, name),
      type,
      id: text(item.id) ?? name,
      name,
      project,
      region,
      zone,
      labels: item.labels,
    },
    item,
    observedAt,
  );
}
