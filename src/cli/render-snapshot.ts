/**
 * Choosing the text form of a scan's snapshot(s) for `--output`.
 */
import { SNAPSHOT_SET_FORMAT } from '../core/snapshot.ts';
import type { MergedResources } from '../merge/merger.ts';
import { snapshotJson, snapshotNdjson, snapshotSetJson } from '../output/snapshot-json.ts';
import type { ScanStream } from '../scanner/scan-types.ts';

export type DataFormat = 'json' | 'yaml' | 'ndjson';

/**
 * The snapshot text of `stream` in `format`, in pieces. The YAML renderer is loaded only when
 * asked for.
 */
export async function renderSnapshot(stream: ScanStream, format: DataFormat): Promise<Iterable<string>> {
  if (format === 'yaml') {
    const { snapshotSetYaml, snapshotYaml } = await import('../output/snapshot-yaml.ts');
    return stream.perProvider
      ? snapshotSetYaml(SNAPSHOT_SET_FORMAT, stream.perProvider)
      : snapshotYaml(stream.header, stream.merged as MergedResources);
  }
  if (stream.perProvider) {
    return format === 'json' ? snapshotSetJson(stream.perProvider) : eachNdjson(stream.perProvider);
  }
  const merged = stream.merged as MergedResources;
  return format === 'json' ? snapshotJson(stream.header, merged) : snapshotNdjson(stream.header, merged);
}

function* eachNdjson(parts: NonNullable<ScanStream['perProvider']>): Generator<string> {
  for (const part of Object.values(parts)) yield* snapshotNdjson(part.header, part.resources);
}

/** The merged resources of a scan: one set, or one per provider with `--skip-merging`. */
export function resourceSets(stream: ScanStream): MergedResources[] {
  return stream.perProvider
    ? Object.values(stream.perProvider).map((part) => part.resources)
    : [stream.merged as MergedResources];
}

/** Resource counts by type across the result, and reports merged away. */
export function resourceTotals(stream: ScanStream): { byType: Record<string, number>; duplicates: number } {
  const byType: Record<string, number> = {};
  let duplicates = 0;
  for (const part of resourceSets(stream)) {
    duplicates += part.duplicates;
    for (const [type, count] of Object.entries(part.countByType()))
      byType[type] = (byType[type] ?? 0) + count;
  }
  return { byType, duplicates };
}
