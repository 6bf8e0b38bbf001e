/**
 * A state entry's display name: the cloud collectors' name rule for the types in CONTRACT.md's
 * table, so a merged resource keeps one name; for other types the `name` attribute (or, for AWS
 * objects that have none, the Name tag); the address when nothing names it.
 */
import { block, text } from './attributes.ts';
import type { JsonObject } from './json-shape.ts';

/** EC2 objects have no name of their own: the Name tag, else the id. */
const NAME_TAG_TYPES = new Set([
  'aws_instance',
  'aws_ebs_volume',
  'aws_ebs_snapshot',
  'aws_vpc',
  'aws_subnet',
  'aws_route_table',
  'aws_internet_gateway',
]);

/** Table types named by one attribute. */
const NAME_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['aws_security_group', 'name'],
  ['aws_key_pair', 'key_name'],
  ['aws_s3_bucket', 'bucket'],
  ['aws_iam_user', 'name'],
  ['aws_iam_role', 'name'],
  ['aws_iam_policy', 'name'],
  ['aws_db_instance', 'identifier'],
  ['aws_lambda_function', 'function_name'],
  ['google_service_account', 'email'],
]);

/**
 * The name of a state entry, from its redacted attributes and tags.
 *
 * @param address the fallback when nothing else names the object
 */
export function nameOf(
  type: string,
  attributes: JsonObject,
  tags: Record<string, string>,
  address: string,
): string {
  if (NAME_TAG_TYPES.has(type)) return text(tags.Name) ?? text(attributes.id) ?? address;
  const attribute = NAME_ATTRIBUTES.get(type);
  if (attribute !== undefined) return text(attributes[attribute]) ?? address;
  if (type === 'kubernetes_manifest')
    return text(block(block(attributes.manifest)?.metadata)?.name) ?? address;
  if (type.startsWith('kubernetes_')) return text(block(attributes.metadata)?.name) ?? address;
  const name = text(attributes.name) ?? (type.startsWith('aws_') ? text(tags.Name) : undefined);
  return name ?? address;
}
