/** The kubeconfig: one cluster, user and context per simulated cluster. */
import type { Layout } from '../layout.ts';

/**
 * Writes a kubeconfig (YAML) whose contexts point at the simulator with each cluster's token,
 * trusting the simulator's test-only certificate authority.
 */
export function kubeconfig(
  layout: Layout,
  server: string,
  tokens: ReadonlyMap<string, string>,
  caPem: string,
): string {
  const tokenOf = (cluster: string) => [...tokens].find(([, c]) => c === cluster)?.[0] ?? '';
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    'preferences: {}',
    `current-context: ${layout.clusters[0]?.context ?? ''}`,
    'clusters:',
  ];
  for (const c of layout.clusters)
    lines.push(
      `- name: ${c.name}`,
      '  cluster:',
      `    server: ${server}`,
      `    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}`,
    );
  lines.push('users:');
  for (const c of layout.clusters)
    lines.push(`- name: scanner@${c.name}`, '  user:', `    token: ${tokenOf(c.name)}`);
  lines.push('contexts:');
  for (const c of layout.clusters)
    lines.push(`- name: ${c.context}`, '  context:', `    cluster: ${c.name}`, `    user: scanner@${c.name}`);
  return `${lines.join('\n')}\n`;
}
