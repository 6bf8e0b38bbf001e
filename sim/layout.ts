/**
 * Where the simulated inventory lives: accounts and regions, projects and zones, clusters and
 * namespaces. CONTRACT.md section 5 fixes the default shape; a profile can override it.
 */

/** One simulated AWS account. */
export interface AwsAccount {
  readonly id: string;
  /** Profile name written to the AWS config files. */
  readonly profile: string;
  readonly accessKeyId: string;
}

/** One simulated Kubernetes cluster. */
export interface KubeCluster {
  /** The kubeconfig cluster name (the uid uses it). */
  readonly name: string;
  /** The kubeconfig context name, deliberately different from the cluster name. */
  readonly context: string;
  readonly namespaces: readonly string[];
}

/** The simulated estate. */
export interface Layout {
  readonly awsAccounts: readonly AwsAccount[];
  readonly awsRegions: readonly string[];
  readonly gcpProjects: readonly string[];
  readonly gcpZones: readonly string[];
  readonly clusters: readonly KubeCluster[];
}

/** How a profile may reshape the layout: counts, or explicit names. */
export interface LayoutOverrides {
  /** Number of AWS accounts. @default 2 */
  readonly awsAccounts?: number;
  /** AWS region names. @default ["us-east-1", "us-west-2", "eu-west-1"] */
  readonly awsRegions?: readonly string[];
  /** Number of GCP projects. @default 2 */
  readonly gcpProjects?: number;
  /** GCP zone names. @default four zones over two regions */
  readonly gcpZones?: readonly string[];
  /** Number of Kubernetes clusters. @default 2 */
  readonly clusters?: number;
  /** Namespaces per cluster. @default 10 */
  readonly namespacesPerCluster?: number;
}

const DEFAULT_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const DEFAULT_ZONES = ['us-central1-a', 'us-central1-b', 'europe-west1-b', 'europe-west1-c'];
const PROJECT_NAMES = ['acme-prod', 'acme-staging', 'acme-data', 'acme-ml', 'acme-edge', 'acme-sandbox'];
const CLUSTER_NAMES = ['prod-eu', 'staging-us', 'prod-us', 'dev-eu', 'ci-us', 'edge-ap'];
const NAMESPACES = [
  'default',
  'kube-system',
  'monitoring',
  'ingress-nginx',
  'checkout',
  'catalog',
  'payments',
  'search',
  'users',
  'notifications',
];

/** Builds the layout, validating the overrides. */
export function buildLayout(overrides: LayoutOverrides = {}): Layout {
  const accounts = positive(overrides.awsAccounts ?? 2, 'awsAccounts', 9);
  const projects = positive(overrides.gcpProjects ?? 2, 'gcpProjects', 99);
  const clusters = positive(overrides.clusters ?? 2, 'clusters', 99);
  const namespaces = positive(overrides.namespacesPerCluster ?? 10, 'namespacesPerCluster', 1000);
  const awsRegions = nonEmpty(overrides.awsRegions ?? DEFAULT_REGIONS, 'awsRegions');
  const gcpZones = nonEmpty(overrides.gcpZones ?? DEFAULT_ZONES, 'gcpZones');
  for (const zone of gcpZones) {
    if (!/^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone)) throw new Error(`gcpZones: "${zone}" is not a zone name`);
  }
  return {
    awsAccounts: Array.from({ length: accounts }, (_, i) => {
      const id = String(i + 1).repeat(12);
      return { id, profile: `sim-${id}`, accessKeyId: `AKIASIM${id.slice(0, 4)}${'EXAMPLE'.padEnd(9, 'X')}` };
    }),
    awsRegions,
    gcpProjects: Array.from({ length: projects }, (_, i) => numbered(PROJECT_NAMES, i)),
    gcpZones,
    clusters: Array.from({ length: clusters }, (_, i) => {
      const name = numbered(CLUSTER_NAMES, i);
      return {
        name,
        context: `ctx-${name}`,
        namespaces: Array.from({ length: namespaces }, (_, n) => numbered(NAMESPACES, n)).sort(),
      };
    }),
  };
}

/** The GCP regions the zones belong to, in order of first appearance. */
export function gcpRegions(layout: Layout): string[] {
  return [...new Set(layout.gcpZones.map(regionOfZone))];
}

/** `us-central1-a` → `us-central1`. */
export function regionOfZone(zone: string): string {
  return zone.slice(0, zone.lastIndexOf('-'));
}

function numbered(names: readonly string[], i: number): string {
  const base = names[i % names.length] as string;
  return i < names.length ? base : `${base}-${Math.floor(i / names.length) + 1}`;
}

function positive(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function nonEmpty(list: readonly string[], name: string): readonly string[] {
  if (!Array.isArray(list) || list.length === 0 || new Set(list).size !== list.length) {
    throw new Error(`${name} must be a non-empty list of distinct names, got ${JSON.stringify(list)}`);
  }
  return list;
}
