/**
 * The Kubernetes collector's settings (`providers.kubernetes` in the config file; `--kubeconfig`,
 * `--context` and `--namespace` on the command line), checked at the door.
 */
import { stringListSetting, stringSetting } from '../../core/settings.ts';

export interface KubernetesSettings {
  /** A kubeconfig file; without it `KUBECONFIG`, then `~/.kube/config`, then in-cluster config. */
  readonly kubeconfig: string | undefined;
  /** Contexts to scan, each its own cluster. Empty: the kubeconfig's current context. */
  readonly contexts: readonly string[];
  /** Namespaces to scan. Empty: every namespace, and the cluster-scoped kinds. */
  readonly namespaces: readonly string[];
}

/** Reads the settings from a `CollectorConfig.config` object. */
export function kubernetesSettings(config: Readonly<Record<string, unknown>> = {}): KubernetesSettings {
  const kubeconfig = stringSetting(config.kubeconfig, 'kubernetes.kubeconfig');
  return {
    kubeconfig: kubeconfig === '' ? undefined : kubeconfig,
    contexts: [...new Set(stringListSetting(config.contexts, 'kubernetes.contexts'))],
    namespaces: [...new Set(stringListSetting(config.namespaces, 'kubernetes.namespaces'))],
  };
}
