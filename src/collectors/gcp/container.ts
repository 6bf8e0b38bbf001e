/**
 * GKE clusters of a project: one `clusters.list` over every location (`locations/-`; the API does
 * not page), kept to the scan's regions and zones when it is narrowed. The id is the cluster's
 * name (CONTRACT.md section 1), labels are its `resourceLabels`, and `masterAuth` is redacted
 * whole (`redact.ts`).
 */
import type { Resource } from '../../core/resource.ts';
import { gkeClusterUid } from '../../core/uid.ts';
import { type ApiObject, text } from './json.ts';
import type { ListPlan } from './list.ts';
import { gcpResource } from './resource.ts';
import { isZone, regionOfZone } from './settings.ts';

export const CLUSTER_TYPE = 'google_container_cluster';

/** The cluster list of `project`. */
export function clusterList(project: string): ListPlan {
  return {
    type: CLUSTER_TYPE,
    request: {
      project,
      service: 'container',
      api: 'container.clusters.list',
      location: 'global',
      path: `/v1/projects/${project}/locations/-/clusters`,
    },
    shape: { kind: 'list', field: 'clusters' },
    paged: false,
  };
}

/** The resource of a cluster listed in `project`. */
export function clusterResource(project: string, item: ApiObject, observedAt: string): Resource | undefined {
  const name = text(item.name);
  const location = text(item.location) ?? text(item.zone);
  if (!name || !location) return undefined;
  const zonal = isZone(location);
  return gcpResource(
    {
      uid: gkeClusterUid(project, location, name),
      type: CLUSTER_TYPE,
      id: name,
      name,
      project,
      region: zonal ? regionOfZone(location) : location,
      zone: zonal ? location : undefined,
      labels: item.resourceLabels,
    },
    item,
    observedAt,
  );
}
