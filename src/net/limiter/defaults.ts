/**
 * Starting rates per (provider, service), in requests per second. They are where each bucket
 * starts; the buckets then adapt to what the API actually allows. Chosen from the providers'
 * documented limits: EC2 refills its bucket for Describe calls at 20/s (burst 100); IAM and
 * RDS allow a few per second; S3 thousands; Compute Engine's read quota is 20/s per project;
 * Kubernetes API Priority and Fairness answers 429 when a client needs to slow down.
 */
import type { RateLimitSetting } from '../../config/config-types.ts';

const FALLBACK: RateLimitSetting = { ratePerSecond: 10, burst: 20 };

export const DEFAULT_RATE_LIMITS: Readonly<Record<string, Readonly<Record<string, RateLimitSetting>>>> = {
  aws: {
    ec2: { ratePerSecond: 20, burst: 100 },
    iam: { ratePerSecond: 10, burst: 20 },
    sts: { ratePerSecond: 10, burst: 20 },
    s3: { ratePerSecond: 300, burst: 600 },
    rds: { ratePerSecond: 10, burst: 20 },
    lambda: { ratePerSecond: 15, burst: 30 },
  },
  gcp: {
    compute: { ratePerSecond: 20, burst: 40 },
    storage: { ratePerSecond: 50, burst: 100 },
    container: { ratePerSecond: 10, burst: 20 },
    iam: { ratePerSecond: 10, burst: 20 },
  },
  kubernetes: {
    api: { ratePerSecond: 50, burst: 100 },
  },
};

/** The starting rate of `service` for `provider`. */
export function defaultRateLimit(provider: string, service: string): RateLimitSetting {
  return DEFAULT_RATE_LIMITS[provider]?.[service] ?? FALLBACK;
}
