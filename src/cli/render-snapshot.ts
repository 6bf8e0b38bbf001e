/**
 * Choosing the text form of a scan's snapshot(s) for `--output`.
 */
import { SNAPSHOT_SET_FORMAT } from '../core/snapshot.ts';
import type { MergedResources } from '../merge/merger.ts';
import { snapshotJson, snapshotNdjson, snapshotSetJson } from '../output/snapshot-json.ts';
import { snapshotSetYaml, snapshotYaml } from '../output/snapshot-yaml.ts';
import type { ScanStream } from '../scanner/scan-types.ts';

export type DataFormat = 'json' | 'yaml' | 'ndjson';

/** The snapshot text of `stream` in `format`, in pieces. */
export function* renderSnapshot(stream: ScanStream, format: DataFormat): Generator<string> {
  if (stream.perProvider) {
    if (format === 'json') yield* snapshotSetJson(stream.perProvider);
    else if (format === 'yaml') yield* snapshotSetYaml(SNAPSHOT_SET_FORMAT, stream.perProvider);
    else
      for (const part of Object.values(stream.perProvider))
        yield* snapshotNdjson(part.header, part.resources);
    return;
  }
  const merged = stream.merged as MergedResources;
  if (format === 'json') yield* snapshotJson(stream.header, merged);
  else if (format === 'yaml') yield* snapshotYaml(stream.header, merged);
  else yield* snapshotNdjson(stream.header, merged);
}

/** Resource counts by type across the result, and reports merged away. */
export function resourceTotals(stream: ScanStream): { byType: Record<string, number>; duplicates: number } {
  const parts = stream.perProvider
    ? Object.values(stream.perProvider).map((part) => part.resources)
    : [stream.merged as MergedResources];
  const byType: Record<string, number> = {};
  let duplicates = 0;
  for (const part of parts) {
    duplicates += part.duplicates;
    for (const [type, count] of Object.entries(part.countByType()))
      byType[type] = (byType[type] ?? 0) + count;
  }
  return { byType, duplicates };
}
