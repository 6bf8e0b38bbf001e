/** Cluster-scoped kinds: namespaces and nodes. */
import type { V1Namespace, V1Node } from '@kubernetes/client-node';
import { kind } from './kind.ts';

export const namespaces = kind<V1Namespace>({
  type: 'kubernetes_namespace',
  apiVersion: 'v1',
  kind: 'Namespace',
  resource: 'namespaces',
  namespaced: false,
  list: (apis, page, options) => apis.core.listNamespace(page, options),
  read: (apis, name, options) => apis.core.readNamespace({ name }, options),
});

export const nodes = kind<V1Node>({
  type: 'kubernetes_node',
  apiVersion: 'v1',
  kind: 'Node',
  resource: 'nodes',
  namespaced: false,
  list: (apis, page, options) => apis.core.listNode(page, options),
});
