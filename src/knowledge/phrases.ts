import { tokenize } from './text.js';

/** Where a trigger phrase was found in a message, as word positions [start, end). */
export interface PhraseHit {
  phrase: string;
  start: number;
  end: number;
}

/**
 * Matching of short trigger phrases against a message. A trigger word of four letters or more also matches
 * longer words that start with it ("betal" matches "betalen", "betaald"); shorter ones must match exactly.
 */
export interface PhraseMatcher {
  matches(words: readonly string[]): PhraseHit[];
}

const KEY = 4;
const keyOf = (trigger: string) => (trigger.length >= KEY ? trigger.slice(0, KEY) : trigger);

function wordMatches(word: string, trigger: string): boolean {
  return trigger.length >= KEY ? word.startsWith(trigger) : word === trigger;
}

export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  // Phrases by their first word's key, so a message is only compared with phrases that can start at each word.
  const byKey = new Map<string, { phrase: string; tokens: string[] }[]>();
  for (const phrase of phrases) {
    const tokens = tokenize(phrase);
    const first = tokens[0];
    if (first) byKey.set(keyOf(first), [...(byKey.get(keyOf(first)) ?? []), { phrase, tokens }]);
  }
  return {
    matches(words) {
      const hits: PhraseHit[] = [];
      const seen = new Set<string>();
      words.forEach((word, i) => {
        const candidates = [...(byKey.get(word) ?? []), ...(word.length >= KEY ? (byKey.get(word.slice(0, KEY)) ?? []) : [])];
        for (const { phrase, tokens } of candidates) {
          if (seen.has(phrase) || i + tokens.length > words.length) continue;
          if (tokens.every((t, j) => wordMatches(words[i + j] ?? '', t))) {
            seen.add(phrase);
            hits.push({ phrase, start: i, end: i + tokens.length });
          }
        }
      });
      return hits;
    },
  };
}
