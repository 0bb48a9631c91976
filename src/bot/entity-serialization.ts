import { createRequire } from 'node:module';

interface CompositeMapper {
  type: { additionalProperties?: { type: { name: string } } };
}

/**
 * botframework-connector 4.23.3 drops every entity property except `type` when it sends an activity (since its
 * move to @azure/core-client), which strips the citation list from the schema.org Message entity. Fixed upstream
 * in botbuilder-js PR #4903 (issue #4902), not yet released: until then, the Entity mapper is given the
 * `additionalProperties` that the fix adds. Idempotent; remove when botbuilder ships the fix.
 */
export function keepEntityProperties(): void {
  const require = createRequire(import.meta.url);
  const mappers = require('botframework-connector/lib/connectorApi/models/mappers') as { Entity: CompositeMapper };
  mappers.Entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
