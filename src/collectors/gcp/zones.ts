/**
 * The zones of a region, from Compute's `regions.get` (its `zones` are zone URLs): how a scan
 * narrowed with `--region` finds the zones to list.
 */
import type { GcpApi } from './api.ts';
import { lastSegment } from './json.ts';

/** The zone names of `region` in `project`. */
export async function zonesOfRegion(api: GcpApi, project: string, region: string): Promise<string[]> {
  const body = await api.get<{ zones?: unknown }>({
    project,
    service: 'compute',
    api: 'compute.regions.get',
    location: region,
    path: `/compute/v1/projects/${project}/regions/${region}`,
  });
  const zones = Array.isArray(body.zones) ? body.zones : [];
  return zones.map(lastSegment).filter((zone): zone is string => zone !== undefined);
}
