/**
 * Planning a GCP scan (pure): which page chains to follow and which regions to look up, from the
 * projects, the scan's narrowing (`--region`, `--zone`) and the wanted types. A type the scan does
 * not want gets no chain, so it costs no call.
 *
 * Without narrowing, zonal and regional kinds use aggregated lists: one chain per project covers
 * every zone. Narrowed, they use one list per zone (the named zones, and the zones of the named
 * regions once `regions.get` has named them) and one per region.
 */
import { computeList, REGIONAL_TYPES, ZONAL_TYPES } from './compute.ts';
import { CLUSTER_TYPE, clusterList } from './container.ts';
import { SERVICE_ACCOUNT_TYPE, serviceAccountList } from './iam.ts';
import { GCP_TYPES } from './kinds.ts';
import type { ListPlan } from './list.ts';
import { regionOfZone } from './settings.ts';
import { BUCKET_TYPE, bucketList } from './storage.ts';

/** The regions and zones a scan is narrowed to; both empty when it is not. */
export interface Narrowing {
  readonly regions: readonly string[];
  readonly zones: readonly string[];
}

/** A chain, kept to the narrowing when its API cannot narrow itself (GKE's one list). */
export interface PlannedList extends ListPlan {
  readonly within?: Narrowing;
}

/** A `regions.get` whose zones get one chain per zonal type (except zones already planned). */
export interface RegionLookup {
  readonly project: string;
  readonly region: string;
  readonly types: readonly string[];
  /** Zones named on their own, already planned. */
  readonly planned: readonly string[];
}

export interface ScanPlan {
  readonly lists: readonly PlannedList[];
  readonly lookups: readonly RegionLookup[];
}

function isNarrowed(narrowing: Narrowing): boolean {
  return narrowing.regions.length > 0 || narrowing.zones.length > 0;
}

function chainsOf(type: string, project: string, narrowing: Narrowing): PlannedList[] {
  const narrowed = isNarrowed(narrowing);
  if (ZONAL_TYPES.includes(type)) {
    return narrowed
      ? narrowing.zones.map((zone) => computeList(project, type, { zone }))
      : [computeList(project, type, 'aggregated')];
  }
  if (REGIONAL_TYPES.includes(type)) {
    const regions = [...new Set([...narrowing.regions, ...narrowing.zones.map(regionOfZone)])];
    return narrowed
      ? regions.map((region) => computeList(project, type, { region }))
      : [computeList(project, type, 'aggregated')];
  }
  if (type === BUCKET_TYPE) return [bucketList(project)];
  if (type === SERVICE_ACCOUNT_TYPE) return [serviceAccountList(project)];
  if (type === CLUSTER_TYPE) return [{ ...clusterList(project), ...(narrowed ? { within: narrowing } : {}) }];
  return [computeList(project, type, 'global')];
}

/**
 * The plan of a scan of `projects`. Chains come type by type (largest first, see `GCP_TYPES`),
 * each type across every project.
 */
export function planScan(
  projects: readonly string[],
  narrowing: Narrowing,
  wanted: (type: string) => boolean,
): ScanPlan {
  const types = GCP_TYPES.filter(wanted);
  const lists = types.flatMap((type) => projects.flatMap((project) => chainsOf(type, project, narrowing)));
  const zonal = types.filter((type) => ZONAL_TYPES.includes(type));
  const lookups =
    zonal.length === 0
      ? []
      : projects.flatMap((project) =>
          narrowing.regions.map((region) => ({ project, region, types: zonal, planned: narrowing.zones })),
        );
  return { lists, lookups };
}

/** Whether a resource placed at `zone`/`region` is inside the narrowing. */
export function isWithin(narrowing: Narrowing, place: { zone?: string; region?: string }): boolean {
  if (!isNarrowed(narrowing)) return true;
  if (place.zone)
    return narrowing.zones.includes(place.zone) || narrowing.regions.includes(regionOfZone(place.zone));
  // A regional object (a regional GKE cluster) spans the zones of its region.
  return (
    place.region !== undefined &&
    (narrowing.regions.includes(place.region) ||
      narrowing.zones.some((zone) => regionOfZone(zone) === place.region))
  );
}
