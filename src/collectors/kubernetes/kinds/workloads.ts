/**
 * Workloads: pods and their controllers. Every pod spec and pod template loses its containers'
 * literal env values (`redactPodSpec`).
 */
import type { V1DaemonSet, V1Deployment, V1Pod, V1ReplicaSet, V1StatefulSet } from '@kubernetes/client-node';
import { redactPodSpec } from '../redact.ts';
import { kind } from './kind.ts';

/** A controller whose spec carries a pod template. */
interface Templated {
  readonly spec?: { readonly template?: { readonly spec?: V1Pod['spec'] } };
}

function redactTemplate<T extends Templated>(object: T): T {
  const template = object.spec?.template;
  if (!template) return object;
  return {
    ...object,
    spec: { ...object.spec, template: { ...template, spec: redactPodSpec(template.spec) } },
  };
}

export const pods = kind<V1Pod>({
  type: 'kubernetes_pod',
  apiVersion: 'v1',
  kind: 'Pod',
  resource: 'pods',
  namespaced: true,
  list: (apis, page, options) => apis.core.listPodForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) => apis.core.listNamespacedPod({ namespace, ...page }, options),
  redact: (pod) => ({ ...pod, spec: redactPodSpec(pod.spec) }),
});

export const deployments = kind<V1Deployment>({
  type: 'kubernetes_deployment',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  resource: 'deployments',
  namespaced: true,
  list: (apis, page, options) => apis.apps.listDeploymentForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.apps.listNamespacedDeployment({ namespace, ...page }, options),
  redact: redactTemplate,
});

export const replicaSets = kind<V1ReplicaSet>({
  type: 'kubernetes_replica_set',
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  resource: 'replicasets',
  namespaced: true,
  list: (apis, page, options) => apis.apps.listReplicaSetForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.apps.listNamespacedReplicaSet({ namespace, ...page }, options),
  redact: redactTemplate,
});

export const statefulSets = kind<V1StatefulSet>({
  type: 'kubernetes_stateful_set',
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  resource: 'statefulsets',
  namespaced: true,
  list: (apis, page, options) => apis.apps.listStatefulSetForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.apps.listNamespacedStatefulSet({ namespace, ...page }, options),
  redact: redactTemplate,
});

export const daemonSets = kind<V1DaemonSet>({
  type: 'kubernetes_daemonset',
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  resource: 'daemonsets',
  namespaced: true,
  list: (apis, page, options) => apis.apps.listDaemonSetForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.apps.listNamespacedDaemonSet({ namespace, ...page }, options),
  redact: redactTemplate,
});
