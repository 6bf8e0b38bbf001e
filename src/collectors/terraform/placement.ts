/**
 * Where a state entry's object lives (account, region, zone, namespace), as far as its attributes
 * say. Nothing is guessed: a field the attributes do not give stays absent.
 */
import { parseArn } from './arn.ts';
import { block, lastSegment, text } from './attributes.ts';
import type { JsonObject } from './json-shape.ts';

/** The placement fields of a Resource. */
export interface Placement {
  account?: string;
  region?: string;
  zone?: string;
  namespace?: string;
}

const AWS_ACCOUNT = /^\d{12}$/;
/** The region at the start of an availability zone name: `us-east-1a`, `us-west-2-lax-1a`. */
const AWS_AZ_REGION = /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]?(?:-|$)/;
const GCP_ZONE = /^([a-z]+-[a-z]+\d+)-[a-z]$/;
const GCP_PROJECT_IN_PATH = /(?:^|\/)projects\/([^/]+)\//;
const KUBERNETES_PREFIXES = ['kubernetes_', 'helm_', 'kubectl_'];

/** The region of an AWS availability zone name; `undefined` for zone ids (`use1-az1`). */
function awsRegionOfZone(zone: string | undefined): string | undefined {
  return zone === undefined ? undefined : AWS_AZ_REGION.exec(zone)?.[1];
}

/** The AWS account: from the ARN, `owner_id` or the resource identity. */
export function awsAccount(attributes: JsonObject, identity: JsonObject | undefined): string | undefined {
  const candidates = [
    parseArn(text(attributes.arn))?.account,
    text(attributes.owner_id),
    text(identity?.account_id),
  ];
  return candidates.find((value) => value !== undefined && AWS_ACCOUNT.test(value));
}

/**
 * The AWS region: from the ARN, the `region` attribute (AWS provider 6), the resource identity
 * or the availability zone.
 */
export function awsRegion(attributes: JsonObject, identity: JsonObject | undefined): string | undefined {
  return (
    parseArn(text(attributes.arn))?.region ||
    text(attributes.region) ||
    text(identity?.region) ||
    awsRegionOfZone(text(attributes.availability_zone))
  );
}

/** The GCP project: the `project` attribute, else the `projects/P/` of the id or self link. */
export function gcpProject(attributes: JsonObject): string | undefined {
  return (
    text(attributes.project) ??
    GCP_PROJECT_IN_PATH.exec(text(attributes.id) ?? '')?.[1] ??
    GCP_PROJECT_IN_PATH.exec(text(attributes.self_link) ?? '')?.[1]
  );
}

/** The GCP zone: the `zone` attribute, or a `location` that names a zone (GKE, node pools). */
export function gcpZone(attributes: JsonObject): string | undefined {
  const zone = lastSegment(attributes.zone);
  if (zone) return zone;
  const location = text(attributes.location)?.toLowerCase();
  return location && GCP_ZONE.test(location) ? location : undefined;
}

/** The GCP region: the `region` attribute, the zone's region, or a regional `location`. */
function gcpRegion(attributes: JsonObject): string | undefined {
  const region = lastSegment(attributes.region);
  if (region) return region;
  const zone = gcpZone(attributes);
  if (zone) return GCP_ZONE.exec(zone)?.[1];
  // Bucket locations come in upper case (`US-WEST1`, or a multi-region such as `US`).
  return text(attributes.location)?.toLowerCase();
}

function awsPlacement(attributes: JsonObject, identity: JsonObject | undefined): Placement {
  return {
    account: awsAccount(attributes, identity),
    region: awsRegion(attributes, identity),
    zone: text(attributes.availability_zone),
  };
}

function gcpPlacement(attributes: JsonObject): Placement {
  return { account: gcpProject(attributes), region: gcpRegion(attributes), zone: gcpZone(attributes) };
}

/**
 * Kubernetes objects in state cannot know their cluster (the provider configuration holds it),
 * so they get a namespace and no account.
 */
function kubernetesPlacement(type: string, attributes: JsonObject): Placement {
  const metadata = block(attributes.metadata) ?? block(block(attributes.manifest)?.metadata);
  const namespace = type.startsWith('kubernetes_') ? text(metadata?.namespace) : undefined;
  return { namespace: namespace ?? text(attributes.namespace) };
}

/** Drops absent fields, so a Resource carries only what is known. */
function known(placement: Placement): Placement {
  return Object.fromEntries(Object.entries(placement).filter(([, value]) => value !== undefined));
}

/** The account, region, zone and namespace that a state entry's attributes give. */
export function placementOf(type: string, attributes: JsonObject, identity?: JsonObject): Placement {
  if (type.startsWith('aws_')) return known(awsPlacement(attributes, identity));
  if (type.startsWith('google_')) return known(gcpPlacement(attributes));
  if (KUBERNETES_PREFIXES.some((prefix) => type.startsWith(prefix)))
    return known(kubernetesPlacement(type, attributes));
  if (type.startsWith('azurerm_')) return known({ region: text(attributes.location) });
  return known({ region: text(attributes.region) });
}
