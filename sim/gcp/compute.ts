/**
 * Compute Engine v1 lists: per zone or region, global, and aggregated across scopes with the
 * `warning` entry Google puts on every scope that has nothing on the page.
 */
import type { Call, SimResponse } from '../http/types.ts';
import type { Scope } from '../inventory/collection.ts';
import { computeScopePath } from '../inventory/gcp.ts';
import { gcpRegions, regionOfZone } from '../layout.ts';
import { type GcpContext, gcpCall, gcpPage, isResponse, ok, type PagingRule } from './context.ts';
import { googleError } from './errors.ts';

const BASE = 'https://www.googleapis.com/compute/v1';

/** Real zones and regions beyond the layout's, which aggregated lists report as empty. */
const OTHER_ZONES = ['asia-east1-a', 'asia-northeast1-b', 'europe-west4-a', 'us-east1-b', 'us-west1-a'];
const OTHER_REGIONS = ['asia-east1', 'asia-northeast1', 'europe-west4', 'us-east1', 'us-west1'];

interface ComputeCollection {
  readonly kind: string;
  /** `compute#instance` → list kinds `compute#instanceList`, `compute#instanceAggregatedList`. */
  readonly objectKind: string;
  readonly plural: string;
  readonly level: 'zone' | 'region' | 'global';
}

const COLLECTIONS: Record<string, ComputeCollection> = {
  instances: { kind: 'compute.instance', objectKind: 'compute#instance', plural: 'instances', level: 'zone' },
  disks: { kind: 'compute.disk', objectKind: 'compute#disk', plural: 'disks', level: 'zone' },
  subnetworks: {
    kind: 'compute.subnetwork',
    objectKind: 'compute#subnetwork',
    plural: 'subnetworks',
    level: 'region',
  },
  networks: { kind: 'compute.network', objectKind: 'compute#network', plural: 'networks', level: 'global' },
  firewalls: {
    kind: 'compute.firewall',
    objectKind: 'compute#firewall',
    plural: 'firewalls',
    level: 'global',
  },
};

function rule(api: string): PagingRule {
  return { service: 'compute', api, sizeParam: 'maxResults', defaultSize: 500, maxSize: 500 };
}

function scopedList(ctx: GcpContext, spec: ComputeCollection, scope: Scope, api: string): SimResponse {
  const path = `${computeScopePath(scope)}/${spec.plural}`;
  const result = gcpPage(ctx, rule(api), path, ctx.inventory.collections(spec.kind, scope), (c, i) =>
    c.item(i),
  );
  if (isResponse(result)) return result;
  return ok({
    kind: `${spec.objectKind}List`,
    id: path,
    ...(result.page.items.length > 0 ? { items: result.page.items } : {}),
    ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    selfLink: `${BASE}/${path}`,
  });
}

function aggregatedList(ctx: GcpContext, spec: ComputeCollection, project: string, api: string): SimResponse {
  const { layout } = ctx.inventory;
  const scopes: Scope[] =
    spec.level === 'zone'
      ? layout.gcpZones.map((zone) => ({ provider: 'gcp', account: project, zone }))
      : gcpRegions(layout).map((region) => ({ provider: 'gcp', account: project, region }));
  const collections = scopes.flatMap((s) => ctx.inventory.collections(spec.kind, s));
  const path = `projects/${project}/aggregated/${spec.plural}`;
  const result = gcpPage(ctx, rule(api), path, collections, (c, i) => ({
    key: scopeKey(c.scope),
    item: c.item(i),
  }));
  if (isResponse(result)) return result;
  const byScope = new Map<string, unknown[]>();
  for (const { key, item } of result.page.items) byScope.set(key, [...(byScope.get(key) ?? []), item]);
  const allKeys = [
    ...scopes.map(scopeKey),
    ...(spec.level === 'zone'
      ? OTHER_ZONES.map((z) => `zones/${z}`)
      : OTHER_REGIONS.map((r) => `regions/${r}`)),
  ].sort();
  const items: Record<string, unknown> = {};
  for (const key of allKeys) {
    const found = byScope.get(key);
    items[key] = found
      ? { [spec.plural]: found }
      : {
          warning: {
            code: 'NO_RESULTS_ON_PAGE',
            message: `There are no results for scope '${key}' on this page.`,
            data: [{ key: 'scope', value: key }],
          },
        };
  }
  return ok({
    kind: `${spec.objectKind}AggregatedList`,
    id: path,
    items,
    ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    selfLink: `${BASE}/${path}`,
  });
}

function scopeKey(scope: Scope): string {
  return scope.zone ? `zones/${scope.zone}` : `regions/${scope.region}`;
}

/**
 * `regions.get`: the region with the URLs of its zones, which is how a client finds the zones
 * of a region (`wgo --region`). Layout regions list the layout's zones, the others their own.
 */
function regionGet(ctx: GcpContext, project: string, region: string): SimResponse {
  const zones = [...ctx.inventory.layout.gcpZones, ...OTHER_ZONES].filter((z) => regionOfZone(z) === region);
  return ok({
    kind: 'compute#region',
    id: String(1000 + [...gcpRegions(ctx.inventory.layout), ...OTHER_REGIONS].indexOf(region)),
    creationTimestamp: '1969-12-31T16:00:00.000-08:00',
    name: region,
    description: region,
    status: 'UP',
    zones: zones.map((zone) => `${BASE}/projects/${project}/zones/${zone}`),
    selfLink: `${BASE}/projects/${project}/regions/${region}`,
  });
}

/** Routes `/compute/v1/projects/...` GETs. */
export function computeRoute(ctx: GcpContext, segments: readonly string[]): Call | SimResponse {
  // segments: projects, P, (aggregated|zones|regions|global), ...
  const [, project = '', where, a, b] = segments;
  if (!ctx.inventory.layout.gcpProjects.includes(project)) {
    return googleError(404, 'NOT_FOUND', `The resource 'projects/${project}' was not found`, 'notFound');
  }
  if (where === 'aggregated' && a && segments.length === 4) {
    const spec = COLLECTIONS[a];
    if (spec && spec.level !== 'global') {
      const api = `${a}.aggregatedList`;
      return gcpCall('compute', api, project, () => aggregatedList(ctx, spec, project, api));
    }
  }
  if (where === 'regions' && a && segments.length === 4) {
    if (!gcpRegions(ctx.inventory.layout).includes(a) && !OTHER_REGIONS.includes(a)) {
      return googleError(
        404,
        'NOT_FOUND',
        `The resource 'projects/${project}/regions/${a}' was not found`,
        'notFound',
      );
    }
    return gcpCall('compute', 'regions.get', project, () => regionGet(ctx, project, a), a);
  }
  if ((where === 'zones' || where === 'regions') && a && b && segments.length === 5) {
    const spec = COLLECTIONS[b];
    const level = where === 'zones' ? 'zone' : 'region';
    const known =
      where === 'zones'
        ? ctx.inventory.layout.gcpZones.includes(a) || OTHER_ZONES.includes(a)
        : gcpRegions(ctx.inventory.layout).includes(a) || OTHER_REGIONS.includes(a);
    if (spec && spec.level === level) {
      if (!known)
        return googleError(
          404,
          'NOT_FOUND',
          `The resource 'projects/${project}/${where}/${a}' was not found`,
          'notFound',
        );
      const scope: Scope = {
        provider: 'gcp',
        account: project,
        ...(level === 'zone' ? { zone: a } : { region: a }),
      };
      const api = `${b}.list`;
      return gcpCall('compute', api, project, () => scopedList(ctx, spec, scope, api), a);
    }
  }
  if (where === 'global' && a && segments.length === 4) {
    const spec = COLLECTIONS[a];
    if (spec && spec.level === 'global') {
      const api = `${a}.list`;
      return gcpCall('compute', api, project, () =>
        scopedList(ctx, spec, { provider: 'gcp', account: project }, api),
      );
    }
  }
  return googleError(
    404,
    'NOT_FOUND',
    `The requested URL /compute/v1/${segments.join('/')} was not found on this server.`,
    'notFound',
  );
}
