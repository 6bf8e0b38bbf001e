/** Storage v1 buckets, Container v1 clusters and IAM v1 service accounts lists. */
import type { Call, SimResponse } from '../http/types.ts';
import type { Scope } from '../inventory/collection.ts';
import { gcpRegions } from '../layout.ts';
import { type GcpContext, gcpCall, gcpPage, isResponse, ok } from './context.ts';
import { googleError } from './errors.ts';

function unknownProject(project: string): SimResponse {
  return googleError(
    403,
    'PERMISSION_DENIED',
    `Permission denied on resource project ${project}.`,
    'forbidden',
  );
}

/** `GET /storage/v1/b?project=P`. */
export function bucketsList(ctx: GcpContext): Call | SimResponse {
  const project = ctx.request.query.get('project');
  if (!project) return googleError(400, 'INVALID_ARGUMENT', 'Required parameter: project', 'required');
  if (!ctx.inventory.layout.gcpProjects.includes(project)) return unknownProject(project);
  return gcpCall('storage', 'buckets.list', project, () => {
    const rule = {
      service: 'storage',
      api: 'buckets.list',
      sizeParam: 'maxResults',
      defaultSize: 1000,
      maxSize: 1000,
    } as const;
    const collections = ctx.inventory.collections('storage.bucket', { provider: 'gcp', account: project });
    const result = gcpPage(ctx, rule, `storage|${project}`, collections, (c, i) => c.item(i));
    if (isResponse(result)) return result;
    return ok({
      kind: 'storage#buckets',
      ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
      ...(result.page.items.length > 0 ? { items: result.page.items } : {}),
    });
  });
}

/** `GET /v1/projects/P/locations/L/clusters` (and the older `/zones/Z/clusters`): not paged. */
export function clustersList(ctx: GcpContext, project: string, location: string): Call | SimResponse {
  if (!ctx.inventory.layout.gcpProjects.includes(project)) return unknownProject(project);
  return gcpCall('container', 'clusters.list', project, () => {
    const regions = location === '-' ? gcpRegions(ctx.inventory.layout) : [location];
    const scopes: Scope[] = regions.map((region) => ({ provider: 'gcp', account: project, region }));
    const clusters = scopes
      .flatMap((s) => ctx.inventory.collections('container.cluster', s))
      .flatMap((c) => Array.from({ length: c.count }, (_, i) => c.item(i)));
    return ok(clusters.length > 0 ? { clusters } : {});
  });
}

/** `GET /v1/projects/P/serviceAccounts`, paged with pageSize (at most 100). */
export function serviceAccountsList(ctx: GcpContext, project: string): Call | SimResponse {
  if (!ctx.inventory.layout.gcpProjects.includes(project)) return unknownProject(project);
  return gcpCall('iam', 'serviceAccounts.list', project, () => {
    const rule = {
      service: 'iam',
      api: 'serviceAccounts.list',
      sizeParam: 'pageSize',
      defaultSize: 20,
      maxSize: 100,
    } as const;
    const collections = ctx.inventory.collections('iam.serviceAccount', {
      provider: 'gcp',
      account: project,
    });
    const result = gcpPage(ctx, rule, `iam|${project}`, collections, (c, i) => c.item(i));
    if (isResponse(result)) return result;
    return ok({
      ...(result.page.items.length > 0 ? { accounts: result.page.items } : {}),
      ...(result.nextPageToken ? { nextPageToken: result.nextPageToken } : {}),
    });
  });
}
