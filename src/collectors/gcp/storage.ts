/**
 * Cloud Storage buckets of a project (`buckets.list`, pages of up to 1,000). A bucket's `region`
 * is its location in lowercase, as regions are spelt elsewhere (`us-central1`; multi-regions
 * stay `us`, `eu`).
 */
import type { Resource } from '../../core/resource.ts';
import { gcsBucketUid } from '../../core/uid.ts';
import { type ApiObject, text } from './json.ts';
import type { ListPlan } from './list.ts';
import { gcpResource } from './resource.ts';

export const BUCKET_TYPE = 'google_storage_bucket';

/** The bucket list of `project`. */
export function bucketList(project: string): ListPlan {
  return {
    type: BUCKET_TYPE,
    request: {
      project,
      service: 'storage',
      api: 'storage.buckets.list',
      location: 'global',
      path: '/storage/v1/b',
      query: { project, maxResults: '1000' },
    },
    shape: { kind: 'list', field: 'items' },
    paged: true,
  };
}

/** The resource of a bucket listed in `project`. */
export function bucketResource(project: string, item: ApiObject, observedAt: string): Resource | undefined {
  const name = text(item.name);
  if (!name) return undefined;
  return gcpResource(
    {
      uid: gcsBucketUid(name),
      type: BUCKET_TYPE,
      id: name,
      name,
      project,
      region: text(item.location)?.toLowerCase(),
      labels: item.labels,
    },
    item,
    observedAt,
  );
}
