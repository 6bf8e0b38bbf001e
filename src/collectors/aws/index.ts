/**
 * The AWS collector (SDK v3). This file stays free of SDK imports: the scan itself
 * (`scan.ts`) is loaded on first use, so `wgo` starts fast when AWS is not scanned.
 */
import type {
  Collector,
  CollectorConfig,
  CollectorContext,
  ValidationCheck,
} from '../../scanner/collector.ts';
import { AWS_TYPES } from './types.ts';

/** Scans AWS accounts: EC2, VPC, S3, IAM, RDS and Lambda. */
export class AwsCollector implements Collector {
  readonly kind = 'aws';
  /** API calls in flight per scan (CONTRACT.md section 3). */
  readonly defaultApiConcurrency = 64;
  readonly #env: NodeJS.ProcessEnv;

  /** @param env where AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL* are read. */
  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.#env = env;
  }

  async collect(config: CollectorConfig, ctx: CollectorContext): Promise<void> {
    if (!ctx.types.includesAny(AWS_TYPES)) return;
    const { scanAws } = await import('./scan.ts');
    await scanAws(config, ctx, this.#env);
  }

  async validate(config: CollectorConfig, ctx: CollectorContext): Promise<ValidationCheck[]> {
    const { validateAws } = await import('./scan.ts');
    return validateAws(config, ctx, this.#env);
  }
}
