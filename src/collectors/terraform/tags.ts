/**
 * A state entry's tags: AWS tags, GCP labels, Kubernetes labels, every value as a string.
 *
 * AWS: the union of `tags` and `tags_all`, `tags_all` winning. `tags_all` is what AWS holds
 * (the resource's tags plus the provider's `default_tags`), so it is what the AWS collector will
 * see; `tags` fills in for states written before `tags_all` existed (AWS provider < 3.38).
 * GCP: likewise the union of `labels`, `resource_labels` (GKE), `terraform_labels` and
 * `effective_labels` (provider 5+: everything on the resource), later ones winning. GCE's `tags`
 * are network tags, a list, not labels. Kubernetes: `metadata[0].labels`.
 */
import { block } from './attributes.ts';
import { isJsonObject, type JsonObject } from './json-shape.ts';

const AWS_TAG_MAPS = ['tags', 'tags_all'];
const GCP_LABEL_MAPS = ['labels', 'resource_labels', 'terraform_labels', 'effective_labels'];
const OTHER_TAG_MAPS = ['tags', 'labels'];

/** The scalar entries of a map as strings; nested values and nulls are not tags. */
function stringEntries(value: unknown): [string, string][] {
  if (!isJsonObject(value)) return [];
  return Object.entries(value)
    .filter(([, entry]) => ['string', 'number', 'boolean'].includes(typeof entry))
    .map(([key, entry]) => [key, String(entry)]);
}

function union(holder: JsonObject | undefined, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.flatMap((field) => stringEntries(holder?.[field])));
}

/** The tags of a state entry, from its redacted attributes. */
export function tagsOf(type: string, attributes: JsonObject): Record<string, string> {
  if (type.startsWith('aws_')) return union(attributes, AWS_TAG_MAPS);
  if (type.startsWith('google_')) return union(attributes, GCP_LABEL_MAPS);
  if (type === 'kubernetes_manifest') return union(block(block(attributes.manifest)?.metadata), ['labels']);
  if (type.startsWith('kubernetes_')) return union(block(attributes.metadata), ['labels']);
  return union(attributes, OTHER_TAG_MAPS);
}
