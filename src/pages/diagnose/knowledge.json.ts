// The diagnoser's knowledge data (vendor error texts and codes with their causes, cause labels and
// default fixes), generated from content by scripts/registry.ts. Served as a separate same-origin
// file that the page fetches at load, so the engine's JavaScript stays small.
import knowledge from '../../registry/knowledge.gen.json';

/** @returns the knowledge as JSON */
export function GET(): Response {
  return new Response(JSON.stringify(knowledge), { headers: { 'Content-Type': 'application/json' } });
}
