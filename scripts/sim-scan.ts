/**
 * How `wgo scan` reaches a running simulator: the scope flags naming every simulated account,
 * project and cluster, and the environment pointing the SDKs at the simulator's client files.
 * Shared by the demo (`npm start`) and the benchmarks.
 */
import type { SimulatorInfo } from '../sim/index.ts';

/** Scope flags for every simulated provider (plus the example Terraform states). */
export function simScopeArgs(info: SimulatorInfo): string[] {
  return [
    ...info.awsProfiles.flatMap((profile) => ['--profile', profile]),
    '--all-regions',
    ...info.gcpProjects.flatMap((project) => ['--project', project]),
    '--kubeconfig',
    info.kubeconfig,
    ...info.kubeContexts.flatMap((context) => ['--context', context]),
    '--path',
    'examples/terraform',
  ];
}

/** The environment that points AWS, GCP and Kubernetes clients at the simulator. */
export function simEnv(info: SimulatorInfo): NodeJS.ProcessEnv {
  return {
    AWS_CONFIG_FILE: info.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: info.awsCredentialsFile,
    GOOGLE_APPLICATION_CREDENTIALS: info.gcpCredentials,
    WGO_GCP_ENDPOINT: info.gcp,
    KUBECONFIG: info.kubeconfig,
  };
}
