/**
 * Every kind the collector lists, in the order their lists start: the usually longest first
 * (pods, ReplicaSets, ConfigMaps, Secrets dominate real clusters), so the slowest page chains
 * are not left to start last when the pool is busy.
 */

import { namespaces, nodes } from './cluster.ts';
import { configMaps, secrets, serviceAccounts } from './config.ts';
import type { KindSpec } from './kind.ts';
import { ingresses, services } from './network.ts';
import { persistentVolumeClaims, persistentVolumes } from './storage.ts';
import { daemonSets, deployments, pods, replicaSets, statefulSets } from './workloads.ts';

export const KINDS: readonly KindSpec[] = [
  pods,
  replicaSets,
  configMaps,
  secrets,
  deployments,
  services,
  serviceAccounts,
  persistentVolumes,
  persistentVolumeClaims,
  nodes,
  ingresses,
  statefulSets,
  daemonSets,
  namespaces,
];

/** Kinds without a namespace, by `kind`: an owner reference to one names no namespace. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(
  KINDS.filter((spec) => !spec.namespaced).map((spec) => spec.kind),
);
