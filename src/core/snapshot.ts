/**
 * The snapshot format `wgo.snapshot/v1` (CONTRACT.md section 2) and the per-provider result it
 * carries. The JSON Schema in `schema/snapshot.schema.json` describes the same shape.
 */
import type { Resource } from './resource.ts';

export const SNAPSHOT_FORMAT = 'wgo.snapshot/v1';
export const SNAPSHOT_SET_FORMAT = 'wgo.snapshot-set/v1';

/** How a provider's scan ended. */
export type ProviderStatus = 'ok' | 'partial' | 'failed' | 'timed_out' | 'cancelled' | 'skipped';

/** One failure inside a provider's scan, recorded as data instead of being logged and dropped. */
export interface ProviderErrorRecord {
  /** Where it happened: a region, project, cluster/namespace, state file... */
  scope: string;
  /** The API or operation that failed (`ec2:DescribeInstances`, `read-state`). */
  api: string;
  /** A stable, machine-readable code (`AccessDenied`, `timeout`, `corrupt-state`). */
  code: string;
  /** One human line, never containing a secret. */
  message: string;
}

/** What one provider contributed to a scan. */
export interface ProviderResult {
  status: ProviderStatus;
  durationMs: number;
  /** Resource count by type, as the provider emitted them (before merging with others). */
  resources: Record<string, number>;
  apiCalls: number;
  retries: number;
  throttled: number;
  errors: ProviderErrorRecord[];
}

/** The header of a snapshot: everything but its resources. */
export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  id: string;
  createdAt: string;
  /** True when any provider is not `ok`. */
  incomplete: boolean;
  providers: Record<string, ProviderResult>;
}

/** A whole snapshot: the header plus resources sorted by uid. */
export interface Snapshot extends SnapshotHeader {
  resources: Resource[];
}

/** The `--skip-merging` form: each provider's own snapshot. */
export interface SnapshotSet {
  format: typeof SNAPSHOT_SET_FORMAT;
  snapshots: Record<string, Snapshot>;
}
