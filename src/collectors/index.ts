/**
 * The built-in collectors by provider name. `src/collectors/README.md` is the contract a
 * collector implements.
 */
import type { Collector } from '../scanner/collector.ts';
import { AwsCollector } from './aws/index.ts';
import { GcpCollector } from './gcp/index.ts';
import { KubernetesCollector } from './kubernetes/index.ts';
import { TerraformCollector } from './terraform/index.ts';

/** A fresh instance of every built-in collector, by the name it is registered under. */
export function builtinCollectors(): Record<string, Collector> {
  return {
    aws: new AwsCollector(),
    gcp: new GcpCollector(),
    kubernetes: new KubernetesCollector(),
    terraform: new TerraformCollector(),
  };
}
