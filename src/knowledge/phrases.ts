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

function wordMatches(word: string, trigger: string): boolean {
  return trigger.length >= 4 ? word.startsWith(trigger) : word === trigger;
}

export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const compiled = phrases.map((phrase) => ({ phrase, tokens: tokenize(phrase) })).filter((p) => p.tokens.length > 0);
  return {
    matches(words) {
      const hits: PhraseHit[] = [];
      for (const { phrase, tokens } of compiled) {
        for (let i = 0; i + tokens.length <= words.length; i++) {
          if (tokens.every((t, j) => wordMatches(words[i + j] ?? '', t))) {
            hits.push({ phrase, start: i, end: i + tokens.length });
            break;
          }
        }
      }
      return hits;
    },
  };
}
