/**
 * The config file's JSON Schema (draft-07), the validating twin of `config-types.ts`.
 */

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const positiveInteger = { type: 'integer', minimum: 1 } as const;

const rateLimits = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['ratePerSecond'],
    additionalProperties: false,
    properties: {
      ratePerSecond: { type: 'number', exclusiveMinimum: 0 },
      burst: positiveInteger,
    },
  },
} as const;

function provider(properties: Record<string, unknown>) {
  return {
    type: 'object',
    additionalProperties: false,
    properties: { apiConcurrency: positiveInteger, rateLimits, ...properties },
  } as const;
}

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    scan: {
      type: 'object',
      additionalProperties: false,
      properties: {
        concurrent: { type: 'boolean' },
        maxWorkers: positiveInteger,
        scanTimeout: { type: 'string', pattern: '^([0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$' },
        failOnError: { type: 'boolean' },
        skipMerging: { type: 'boolean' },
        preferredOrder: stringList,
        output: { enum: ['table', 'json', 'yaml', 'ndjson'] },
        types: stringList,
        excludeTypes: stringList,
      },
    },
    providers: {
      type: 'object',
      additionalProperties: false,
      properties: {
        aws: provider({ profiles: stringList, regions: stringList, allRegions: { type: 'boolean' } }),
        gcp: provider({ projects: stringList, regions: stringList, zones: stringList }),
        kubernetes: provider({
          kubeconfig: { type: 'string' },
          contexts: stringList,
          namespaces: stringList,
        }),
        terraform: provider({ paths: stringList, states: stringList }),
      },
    },
  },
} as const;
