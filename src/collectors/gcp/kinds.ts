/**
 * Every resource type the GCP collector reports, and which mapper turns a listed object of that
 * type into a `Resource`.
 */
import type { Resource } from '../../core/resource.ts';
import { COMPUTE_KINDS, computeResource } from './compute.ts';
import { CLUSTER_TYPE, clusterResource } from './container.ts';
import { SERVICE_ACCOUNT_TYPE, serviceAccountResource } from './iam.ts';
import type { Listed } from './list.ts';
import { BUCKET_TYPE, bucketResource } from './storage.ts';

/**
 * The types, largest collections first (as real estates and the simulator's mix have them):
 * the task pool is FIFO, so the longest page chains start first and a parallel scan ends sooner.
 */
export const GCP_TYPES: readonly string[] = [
  'google_compute_disk',
  'google_compute_instance',
  'google_compute_firewall',
  'google_compute_subnetwork',
  SERVICE_ACCOUNT_TYPE,
  BUCKET_TYPE,
  'google_compute_network',
  CLUSTER_TYPE,
];

/** The resource of an object of `type` listed in `project`, or undefined if it lacks its name. */
export function resourceOf(
  type: string,
  project: string,
  listed: Listed,
  observedAt: string,
): Resource | undefined {
  if (type in COMPUTE_KINDS) return computeResource(type, project, listed.item, observedAt, listed.scope);
  if (type === BUCKET_TYPE) return bucketResource(project, listed.item, observedAt);
  if (type === CLUSTER_TYPE) return clusterResource(project, listed.item, observedAt);
  if (type === SERVICE_ACCOUNT_TYPE) return serviceAccountResource(project, listed.item, observedAt);
  throw new Error(`no mapper for ${type}`);
}
