/** GCP kinds, as the Compute, Storage, Container and IAM v1 JSON APIs return them. */
import { regionOfZone } from '../layout.ts';
import { sortedName } from '../util/names.ts';
import type { Scope } from './collection.ts';
import { type GenContext, type KindSpec, pastIso, siblingCount, siblingKey } from './kind.ts';
import { ownershipTags } from './tags.ts';
import { APPS, PURPOSES, ROLES } from './words.ts';

const COMPUTE = 'https://www.googleapis.com/compute/v1';

/** `projects/P/zones/Z`, `projects/P/regions/R` or `projects/P/global`. */
export function computeScopePath(scope: Scope): string {
  if (scope.zone) return `projects/${scope.account}/zones/${scope.zone}`;
  if (scope.region) return `projects/${scope.account}/regions/${scope.region}`;
  return `projects/${scope.account}/global`;
}

function computeKind(
  kind: string,
  type: string,
  weight: number,
  level: KindSpec['level'],
  collection: string,
  words: readonly string[],
  item: KindSpec['item'],
): KindSpec {
  return {
    kind,
    type,
    provider: 'gcp',
    level,
    weight,
    key: (ctx) => sortedName(words, ctx.stream, ctx.index, ctx.count),
    uid: (scope, key) => `//compute.googleapis.com/${computeScopePath(scope)}/${collection}/${key}`,
    item,
  };
}

/** GCP timestamps carry an offset and milliseconds. */
function gcpTime(ctx: GenContext, days: number): string {
  return pastIso(ctx, days).replace('Z', '.000-07:00');
}

function common(ctx: GenContext, kind: string, key: string, collection: string): Record<string, unknown> {
  return {
    kind,
    id: ctx.rng.digits(19),
    creationTimestamp: gcpTime(ctx, 800),
    name: key,
    selfLink: `${COMPUTE}/${computeScopePath(ctx.scope)}/${collection}/${key}`,
  };
}

function globalLink(ctx: GenContext, collection: string, key: string | undefined): string {
  return `${COMPUTE}/projects/${ctx.scope.account}/global/${collection}/${key ?? 'default'}`;
}

const instance = computeKind(
  'compute.instance',
  'google_compute_instance',
  4.5,
  'gcp-zone',
  'instances',
  APPS,
  (ctx, key) => {
    const { rng, scope, index } = ctx;
    const zone = scope.zone as string;
    const region = regionOfZone(zone);
    const disk =
      index < siblingCount(ctx, 'compute.disk', scope)
        ? siblingKey(ctx, 'compute.disk', scope, index)
        : undefined;
    const subnet = siblingKey(
      ctx,
      'compute.subnetwork',
      { provider: 'gcp', account: scope.account, region },
      index,
    );
    return {
      ...common(ctx, 'compute#instance', key, 'instances'),
      description: '',
      tags: { items: [rng.pick(['http-server', 'https-server', 'ssh'])], fingerprint: rng.hex(11) },
      machineType: `${COMPUTE}/projects/${scope.account}/zones/${zone}/machineTypes/${rng.pick(['e2-medium', 'e2-standard-4', 'n2-standard-8'])}`,
      status: rng.chance(0.9) ? 'RUNNING' : 'TERMINATED',
      zone: `${COMPUTE}/projects/${scope.account}/zones/${zone}`,
      canIpForward: false,
      networkInterfaces: [
        {
          kind: 'compute#networkInterface',
          network: globalLink(
            ctx,
            'networks',
            siblingKey(ctx, 'compute.network', { provider: 'gcp', account: scope.account }, index),
          ),
          subnetwork: `${COMPUTE}/projects/${scope.account}/regions/${region}/subnetworks/${subnet ?? 'default'}`,
          networkIP: `10.${index % 256}.${rng.int(0, 255)}.${rng.int(2, 250)}`,
          name: 'nic0',
          fingerprint: rng.hex(11),
          stackType: 'IPV4_ONLY',
        },
      ],
      disks: disk
        ? [
            {
              kind: 'compute#attachedDisk',
              type: 'PERSISTENT',
              mode: 'READ_WRITE',
              source: `${COMPUTE}/projects/${scope.account}/zones/${zone}/disks/${disk}`,
              deviceName: 'persistent-disk-0',
              index: 0,
              boot: true,
              autoDelete: true,
              interface: 'SCSI',
              diskSizeGb: '50',
            },
          ]
        : [],
      metadata: {
        kind: 'compute#metadata',
        fingerprint: rng.hex(11),
        items: [{ key: 'enable-oslogin', value: 'TRUE' }],
      },
      serviceAccounts: [
        {
          email: `${rng.digits(12)}-compute@developer.gserviceaccount.com`,
          scopes: ['https://www.googleapis.com/auth/cloud-platform'],
        },
      ],
      scheduling: {
        onHostMaintenance: 'MIGRATE',
        automaticRestart: true,
        preemptible: false,
        provisioningModel: 'STANDARD',
      },
      cpuPlatform: 'Intel Cascade Lake',
      labels: ownershipTags(rng),
      labelFingerprint: rng.hex(11),
      startRestricted: false,
      deletionProtection: false,
      fingerprint: rng.hex(11),
      lastStartTimestamp: gcpTime(ctx, 60),
    };
  },
);

const disk = computeKind('compute.disk', 'google_compute_disk', 6, 'gcp-zone', 'disks', APPS, (ctx, key) => {
  const { rng, scope, index } = ctx;
  const zone = scope.zone as string;
  const user =
    index < siblingCount(ctx, 'compute.instance', scope)
      ? siblingKey(ctx, 'compute.instance', scope, index)
      : undefined;
  return {
    ...common(ctx, 'compute#disk', key, 'disks'),
    sizeGb: String(rng.pick([10, 50, 100, 500])),
    zone: `${COMPUTE}/projects/${scope.account}/zones/${zone}`,
    status: 'READY',
    type: `${COMPUTE}/projects/${scope.account}/zones/${zone}/diskTypes/${rng.pick(['pd-balanced', 'pd-ssd', 'pd-standard'])}`,
    ...(user
      ? {
          users: [`${COMPUTE}/projects/${scope.account}/zones/${zone}/instances/${user}`],
          lastAttachTimestamp: gcpTime(ctx, 60),
        }
      : {}),
    labels: ownershipTags(rng),
    labelFingerprint: rng.hex(11),
    physicalBlockSizeBytes: '4096',
  };
});

const network = computeKind(
  'compute.network',
  'google_compute_network',
  0.2,
  'gcp-project',
  'networks',
  PURPOSES,
  (ctx, key) => ({
    ...common(ctx, 'compute#network', key, 'networks'),
    description: '',
    autoCreateSubnetworks: false,
    routingConfig: { routingMode: 'REGIONAL' },
    networkFirewallPolicyEnforcementOrder: 'AFTER_CLASSIC_FIREWALL',
    mtu: 1460,
  }),
);

const subnetwork = computeKind(
  'compute.subnetwork',
  'google_compute_subnetwork',
  1,
  'gcp-region',
  'subnetworks',
  PURPOSES,
  (ctx, key) => ({
    ...common(ctx, 'compute#subnetwork', key, 'subnetworks'),
    network: globalLink(
      ctx,
      'networks',
      siblingKey(ctx, 'compute.network', { provider: 'gcp', account: ctx.scope.account }, ctx.index),
    ),
    ipCidrRange: `10.${ctx.index % 256}.${(ctx.index >> 8) % 256}.0/24`,
    gatewayAddress: `10.${ctx.index % 256}.${(ctx.index >> 8) % 256}.1`,
    region: `${COMPUTE}/projects/${ctx.scope.account}/regions/${ctx.scope.region}`,
    privateIpGoogleAccess: ctx.rng.chance(0.5),
    fingerprint: ctx.rng.hex(11),
    purpose: 'PRIVATE',
    stackType: 'IPV4_ONLY',
  }),
);

const firewall = computeKind(
  'compute.firewall',
  'google_compute_firewall',
  1.5,
  'gcp-project',
  'firewalls',
  PURPOSES,
  (ctx, key) => {
    const port = ctx.rng.pick(['22', '80', '443', '8080']);
    return {
      ...common(ctx, 'compute#firewall', key, 'firewalls'),
      description: `allow ${port}`,
      network: globalLink(ctx, 'networks', siblingKey(ctx, 'compute.network', ctx.scope, ctx.index)),
      priority: 1000,
      sourceRanges: [port === '22' ? '35.235.240.0/20' : '0.0.0.0/0'],
      allowed: [{ IPProtocol: 'tcp', ports: [port] }],
      direction: 'INGRESS',
      logConfig: { enable: false },
      disabled: false,
    };
  },
);

const bucket: KindSpec = {
  kind: 'storage.bucket',
  type: 'google_storage_bucket',
  provider: 'gcp',
  level: 'gcp-project',
  weight: 0.8,
  key: (ctx) => `${ctx.scope.account}-${sortedName(APPS, ctx.stream, ctx.index, ctx.count)}`,
  uid: (_scope, key) => `//storage.googleapis.com/${key}`,
  item: (ctx, key) => {
    const created = pastIso(ctx, 1200).replace('Z', '.000Z');
    return {
      kind: 'storage#bucket',
      selfLink: `https://www.googleapis.com/storage/v1/b/${key}`,
      id: key,
      name: key,
      projectNumber: projectNumber(ctx.scope.account),
      generation: String(1_700_000_000_000_000 + ctx.rng.int(0, 999_999)),
      metageneration: '1',
      location: ctx.rng.pick(['US', 'EU', 'US-CENTRAL1', 'EUROPE-WEST1']),
      storageClass: ctx.rng.pick(['STANDARD', 'NEARLINE']),
      etag: 'CAE=',
      timeCreated: created,
      updated: created,
      labels: ownershipTags(ctx.rng),
      softDeletePolicy: { retentionDurationSeconds: '604800', effectiveTime: created },
      iamConfiguration: {
        bucketPolicyOnly: { enabled: true },
        uniformBucketLevelAccess: { enabled: true },
        publicAccessPrevention: 'enforced',
      },
      locationType: 'multi-region',
    };
  },
};

/** A project's number, derived from its id. */
export function projectNumber(project: string): string {
  let n = 0;
  for (const c of project) n = (n * 31 + c.charCodeAt(0)) % 1_000_000_000;
  return String(100_000_000_000 + n);
}

const cluster: KindSpec = {
  kind: 'container.cluster',
  type: 'google_container_cluster',
  provider: 'gcp',
  level: 'gcp-region',
  weight: 0.1,
  key: (ctx) => sortedName(APPS, ctx.stream, ctx.index, ctx.count),
  uid: (scope, key) =>
    `//container.googleapis.com/projects/${scope.account}/locations/${scope.region}/clusters/${key}`,
  item: (ctx, key) => {
    const { rng, scope } = ctx;
    const location = scope.region as string;
    const version = rng.pick(['1.31.6-gke.1020000', '1.32.2-gke.1297000']);
    const nodeConfig = {
      machineType: 'e2-standard-4',
      diskSizeGb: 100,
      oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
      imageType: 'COS_CONTAINERD',
    };
    return {
      name: key,
      nodeConfig,
      masterAuth: {
        clusterCaCertificate: Buffer.from(
          `-----BEGIN CERTIFICATE-----\n${rng.hex(64)}\n-----END CERTIFICATE-----\n`,
        ).toString('base64'),
      },
      loggingService: 'logging.googleapis.com/kubernetes',
      monitoringService: 'monitoring.googleapis.com/kubernetes',
      network: 'default',
      clusterIpv4Cidr: `10.${ctx.index % 200}.0.0/14`,
      nodePools: [
        {
          name: 'default-pool',
          config: nodeConfig,
          initialNodeCount: 3,
          autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 10 },
          management: { autoUpgrade: true, autoRepair: true },
          selfLink: `https://container.googleapis.com/v1/projects/${scope.account}/locations/${location}/clusters/${key}/nodePools/default-pool`,
          version,
          status: 'RUNNING',
        },
      ],
      locations: [`${location}-a`, `${location}-b`],
      labelFingerprint: rng.hex(8),
      selfLink: `https://container.googleapis.com/v1/projects/${scope.account}/locations/${location}/clusters/${key}`,
      zone: location,
      endpoint: `34.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      initialClusterVersion: version,
      currentMasterVersion: version,
      currentNodeVersion: version,
      createTime: pastIso(ctx, 600).replace('Z', '+00:00'),
      status: 'RUNNING',
      location,
      resourceLabels: ownershipTags(rng),
      id: rng.hex(32),
    };
  },
};

const serviceAccount: KindSpec = {
  kind: 'iam.serviceAccount',
  type: 'google_service_account',
  provider: 'gcp',
  level: 'gcp-project',
  weight: 0.9,
  key: (ctx) =>
    `${sortedName(ROLES, ctx.stream, ctx.index, ctx.count)}@${ctx.scope.account}.iam.gserviceaccount.com`,
  uid: (scope, key) => `//iam.googleapis.com/projects/${scope.account}/serviceAccounts/${key}`,
  item: (ctx, key) => {
    const uniqueId = ctx.rng.digits(21);
    return {
      name: `projects/${ctx.scope.account}/serviceAccounts/${key}`,
      projectId: ctx.scope.account,
      uniqueId,
      email: key,
      displayName: `${key.split('@')[0]} service account`,
      etag: 'MDEwMjE5MjA=',
      oauth2ClientId: uniqueId,
    };
  },
};

/** Every GCP kind. */
export const GCP_KINDS: readonly KindSpec[] = [
  instance,
  disk,
  network,
  subnetwork,
  firewall,
  bucket,
  cluster,
  serviceAccount,
];
