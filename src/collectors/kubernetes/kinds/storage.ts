/** Storage: persistent volumes (cluster-scoped) and the claims that bind them. */
import type { V1PersistentVolume, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { kind } from './kind.ts';

export const persistentVolumes = kind<V1PersistentVolume>({
  type: 'kubernetes_persistent_volume',
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  resource: 'persistentvolumes',
  namespaced: false,
  list: (apis, page, options) => apis.core.listPersistentVolume(page, options),
});

export const persistentVolumeClaims = kind<V1PersistentVolumeClaim>({
  type: 'kubernetes_persistent_volume_claim',
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  resource: 'persistentvolumeclaims',
  namespaced: true,
  list: (apis, page, options) => apis.core.listPersistentVolumeClaimForAllNamespaces(page, options),
  listIn: (apis, namespace, page, options) =>
    apis.core.listNamespacedPersistentVolumeClaim({ namespace, ...page }, options),
});
