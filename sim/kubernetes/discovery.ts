/** Discovery documents: `/version`, `/api`, `/apis` and the served group versions. */
import { KUBE_RESOURCES, type KubeResource } from '../inventory/kubernetes.ts';

/** `/version`. */
export function version(): Record<string, unknown> {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.2',
    gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:19:47Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** `/api`. */
export function coreVersions(): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
  };
}

function groups(): string[] {
  return [...new Set(KUBE_RESOURCES.map((r) => r.group).filter((g) => g !== ''))];
}

/** `/apis`. */
export function groupList(): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups().map((name) => ({
      name,
      versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
      preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
    })),
  };
}

/** `/apis/GROUP`. */
export function group(name: string): Record<string, unknown> | undefined {
  if (!groups().includes(name)) return undefined;
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name,
    versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
    preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
  };
}

/** `/api/v1` or `/apis/GROUP/v1`. */
export function resourceList(groupName: string, versionName: string): Record<string, unknown> | undefined {
  const resources = KUBE_RESOURCES.filter((r) => r.group === groupName && r.version === versionName);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    ...(groupName === '' ? {} : { apiVersion: 'v1' }),
    groupVersion: groupName === '' ? versionName : `${groupName}/${versionName}`,
    resources: resources.map((r: KubeResource) => ({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.objectKind,
      verbs: ['get', 'list'],
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    })),
  };
}
