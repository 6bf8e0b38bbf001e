/**
 * Word lists for generated names. Each list is sorted and uses `[a-z0-9]` only, which the sorted
 * name encoders rely on (see util/names.ts).
 */

function sorted(words: string): readonly string[] {
  return Object.freeze(words.split(/\s+/).filter(Boolean).sort());
}

/** Application and service names. */
export const APPS = sorted(`
  accounts admin analytics api auth billing cart catalog checkout cms coupons crm search
  dashboard events export feeds gateway geo graphql images importer inventory invoices ledger
  loyalty mailer media metrics notifier orders payments pricing profile quotes ranking
  recommender refunds reports reviews scheduler sessions shipping signup stock tax tracker
  uploads users vault webhooks worker`);

/** Purposes of infrastructure pieces (security groups, networks, firewalls). */
export const PURPOSES = sorted(`
  allow bastion backend cache data db dmz edge egress frontend internal lb mgmt monitoring
  private public queue vpn web`);

/** People, for IAM users. */
export const PEOPLE = sorted(`
  aisha alex ana ben carla chen dan elena fatima george hana ivan james kenji lara luis maria
  mohamed nina olga omar priya raj sara sofia tom wei yuki zoe`);

/** IAM role and policy purposes. */
export const ROLES = sorted(`
  admin audit backup billing build ci deploy ecs eks etl lambda logs monitoring ops readonly
  reporting s3access scanner security support terraform`);

/** Database names. */
export const DATABASES = sorted(
  `analytics billing catalog core customers events inventory ledger orders users`,
);

/** Config map and secret names. */
export const CONFIGS = sorted(`
  app cache db features flags grafana kafka logging nginx oauth prometheus redis registry smtp tls
  tracing`);

/** Kubernetes node pools. */
export const NODE_POOLS = sorted(`general highmem spot system`);
