/** Small resources for engine and merge tests. */
import type { Resource } from '../../src/core/resource.ts';

export function fakeResource(provider: string, id: string, overrides: Partial<Resource> = {}): Resource {
  return {
    uid: `${provider}://${id}`,
    provider,
    type: `${provider}_thing`,
    id,
    name: id,
    tags: {},
    configuration: {},
    sources: [provider],
    observedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
