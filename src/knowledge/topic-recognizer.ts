import { distance } from 'fastest-levenshtein';
import type { Topic } from './model.js';
import { isStopword, tokenize } from './text.js';

/** A topic named in a question, with the words that named it. */
export interface TopicMatch {
  topicId: string;
  /** Length of the matched alias without spaces: longer names are more specific. */
  strength: number;
  start: number;
  end: number;
  /** The words of the name as written in the knowledge (the question may have typos in them). */
  aliasTokens: readonly string[];
}

interface AliasPattern {
  topicId: string;
  tokens: string[];
  joined: string;
}

/**
 * How far a word is from a name's word, or undefined when too far. Allowed typos grow with word length; short
 * words and abbreviations must match exactly; inflected forms ("verbinders", "instromers") count as one typo.
 */
function typos(word: string, target: string, maxLengthDifference = 3): number | undefined {
  if (word === target) return 0;
  // Typos rarely hit the first letter; checking it first keeps recognition cheap.
  if (target.length < 5 || word[0] !== target[0] || /\d/.test(target)) return undefined;
  const allowed = target.length >= 9 ? 2 : 1;
  if (Math.abs(word.length - target.length) > Math.min(allowed + 2, maxLengthDifference)) return undefined;
  if (target.length >= 6 && word.startsWith(target) && word.length - target.length <= 2) return 1;
  const d = distance(word, target);
  return d <= allowed ? d : undefined;
}

/** A match counts for the length of the name it found, less for every typo it needed. */
const strengthOf = (pattern: AliasPattern, typoCount: number) => pattern.joined.length - 3 * typoCount;

/** Finds the routes and topics a question names, tolerant of typos, hyphens and missing spaces. */
export class TopicRecognizer {
  private readonly patterns: AliasPattern[];

  constructor(topics: readonly Topic[]) {
    this.patterns = topics.flatMap((topic) =>
      [topic.name.nl, topic.name.en, ...topic.aliases].map((alias) => {
        const tokens = tokenize(alias);
        return { topicId: topic.id, tokens, joined: tokens.join('') };
      }),
    ).filter((p) => p.tokens.length > 0);
  }

  recognize(text: string): TopicMatch[] {
    const words = tokenize(text);
    const matches: TopicMatch[] = [];
    for (const pattern of this.patterns) {
      const match = this.find(pattern, words);
      if (match) matches.push(match);
    }
    return keepMostSpecific(matches);
  }

  private find(pattern: AliasPattern, words: string[]): TopicMatch | undefined {
    const n = pattern.tokens.length;
    for (let start = 0; start < words.length; start++) {
      // Word by word: "pedagogish verbinder".
      if (start + n <= words.length) {
        const perWord = pattern.tokens.map((t, i) => typos(words[start + i] ?? '', t));
        if (perWord.every((d) => d !== undefined)) {
          const total = perWord.reduce((sum: number, d) => sum + (d ?? 0), 0);
          return { topicId: pattern.topicId, strength: strengthOf(pattern, total), start, end: start + n, aliasTokens: pattern.tokens };
        }
      }
      // Written together or apart differently: "zijinstroom", "co teaching", "las1". Small words ("start er")
      // are never glued on, and a glued form may not miss a part of the name ("scholen" is not "so-scholen").
      let joined = '';
      for (let end = start; end < words.length && joined.length < pattern.joined.length + 3; end++) {
        const word = words[end] ?? '';
        if (isStopword(word, 'nl') || isStopword(word, 'en')) break;
        joined += word;
        const d = end > start || n > 1 ? typos(joined, pattern.joined, 1) : undefined;
        if (d !== undefined) return { topicId: pattern.topicId, strength: strengthOf(pattern, d), start, end: end + 1, aliasTokens: pattern.tokens };
      }
    }
    return undefined;
  }
}

/** Per topic the strongest match; a match inside a longer match of another topic is dropped. */
function keepMostSpecific(matches: TopicMatch[]): TopicMatch[] {
  const best = new Map<string, TopicMatch>();
  for (const m of matches) {
    const current = best.get(m.topicId);
    if (!current || m.strength > current.strength) best.set(m.topicId, m);
  }
  const all = [...best.values()];
  return all
    .filter((m) => !all.some((o) => o !== m && o.strength > m.strength && o.start <= m.start && o.end >= m.end))
    .sort((a, b) => b.strength - a.strength);
}
