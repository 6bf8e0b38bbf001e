/**
 * One Kubernetes object as a `Resource` (CONTRACT.md section 1): uid from the kubeconfig cluster
 * name and the object's group, version, kind, namespace and name; id `metadata.uid`; labels as
 * tags; the object, redacted, as configuration.
 *
 * The owning controller (the owner reference with `controller: true`: a pod's ReplicaSet or
 * StatefulSet, a ReplicaSet's Deployment) is `configuration.owner`:
 * `{uid, kind, name, id}`, where `uid` is the owner's wgo uid (so it joins the snapshot) and
 * `id` its `metadata.uid`. The raw `metadata.ownerReferences` stay in the configuration too.
 */
import type { V1OwnerReference } from '@kubernetes/client-node';
import { redactSecrets } from '../../core/redact.ts';
import type { Resource } from '../../core/resource.ts';
import { kubernetesUid } from '../../core/uid.ts';
import { CLUSTER_SCOPED_KINDS } from './kinds/index.ts';
import type { KindSpec, KubeObject } from './kinds/kind.ts';
import { redactMetadata } from './redact.ts';

/** The owning controller of an object, as `configuration.owner` records it. */
export interface Owner {
  /** The owner's wgo uid: `k8s://prod/apps/v1/ReplicaSet/shop/web-5d8f`. */
  readonly uid: string;
  readonly kind: string;
  readonly name: string;
  /** The owner's `metadata.uid`. */
  readonly id: string;
}

/**
 * The controller among `references`, if any. Owners live in their dependent's namespace unless
 * their kind is cluster-scoped (a mirror pod's Node); an unknown kind (a custom controller) is
 * taken as namespaced, as controllers of namespaced objects are.
 */
export function ownerOf(
  cluster: string,
  namespace: string | undefined,
  references: readonly V1OwnerReference[] | undefined,
): Owner | undefined {
  const controller = references?.find((reference) => reference.controller === true);
  if (!controller) return undefined;
  const ownerNamespace = CLUSTER_SCOPED_KINDS.has(controller.kind) ? undefined : namespace;
  return {
    uid: kubernetesUid(cluster, controller.apiVersion, controller.kind, ownerNamespace, controller.name),
    kind: controller.kind,
    name: controller.name,
    id: controller.uid,
  };
}

/** Maps one listed object of `spec`'s kind in `cluster` to a resource seen at `observedAt`. */
export function toResource(
  spec: KindSpec,
  cluster: string,
  object: KubeObject,
  observedAt: string,
): Resource {
  const metadata = object.metadata ?? {};
  const name = metadata.name ?? '';
  const namespace = spec.namespaced ? metadata.namespace : undefined;
  const owner = ownerOf(cluster, namespace, metadata.ownerReferences);
  const redacted = spec.redact ? spec.redact(object) : object;
  // List items carry no apiVersion and kind; the configuration says what the object is.
  const configuration = redactSecrets({
    ...redacted,
    apiVersion: spec.apiVersion,
    kind: spec.kind,
    metadata: redactMetadata(metadata),
    ...(owner ? { owner } : {}),
  }) as Record<string, unknown>;
  return {
    uid: kubernetesUid(cluster, spec.apiVersion, spec.kind, namespace, name),
    provider: 'kubernetes',
    type: spec.type,
    id: metadata.uid ?? '',
    name,
    account: cluster,
    ...(namespace ? { namespace } : {}),
    tags: { ...metadata.labels },
    configuration,
    sources: ['kubernetes'],
    observedAt,
  };
}
