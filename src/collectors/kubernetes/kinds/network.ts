/** Networking: Services and Ingresses (networking.k8s.io/v1, Terraform's `kubernetes_ingress_v1`). */
import type { V1Ingress, V1Service } from '@kubernetes/client-node';
import { kind } from './kind.ts';

export const services = kind<V1Service>({
  type: 'kubernetes_service',
  apiVersion: 'v1',
  kind: 'Service',
  resource: 'services',
  namespaced: true,
  list: (apis, page, options) => apis.core.listServiceForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.core.listNamespacedService({ namespace, ...page }, options),
});

export const ingresses = kind<V1Ingress>({
  type: 'kubernetes_ingress_v1',
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  resource: 'ingresses',
  namespaced: true,
  list: (apis, page, options) => apis.networking.listIngressForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.networking.listNamespacedIngress({ namespace, ...page }, options),
});
