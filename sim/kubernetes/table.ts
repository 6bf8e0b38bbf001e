/** The `meta.k8s.io/v1` Table that kubectl asks for (`Accept: application/json;as=Table;...`). */
import type { KubeResource } from '../inventory/kubernetes.ts';

interface Column {
  readonly name: string;
  readonly type: string;
  readonly format?: string;
  readonly priority?: number;
  readonly cell: (object: KubeObject) => string | number;
}

/** The fields of an API object the columns read. */
export interface KubeObject {
  metadata: { name: string; namespace?: string; creationTimestamp: string } & Record<string, unknown>;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** kubectl's age format: 45s, 12m, 5h, 30d, 2y. */
export function age(created: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(created)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 365 * 86400 * 2) return `${Math.floor(seconds / 86400)}d`;
  return `${Math.floor(seconds / (365 * 86400))}y`;
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0);

function extraColumns(kind: string): Column[] {
  switch (kind) {
    case 'Pod':
      return [
        {
          name: 'Ready',
          type: 'string',
          cell: (o) =>
            `${(o.status?.containerStatuses as unknown[] | undefined)?.length ?? 0}/${(o.spec?.containers as unknown[] | undefined)?.length ?? 0}`,
        },
        { name: 'Status', type: 'string', cell: (o) => String(o.status?.phase ?? '') },
        {
          name: 'Restarts',
          type: 'string',
          cell: (o) =>
            String(
              (o.status?.containerStatuses as { restartCount: number }[] | undefined)?.[0]?.restartCount ?? 0,
            ),
        },
      ];
    case 'Deployment':
      return [
        {
          name: 'Ready',
          type: 'string',
          cell: (o) => `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas)}`,
        },
        { name: 'Up-to-date', type: 'integer', cell: (o) => num(o.status?.updatedReplicas) },
        { name: 'Available', type: 'integer', cell: (o) => num(o.status?.availableReplicas) },
      ];
    case 'ReplicaSet':
      return [
        { name: 'Desired', type: 'integer', cell: (o) => num(o.spec?.replicas) },
        { name: 'Current', type: 'integer', cell: (o) => num(o.status?.replicas) },
        { name: 'Ready', type: 'integer', cell: (o) => num(o.status?.readyReplicas) },
      ];
    case 'Service':
      return [
        { name: 'Type', type: 'string', cell: (o) => String(o.spec?.type ?? '') },
        { name: 'Cluster-IP', type: 'string', cell: (o) => String(o.spec?.clusterIP ?? '') },
      ];
    case 'Namespace':
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
      return [{ name: 'Status', type: 'string', cell: (o) => String(o.status?.phase ?? '') }];
    case 'Secret':
      return [{ name: 'Type', type: 'string', cell: (o) => String(o.type ?? '') }];
    default:
      return [];
  }
}

/** Builds the Table for a page of objects. */
export function toTable(
  resource: KubeResource,
  objects: readonly KubeObject[],
  listMeta: Record<string, unknown>,
  now: number,
): Record<string, unknown> {
  const columns: Column[] = [
    { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name },
    ...extraColumns(resource.objectKind),
    { name: 'Age', type: 'string', cell: (o) => age(o.metadata.creationTimestamp, now) },
  ];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.name,
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
