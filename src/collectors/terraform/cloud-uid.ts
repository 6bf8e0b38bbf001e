/**
 * The cloud uid of a state entry whose type is in CONTRACT.md's table, built with the same
 * builders the cloud collectors use (`src/core/uid.ts`), so that a later cloud scan merges with
 * it. Only what the attributes (or the resource identity) truly give is used: when a part is
 * missing, there is no cloud uid and the entry keeps its `tf://` uid. Types outside the table
 * never get one, nor do Kubernetes types (a state does not know its cluster's name).
 */
import {
  type Ec2ArnType,
  ebsSnapshotArn,
  ec2Arn,
  gcpComputeUid,
  gcpServiceAccountUid,
  gcsBucketUid,
  gkeClusterUid,
  s3BucketArn,
} from '../../core/uid.ts';
import { type Arn, parseArn } from './arn.ts';
import { lastSegment, text } from './attributes.ts';
import type { JsonObject } from './json-shape.ts';
import { awsAccount, awsRegion, gcpProject, gcpZone } from './placement.ts';

type UidRule = (attributes: JsonObject, identity: JsonObject | undefined) => string | undefined;

/** EC2 objects whose ARN is `arn:aws:ec2:R:A:TYPE/ID`. */
const EC2_ARN_TYPES: Readonly<Record<string, Ec2ArnType>> = {
  aws_instance: 'instance',
  aws_ebs_volume: 'volume',
  aws_security_group: 'security-group',
  aws_key_pair: 'key-pair',
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_route_table: 'route-table',
  aws_internet_gateway: 'internet-gateway',
};

/** A resource part that is one path segment: `TYPE/ID`, never `TYPE/ID/more`. */
function resourceId(arn: Arn | undefined, prefix: string): string | undefined {
  if (!arn?.resource.startsWith(prefix)) return undefined;
  const id = arn.resource.slice(prefix.length);
  return id && !id.includes('/') ? id : undefined;
}

function ec2Rule(resourceType: Ec2ArnType): UidRule {
  return (attributes, identity) => {
    const arn = parseArn(text(attributes.arn));
    const fromArn = arn?.service === 'ec2' ? resourceId(arn, `${resourceType}/`) : undefined;
    if (arn && fromArn && arn.region && arn.account)
      return ec2Arn(arn.region, arn.account, resourceType, fromArn);
    // Key pairs are named in their ARN; everything else by id.
    const id = resourceType === 'key-pair' ? text(attributes.key_name) : text(attributes.id);
    const region = awsRegion(attributes, identity);
    const account = awsAccount(attributes, identity);
    return id && region && account ? ec2Arn(region, account, resourceType, id) : undefined;
  };
}

const ebsSnapshotRule: UidRule = (attributes, identity) => {
  const id = text(attributes.id);
  const region = awsRegion(attributes, identity);
  return id && region ? ebsSnapshotArn(region, id) : undefined;
};

const s3BucketRule: UidRule = (attributes) => {
  const bucket = text(attributes.bucket) ?? text(attributes.id);
  return bucket ? s3BucketArn(bucket) : undefined;
};

/** The ARN as stored, when it is one of `service` whose resource starts with `prefix`. */
function storedArn(service: string, prefix: string, needsRegion: boolean): UidRule {
  return (attributes) => {
    const value = text(attributes.arn);
    const arn = parseArn(value);
    if (!arn || arn.service !== service || !arn.account || needsRegion !== Boolean(arn.region))
      return undefined;
    return arn.resource.startsWith(prefix) && arn.resource.length > prefix.length ? value : undefined;
  };
}

/** The unqualified function ARN (the stored `arn` is unqualified; `qualified_arn` is not). */
const lambdaRule: UidRule = (attributes) => {
  const value = text(attributes.arn);
  const arn = parseArn(value);
  if (!value || arn?.service !== 'lambda' || !arn.region || !arn.account) return undefined;
  const [kind, name] = arn.resource.split(':');
  return kind === 'function' && name
    ? `arn:${arn.partition}:lambda:${arn.region}:${arn.account}:function:${name}`
    : undefined;
};

type GcpScope = 'zones' | 'regions' | 'global';

/** `projects/P/zones/Z/instances/N` inside an id or a self link (any API version prefix). */
const COMPUTE_PATH = /(?:^|\/)projects\/([^/]+)\/(?:(zones|regions)\/([^/]+)|global)\/([^/]+)\/([^/]+)$/;

function computeRule(scope: GcpScope, collection: string): UidRule {
  const uidFor = (project: string, where: string | undefined, name: string) => {
    if (scope === 'global') return gcpComputeUid(project, 'global', collection, name);
    if (!where) return undefined;
    return gcpComputeUid(project, scope === 'zones' ? { zone: where } : { region: where }, collection, name);
  };
  return (attributes) => {
    for (const path of [text(attributes.self_link), text(attributes.id)]) {
      const match = path === undefined ? null : COMPUTE_PATH.exec(path);
      if (!match) continue;
      const [, project, pathScope, where, pathCollection, name] = match;
      if ((pathScope ?? 'global') === scope && pathCollection === collection && project && name) {
        return uidFor(project, where, name);
      }
    }
    const project = gcpProject(attributes);
    const name = text(attributes.name);
    if (!project || !name) return undefined;
    return uidFor(project, scope === 'zones' ? gcpZone(attributes) : lastSegment(attributes.region), name);
  };
}

const gcsBucketRule: UidRule = (attributes) => {
  const name = text(attributes.name) ?? text(attributes.id);
  return name ? gcsBucketUid(name) : undefined;
};

/** `projects/P/locations/L/clusters/N` (the id), or `.../zones/Z/clusters/N` (old self links). */
const CLUSTER_PATH = /(?:^|\/)projects\/([^/]+)\/(?:locations|zones|regions)\/([^/]+)\/clusters\/([^/]+)$/;

const gkeClusterRule: UidRule = (attributes) => {
  for (const path of [text(attributes.id), text(attributes.self_link)]) {
    const match = path === undefined ? null : CLUSTER_PATH.exec(path);
    if (match?.[1] && match[2] && match[3]) return gkeClusterUid(match[1], match[2], match[3]);
  }
  const project = gcpProject(attributes);
  const location = text(attributes.location) ?? gcpZone(attributes) ?? lastSegment(attributes.region);
  const name = text(attributes.name);
  return project && location && name ? gkeClusterUid(project, location, name) : undefined;
};

const SERVICE_ACCOUNT_PATH = /^projects\/([^/]+)\/serviceAccounts\/([^/]+@[^/]+)$/;

const serviceAccountRule: UidRule = (attributes) => {
  const project = gcpProject(attributes);
  const email = text(attributes.email);
  if (project && email) return gcpServiceAccountUid(project, email);
  const match = SERVICE_ACCOUNT_PATH.exec(text(attributes.name) ?? text(attributes.id) ?? '');
  return match?.[1] && match[2] ? gcpServiceAccountUid(match[1], match[2]) : undefined;
};

/** CONTRACT.md section 1, the types that have a cloud uid, and how a state entry gives it. */
const UID_RULES: ReadonlyMap<string, UidRule> = new Map([
  ...Object.entries(EC2_ARN_TYPES).map(([type, arnType]): [string, UidRule] => [type, ec2Rule(arnType)]),
  ['aws_ebs_snapshot', ebsSnapshotRule],
  ['aws_s3_bucket', s3BucketRule],
  ['aws_iam_user', storedArn('iam', 'user/', false)],
  ['aws_iam_role', storedArn('iam', 'role/', false)],
  ['aws_iam_policy', storedArn('iam', 'policy/', false)],
  ['aws_db_instance', storedArn('rds', 'db:', true)],
  ['aws_lambda_function', lambdaRule],
  ['google_compute_instance', computeRule('zones', 'instances')],
  ['google_compute_disk', computeRule('zones', 'disks')],
  ['google_compute_network', computeRule('global', 'networks')],
  ['google_compute_subnetwork', computeRule('regions', 'subnetworks')],
  ['google_compute_firewall', computeRule('global', 'firewalls')],
  ['google_storage_bucket', gcsBucketRule],
  ['google_container_cluster', gkeClusterRule],
  ['google_service_account', serviceAccountRule],
]);

/**
 * The cloud uid of a state entry, from its redacted attributes and resource identity; `undefined`
 * when the type has none or the attributes do not give every part of it.
 */
export function cloudUid(type: string, attributes: JsonObject, identity?: JsonObject): string | undefined {
  return UID_RULES.get(type)?.(attributes, identity);
}
