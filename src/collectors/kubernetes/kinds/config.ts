/**
 * Configuration and identity: ConfigMaps, Secrets (keys and metadata only: every value is
 * redacted as soon as the page is parsed, before anything else sees the object) and
 * ServiceAccounts.
 */
import type { V1ConfigMap, V1Secret, V1ServiceAccount } from '@kubernetes/client-node';
import { keysOnly } from '../../../core/redact.ts';
import { kind } from './kind.ts';

export const configMaps = kind<V1ConfigMap>({
  type: 'kubernetes_config_map',
  apiVersion: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
  namespaced: true,
  list: (apis, page, options) => apis.core.listConfigMapForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.core.listNamespacedConfigMap({ namespace, ...page }, options),
});

export const secrets = kind<V1Secret>({
  type: 'kubernetes_secret',
  apiVersion: 'v1',
  kind: 'Secret',
  resource: 'secrets',
  namespaced: true,
  list: (apis, page, options) => apis.core.listSecretForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) => apis.core.listNamespacedSecret({ namespace, ...page }, options),
  redact: (secret) => ({ ...secret, data: keysOnly(secret.data), stringData: keysOnly(secret.stringData) }),
});

export const serviceAccounts = kind<V1ServiceAccount>({
  type: 'kubernetes_service_account',
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  resource: 'serviceaccounts',
  namespaced: true,
  list: (apis, page, options) => apis.core.listServiceAccountForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.core.listNamespacedServiceAccount({ namespace, ...page }, options),
});
