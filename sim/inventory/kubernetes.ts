/**
 * Kubernetes kinds. Pods belong to the current ReplicaSet of a Deployment, older ReplicaSets
 * are kept at zero replicas as a real revision history is, and ownerReferences carry the
 * owners' uids, all derived from indexes so nothing has to be stored.
 */
import { hexOf, sortedName, sortedSuffix } from '../util/names.ts';
import { mix, Rng, stratified } from '../util/rng.ts';
import type { Scope } from './collection.ts';
import { type GenContext, type KindSpec, pastIso } from './kind.ts';
import { ownershipTags } from './tags.ts';
import { APPS, CONFIGS, NODE_POOLS, ROLES } from './words.ts';

/** How a kind is served by the API server. */
export interface KubeResource {
  readonly kind: string;
  /** API group, `''` for the core group. */
  readonly group: string;
  readonly version: string;
  /** The plural resource name in URLs. */
  readonly resource: string;
  readonly singular: string;
  /** The object's `kind`. */
  readonly objectKind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** Further kinds whose collections this resource also lists (pods of StatefulSets). */
  readonly alsoKinds?: readonly string[];
}

/** Every served resource, in discovery order. */
export const KUBE_RESOURCES: readonly KubeResource[] = [
  res('k8s.namespace', '', 'namespaces', 'Namespace', false, ['ns']),
  res('k8s.node', '', 'nodes', 'Node', false, ['no']),
  res('k8s.persistentVolume', '', 'persistentvolumes', 'PersistentVolume', false, ['pv']),
  { ...res('k8s.pod', '', 'pods', 'Pod', true, ['po']), alsoKinds: ['k8s.statefulSetPod'] },
  res('k8s.service', '', 'services', 'Service', true, ['svc']),
  res('k8s.configMap', '', 'configmaps', 'ConfigMap', true, ['cm']),
  res('k8s.secret', '', 'secrets', 'Secret', true, []),
  res('k8s.persistentVolumeClaim', '', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc']),
  res('k8s.serviceAccount', '', 'serviceaccounts', 'ServiceAccount', true, ['sa']),
  res('k8s.deployment', 'apps', 'deployments', 'Deployment', true, ['deploy']),
  res('k8s.replicaSet', 'apps', 'replicasets', 'ReplicaSet', true, ['rs']),
  res('k8s.statefulSet', 'apps', 'statefulsets', 'StatefulSet', true, ['sts']),
  res('k8s.daemonSet', 'apps', 'daemonsets', 'DaemonSet', true, ['ds']),
  res('k8s.ingress', 'networking.k8s.io', 'ingresses', 'Ingress', true, ['ing']),
];

function res(
  kind: string,
  group: string,
  resource: string,
  objectKind: string,
  namespaced: boolean,
  shortNames: string[],
): KubeResource {
  return {
    kind,
    group,
    version: 'v1',
    resource,
    singular: objectKind.toLowerCase(),
    objectKind,
    namespaced,
    shortNames,
  };
}

function resourceOf(kind: string): KubeResource {
  const found = KUBE_RESOURCES.find((r) => r.kind === kind || r.alsoKinds?.includes(kind));
  if (!found) throw new Error(`unknown Kubernetes kind ${kind}`);
  return found;
}

/** The metadata.uid of item `index` of a collection: a pure function, so owners can be referenced. */
export function objectUid(stream: number, index: number): string {
  return new Rng(mix(stream, 0x6b387), index).uuid();
}

/** A resourceVersion that is stable for a given item. */
function resourceVersion(ctx: GenContext): string {
  return String(1000 + (mix(ctx.stream, ctx.index) % 9_000_000));
}

function metadata(
  ctx: GenContext,
  key: string,
  labels: Record<string, string>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: key,
    ...(ctx.scope.namespace ? { namespace: ctx.scope.namespace } : {}),
    uid: objectUid(ctx.stream, ctx.index),
    resourceVersion: resourceVersion(ctx),
    creationTimestamp: pastIso(ctx, 200),
    labels,
    ...extra,
  };
}

function kubeKind(
  kind: string,
  weight: number,
  key: KindSpec['key'],
  item: KindSpec['item'],
  type?: string,
): KindSpec {
  const r = resourceOf(kind);
  const snake = r.objectKind.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return {
    kind,
    type: type ?? `kubernetes_${snake}`,
    provider: 'kubernetes',
    level: r.namespaced ? 'k8s-namespace' : 'k8s-cluster',
    weight,
    key,
    uid: (scope, name) =>
      `k8s://${scope.account}/${r.group || 'core'}/${r.version}/${r.objectKind}/${scope.namespace ?? '_'}/${name}`,
    item,
  };
}

const named =
  (words: readonly string[]): KindSpec['key'] =>
  (ctx) =>
    sortedName(words, ctx.stream, ctx.index, ctx.count);

/** Items `[start(g), start(g + 1))` of `total` belong to group g of `groups`. */
function groupStart(group: number, total: number, groups: number): number {
  return Math.floor((group * total) / groups);
}

/** The group that item `index` of `total` belongs to. */
function groupOf(index: number, total: number, groups: number): number {
  let g = Math.floor((index * groups) / total);
  while (g + 1 < groups && groupStart(g + 1, total, groups) <= index) g++;
  while (g > 0 && groupStart(g, total, groups) > index) g--;
  return g;
}

/** A sibling collection in the same namespace. */
function sibling(ctx: GenContext, kind: string): { count: number; stream: number; key(i: number): string } {
  const [c] = ctx.inventory.collections(kind, ctx.scope);
  return c ?? { count: 0, stream: 0, key: () => '' };
}

/** The owner group of an item: its index among the owners, and the owner's slice of items. */
interface Owner {
  readonly group: number;
  readonly start: number;
  readonly count: number;
}

/** Which of `owners` owns item `index` of a per-namespace collection, and that owner's slice. */
function ownerOf(ctx: GenContext, owners: number): Owner {
  const g = groupOf(ctx.index, ctx.count, owners);
  const start = groupStart(g, ctx.count, owners);
  return { group: g, start, count: groupStart(g + 1, ctx.count, owners) - start };
}

/** The slice of ReplicaSets that deployment `d` owns; its last is the current one. */
function replicaSetsOf(ctx: GenContext, d: number): { start: number; count: number } {
  const deployments = sibling(ctx, 'k8s.deployment').count;
  const total = sibling(ctx, 'k8s.replicaSet').count;
  const start = groupStart(d, total, deployments);
  return { start, count: groupStart(d + 1, total, deployments) - start };
}

function podsOf(ctx: GenContext, d: number): number {
  const deployments = sibling(ctx, 'k8s.deployment').count;
  const total = sibling(ctx, 'k8s.pod').count;
  return groupStart(d + 1, total, deployments) - groupStart(d, total, deployments);
}

function ownerReference(kind: string, name: string, uid: string): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true };
}

function containers(ctx: GenContext, app: string, secret: string | undefined): Record<string, unknown>[] {
  const { rng } = ctx;
  return [
    {
      name: app,
      image: `registry.example.com/${app}:${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 9)}`,
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      env: [
        { name: 'LOG_LEVEL', value: rng.pick(['info', 'debug', 'warn']) },
        { name: 'DATABASE_PASSWORD', value: rng.hex(20) },
        ...(secret
          ? [{ name: 'API_KEY', valueFrom: { secretKeyRef: { name: secret, key: 'api-key' } } }]
          : []),
      ],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      imagePullPolicy: 'IfNotPresent',
    },
  ];
}

function appOf(name: string): string {
  return name.slice(0, name.indexOf('-'));
}

function podTemplate(ctx: GenContext, app: string, labels: Record<string, string>): Record<string, unknown> {
  return {
    metadata: { labels },
    spec: {
      containers: containers(
        ctx,
        app,
        sibling(ctx, 'k8s.secret').key(ctx.index % Math.max(1, sibling(ctx, 'k8s.secret').count)) ||
          undefined,
      ),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      schedulerName: 'default-scheduler',
    },
  };
}

function clusterOf(ctx: GenContext) {
  const cluster = ctx.layout.clusters.find((c) => c.name === ctx.scope.account);
  if (!cluster) throw new Error(`no cluster ${ctx.scope.account}`);
  return cluster;
}

const namespace: KindSpec = {
  ...kubeKind(
    'k8s.namespace',
    0,
    (ctx) => clusterOf(ctx).namespaces[ctx.index] as string,
    (ctx, key) => ({
      metadata: metadata(ctx, key, { 'kubernetes.io/metadata.name': key }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }),
  ),
  fixedPerScope: (layout, scope) =>
    layout.clusters.find((c) => c.name === scope.account)?.namespaces.length ?? 0,
};

const node = kubeKind(
  'k8s.node',
  0.5,
  (ctx) => `${ctx.scope.account}-${sortedName(NODE_POOLS, ctx.stream, ctx.index, ctx.count)}`,
  (ctx, key) => {
    const { rng } = ctx;
    const zone = `europe-west1-${'bcd'[ctx.index % 3]}`;
    const ip = `10.128.${(ctx.index >> 8) % 256}.${ctx.index % 256}`;
    return {
      metadata: metadata(ctx, key, {
        'kubernetes.io/hostname': key,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': rng.pick(['e2-standard-4', 'n2-standard-8']),
        'topology.kubernetes.io/zone': zone,
      }),
      spec: {
        podCIDR: `10.${64 + (ctx.index % 64)}.${ctx.index % 256}.0/24`,
        providerID: `gce://${ctx.scope.account}/${zone}/${key}`,
      },
      status: {
        capacity: { cpu: '4', memory: '16393232Ki', pods: '110' },
        allocatable: { cpu: '3920m', memory: '13849616Ki', pods: '110' },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: key },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.32.2',
          containerRuntimeVersion: 'containerd://1.7.24',
          osImage: 'Container-Optimized OS from Google',
          kernelVersion: '6.6.56+',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    };
  },
);

const persistentVolume = kubeKind(
  'k8s.persistentVolume',
  1,
  (ctx) => {
    const h = `${hexOf(stratified(ctx.stream, ctx.index, ctx.count), 12)}${new Rng(ctx.stream, ctx.index).hex(20)}`;
    return `pvc-${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
  (ctx, key) => ({
    metadata: metadata(
      ctx,
      key,
      {},
      { annotations: { 'pv.kubernetes.io/provisioned-by': 'pd.csi.storage.gke.io' } },
    ),
    spec: {
      capacity: { storage: `${ctx.rng.pick([10, 50, 100])}Gi` },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard-rwo',
      volumeMode: 'Filesystem',
      csi: { driver: 'pd.csi.storage.gke.io', volumeHandle: `projects/p/zones/z/disks/${key}` },
    },
    status: { phase: 'Bound' },
  }),
);

const deployment = kubeKind('k8s.deployment', 2, named(APPS), (ctx, key) => {
  const app = appOf(key);
  const replicas = podsOf(ctx, ctx.index);
  const labels = { app: key, 'app.kubernetes.io/name': app, ...ownershipTags(ctx.rng) };
  return {
    metadata: metadata(ctx, key, labels, {
      generation: replicaSetsOf(ctx, ctx.index).count || 1,
      annotations: { 'deployment.kubernetes.io/revision': String(replicaSetsOf(ctx, ctx.index).count || 1) },
    }),
    spec: {
      replicas,
      selector: { matchLabels: { app: key } },
      template: podTemplate(ctx, app, { app: key }),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
    },
  };
});

const replicaSet = kubeKind(
  'k8s.replicaSet',
  7,
  (ctx) => {
    const deployments = sibling(ctx, 'k8s.deployment');
    if (deployments.count === 0) return sortedName(APPS, ctx.stream, ctx.index, ctx.count);
    const owner = ownerOf(ctx, deployments.count);
    const hash = sortedSuffix(mix(ctx.stream, owner.group), ctx.index - owner.start, owner.count, 10);
    return `${deployments.key(owner.group)}-${hash}`;
  },
  (ctx, key) => {
    const deployments = sibling(ctx, 'k8s.deployment');
    const owner = deployments.count > 0 ? ownerOf(ctx, deployments.count) : undefined;
    const current = owner !== undefined && ctx.index === owner.start + owner.count - 1;
    const replicas = owner && current ? podsOf(ctx, owner.group) : 0;
    const deployName = owner ? deployments.key(owner.group) : key;
    const hash = key.slice(key.lastIndexOf('-') + 1);
    const labels = { app: deployName, 'pod-template-hash': hash };
    return {
      metadata: metadata(ctx, key, labels, {
        annotations: { 'deployment.kubernetes.io/revision': String(owner ? ctx.index - owner.start + 1 : 1) },
        ...(owner
          ? {
              ownerReferences: [
                ownerReference('Deployment', deployName, objectUid(deployments.stream, owner.group)),
              ],
            }
          : {}),
      }),
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: podTemplate(ctx, appOf(deployName), labels),
      },
      status: {
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        observedGeneration: 1,
      },
    };
  },
);

/** The status of a running, ready pod with one container. */
function runningStatus(ctx: GenContext, container: string, started: string): Record<string, unknown> {
  return {
    phase: 'Running',
    conditions: [
      { type: 'Ready', status: 'True', lastTransitionTime: started },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
    ],
    hostIP: `10.128.0.${ctx.index % 250}`,
    podIP: `10.${64 + (ctx.index % 64)}.${(ctx.index >> 8) % 256}.${ctx.index % 256}`,
    startTime: started,
    containerStatuses: [
      {
        name: container,
        ready: true,
        restartCount: ctx.rng.int(0, 3),
        started: true,
        image: `registry.example.com/${container}`,
        imageID: `sha256:${ctx.rng.hex(64)}`,
        state: { running: { startedAt: started } },
      },
    ],
    qosClass: 'Burstable',
  };
}

/** Where a pod sits: its deployment, and the deployment's current ReplicaSet if it has one. */
function podOwner(ctx: GenContext): {
  deployment?: number;
  replicaSet?: number;
  local: number;
  count: number;
} {
  const deployments = sibling(ctx, 'k8s.deployment').count;
  if (deployments === 0) return { local: ctx.index, count: ctx.count };
  const owner = ownerOf(ctx, deployments);
  const sets = replicaSetsOf(ctx, owner.group);
  return {
    deployment: owner.group,
    ...(sets.count > 0 ? { replicaSet: sets.start + sets.count - 1 } : {}),
    local: ctx.index - owner.start,
    count: owner.count,
  };
}

const pod = kubeKind(
  'k8s.pod',
  13,
  (ctx) => {
    const owner = podOwner(ctx);
    const suffix = sortedSuffix(mix(ctx.stream, owner.deployment ?? 0), owner.local, owner.count, 5);
    if (owner.replicaSet !== undefined)
      return `${sibling(ctx, 'k8s.replicaSet').key(owner.replicaSet)}-${suffix}`;
    if (owner.deployment !== undefined)
      return `${sibling(ctx, 'k8s.deployment').key(owner.deployment)}-${suffix}`;
    return sortedName(APPS, ctx.stream, ctx.index, ctx.count);
  },
  (ctx, key) => {
    const owner = podOwner(ctx);
    const sets = sibling(ctx, 'k8s.replicaSet');
    const rsName = owner.replicaSet !== undefined ? sets.key(owner.replicaSet) : undefined;
    const deployName =
      owner.deployment !== undefined ? sibling(ctx, 'k8s.deployment').key(owner.deployment) : key;
    const labels: Record<string, string> = { app: deployName };
    if (rsName) labels['pod-template-hash'] = rsName.slice(rsName.lastIndexOf('-') + 1);
    const template = podTemplate(ctx, appOf(key), labels) as { spec: Record<string, unknown> };
    const nodes = ctx.inventory.collections('k8s.node', {
      provider: 'kubernetes',
      account: ctx.scope.account,
    })[0];
    const nodeName = nodes && nodes.count > 0 ? nodes.key(ctx.index % nodes.count) : undefined;
    const started = pastIso(ctx, 60);
    return {
      metadata: metadata(ctx, key, labels, {
        ...(rsName && owner.replicaSet !== undefined
          ? {
              generateName: `${rsName}-`,
              ownerReferences: [
                ownerReference('ReplicaSet', rsName, objectUid(sets.stream, owner.replicaSet)),
              ],
            }
          : {}),
      }),
      spec: { ...template.spec, ...(nodeName ? { nodeName } : {}) },
      status: runningStatus(ctx, appOf(key), started),
    };
  },
);

const service = kubeKind('k8s.service', 2, named(APPS), (ctx, key) => {
  const deployments = sibling(ctx, 'k8s.deployment');
  const target = deployments.count > 0 ? deployments.key(ctx.index % deployments.count) : key;
  const ip = `10.96.${(ctx.index >> 8) % 256}.${ctx.index % 256}`;
  return {
    metadata: metadata(ctx, key, { app: target }),
    spec: {
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
      selector: { app: target },
      clusterIP: ip,
      clusterIPs: [ip],
      type: ctx.rng.chance(0.1) ? 'LoadBalancer' : 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  };
});

/** The slice of StatefulSet pods that StatefulSet `s` of `sets` owns. */
function statefulPodsOf(ctx: GenContext, s: number, sets: number): { start: number; count: number } {
  const total = sibling(ctx, 'k8s.statefulSetPod').count;
  const start = groupStart(s, total, sets);
  return { start, count: groupStart(s + 1, total, sets) - start };
}

/**
 * The ordinals 0..count-1 in string order ("0", "1", "10", "11", "2"...), so pod names
 * `<set>-<ordinal>` stay sorted by index within their collection.
 */
function ordinalAt(local: number, count: number): number {
  const ordinals = Array.from({ length: count }, (_, i) => String(i)).sort();
  return Number(ordinals[local]);
}

const statefulSetPod = kubeKind(
  'k8s.statefulSetPod',
  1,
  (ctx) => {
    const sets = sibling(ctx, 'k8s.statefulSet');
    if (sets.count === 0) return sortedName(CONFIGS, ctx.stream, ctx.index, ctx.count);
    const owner = ownerOf(ctx, sets.count);
    return `${sets.key(owner.group)}-${ordinalAt(ctx.index - owner.start, owner.count)}`;
  },
  (ctx, key) => {
    const sets = sibling(ctx, 'k8s.statefulSet');
    const owner = sets.count > 0 ? ownerOf(ctx, sets.count) : undefined;
    const setName = owner ? sets.key(owner.group) : key;
    const labels = { app: setName, 'statefulset.kubernetes.io/pod-name': key };
    const template = podTemplate(ctx, appOf(key), labels) as { spec: Record<string, unknown> };
    const started = pastIso(ctx, 90);
    return {
      metadata: metadata(
        ctx,
        key,
        labels,
        owner
          ? { ownerReferences: [ownerReference('StatefulSet', setName, objectUid(sets.stream, owner.group))] }
          : {},
      ),
      spec: { ...template.spec, hostname: key, subdomain: setName },
      status: runningStatus(ctx, appOf(key), started),
    };
  },
);

const statefulSet = kubeKind('k8s.statefulSet', 0.3, named(CONFIGS), (ctx, key) => {
  const replicas = statefulPodsOf(ctx, ctx.index, ctx.count).count;
  const labels = { app: key };
  return {
    metadata: metadata(ctx, key, labels),
    spec: {
      replicas,
      serviceName: key,
      selector: { matchLabels: labels },
      template: podTemplate(ctx, appOf(key), labels),
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
    },
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      availableReplicas: replicas,
    },
  };
});

const daemonSet = kubeKind(
  'k8s.daemonSet',
  0.2,
  named(['agent', 'exporter', 'fluentbit', 'kubeproxy', 'nodelocaldns']),
  (ctx, key) => {
    const labels = { app: key };
    const nodes =
      ctx.inventory.collections('k8s.node', { provider: 'kubernetes', account: ctx.scope.account })[0]
        ?.count ?? 0;
    return {
      metadata: metadata(ctx, key, labels),
      spec: {
        selector: { matchLabels: labels },
        template: podTemplate(ctx, appOf(key), labels),
        updateStrategy: { type: 'RollingUpdate' },
      },
      status: {
        currentNumberScheduled: nodes,
        desiredNumberScheduled: nodes,
        numberReady: nodes,
        numberMisscheduled: 0,
        observedGeneration: 1,
      },
    };
  },
  'kubernetes_daemonset',
);

const configMap = kubeKind('k8s.configMap', 6, named(CONFIGS), (ctx, key) => ({
  metadata: metadata(ctx, key, ownershipTags(ctx.rng)),
  data: {
    'config.yaml': `logLevel: ${ctx.rng.pick(['info', 'debug'])}\nreplicas: ${ctx.rng.int(1, 5)}\n`,
    TIMEOUT_SECONDS: String(ctx.rng.int(5, 60)),
  },
}));

const secret = kubeKind('k8s.secret', 4, named(CONFIGS), (ctx, key) => {
  const tls = ctx.rng.chance(0.2);
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  return {
    metadata: metadata(ctx, key, {}),
    type: tls ? 'kubernetes.io/tls' : 'Opaque',
    data: tls
      ? {
          'tls.crt': b64(`-----BEGIN CERTIFICATE-----\n${ctx.rng.hex(48)}\n-----END CERTIFICATE-----\n`),
          'tls.key': b64(`-----BEGIN PRIVATE KEY-----\n${ctx.rng.hex(48)}\n-----END PRIVATE KEY-----\n`),
        }
      : { username: b64('app'), password: b64(ctx.rng.hex(24)), 'api-key': b64(`sk_${ctx.rng.hex(32)}`) },
  };
});

const persistentVolumeClaim = kubeKind('k8s.persistentVolumeClaim', 1, named(CONFIGS), (ctx, key) => {
  const size = `${ctx.rng.pick([10, 50, 100])}Gi`;
  const volumes = ctx.inventory.collections('k8s.persistentVolume', {
    provider: 'kubernetes',
    account: ctx.scope.account,
  })[0];
  return {
    metadata: metadata(ctx, key, {}),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      storageClassName: 'standard-rwo',
      volumeMode: 'Filesystem',
      ...(volumes && volumes.count > 0
        ? { volumeName: volumes.key(mix(ctx.stream, ctx.index) % volumes.count) }
        : {}),
    },
    status: {
      phase: volumes && volumes.count > 0 ? 'Bound' : 'Pending',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: size },
    },
  };
});

const serviceAccount = kubeKind('k8s.serviceAccount', 1.5, named(ROLES), (ctx, key) => ({
  metadata: metadata(ctx, key, {}),
}));

const ingress = kubeKind(
  'k8s.ingress',
  0.5,
  named(APPS),
  (ctx, key) => {
    const services = sibling(ctx, 'k8s.service');
    const backend = services.count > 0 ? services.key(ctx.index % services.count) : key;
    return {
      metadata: metadata(
        ctx,
        key,
        {},
        { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } },
      ),
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: `${key}.${ctx.scope.namespace}.example.com`,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: backend, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: `34.120.${ctx.index % 256}.${ctx.rng.int(1, 254)}` }] } },
    };
  },
  'kubernetes_ingress_v1',
);

/** Every Kubernetes kind. */
export const KUBE_KINDS: readonly KindSpec[] = [
  namespace,
  node,
  persistentVolume,
  pod,
  statefulSetPod,
  service,
  configMap,
  secret,
  persistentVolumeClaim,
  serviceAccount,
  deployment,
  replicaSet,
  statefulSet,
  daemonSet,
  ingress,
];

/** The scope of a cluster-scoped collection of a cluster. */
export function clusterScope(cluster: string): Scope {
  return { provider: 'kubernetes', account: cluster };
}
