/**
 * What Kubernetes objects hide (CONTRACT.md section 4), before the rules every collector applies
 * (`redactSecrets`: secret-looking names, private keys and kubeconfigs in any string):
 *
 * - Secret `data` (and `stringData`): the keys stay, every value is "(redacted)".
 * - Container `env` entries in pod specs and pod templates: the literal `value` is "(redacted)";
 *   `valueFrom` references stay.
 * - The `kubectl.kubernetes.io/last-applied-configuration` annotation: a copy of the applied
 *   manifest, so it carries whatever the manifest did (Secret data, env values).
 * - `managedFields` is dropped, as kubectl hides it: field ownership, not configuration.
 */
import type { V1Container, V1EphemeralContainer, V1ObjectMeta, V1PodSpec } from '@kubernetes/client-node';
import { REDACTED } from '../../core/resource.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function withoutEnvValues<C extends V1Container | V1EphemeralContainer>(container: C): C {
  if (!container.env) return container;
  return {
    ...container,
    env: container.env.map((entry) => (entry.value === undefined ? entry : { ...entry, value: REDACTED })),
  };
}

/** A pod spec whose containers (init and ephemeral too) keep env names but no literal values. */
export function redactPodSpec(spec: V1PodSpec | undefined): V1PodSpec | undefined {
  if (!spec) return spec;
  return {
    ...spec,
    containers: spec.containers.map(withoutEnvValues),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(withoutEnvValues) } : {}),
    ...(spec.ephemeralContainers
      ? { ephemeralContainers: spec.ephemeralContainers.map(withoutEnvValues) }
      : {}),
  };
}

/** Metadata without managedFields and with the last-applied manifest redacted. */
export function redactMetadata(metadata: V1ObjectMeta): V1ObjectMeta {
  const { managedFields: _, ...rest } = metadata;
  const annotations = metadata.annotations;
  if (!annotations || !(LAST_APPLIED in annotations)) return rest;
  return { ...rest, annotations: { ...annotations, [LAST_APPLIED]: REDACTED } };
}
