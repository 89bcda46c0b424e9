// The cause pages' words and each page's one-sentence "why", for the wizard's "type or paste" step
// (generated from content by scripts/registry.ts). A separate same-origin file, fetched only when
// that step shows, so neither the wizard's script nor the diagnoser's knowledge data carries it.
import words from '../../registry/words.gen.json';

/** @returns the words as JSON */
export function GET(): Response {
  return new Response(JSON.stringify(words), { headers: { 'Content-Type': 'application/json' } });
}
