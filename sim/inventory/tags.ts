/** Tags and labels shared by every provider's generators. */
import type { Rng } from '../util/rng.ts';

const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const TEAMS = ['platform', 'payments', 'growth', 'data', 'security', 'web'];
const COST_CENTERS = ['cc-1001', 'cc-1002', 'cc-2001', 'cc-3005'];

/** Realistic ownership tags: environment, team, sometimes a cost centre and a Terraform marker. */
export function ownershipTags(rng: Rng): Record<string, string> {
  const tags: Record<string, string> = { env: rng.pick(ENVIRONMENTS), team: rng.pick(TEAMS) };
  if (rng.chance(0.5)) tags['cost-center'] = rng.pick(COST_CENTERS);
  if (rng.chance(0.3)) tags['managed-by'] = 'terraform';
  return tags;
}

/** EC2's `tagSet` shape: a list of key/value pairs, `Name` first when given. */
export function ec2TagSet(
  name: string | undefined,
  tags: Record<string, string>,
): { key: string; value: string }[] {
  const set = Object.entries(tags).map(([key, value]) => ({ key, value }));
  return name === undefined ? set : [{ key: 'Name', value: name }, ...set];
}
