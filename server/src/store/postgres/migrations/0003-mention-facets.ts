import type { Migration } from './migration';

/**
 * How each source names and describes an actor, kept on its mention row (`facets`: the source's document actors
 * under the actor's key, with their names, aliases and roles), so an archived actor's card lists roles and other
 * names from every source that gives them without reading the sources' analyses. Rows written before this step
 * are filled from the stored analyses (document actors whose merge key was stored with them).
 */
export const mentionFacets: Migration = {
  version: 3,
  name: 'mention facets',
  sql: `
ALTER TABLE mentions ADD COLUMN facets json;
UPDATE mentions m SET facets = f.facets FROM (
  SELECT s.id AS source_id, a.id AS actor_id,
         json_agg(json_build_object('name', e->>'name', 'aliases', e->'aliases', 'roles', e->'roles')) AS facets
  FROM sources s CROSS JOIN LATERAL json_array_elements(s.analysis->'actors'->'actors') e
  JOIN actors a ON a.name_key = e->'keys'->>'name'
  GROUP BY s.id, a.id) f
WHERE m.source_id = f.source_id AND m.actor_id = f.actor_id;
`,
};
