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
  /** The positions of the words that named it: [start, end) for a name written as one, fewer for a loose one. */
  positions: readonly number[];
}

/** A loose name ("tekort ... in het voortgezet onderwijs") counts for less than one written as one. */
const LOOSE_PENALTY = 4;
/** A loose name has this many words that are not stopwords: two ("go ... school", "mbo ... utrecht") match by chance. */
const LOOSE_MIN_WORDS = 3;
/** The words of a loose name lie this close together. */
const LOOSE_WINDOW = 9;

interface AliasPattern {
  topicId: string;
  tokens: string[];
  joined: string;
}

/**
 * How far a word is from a name's word, or undefined when too far. Allowed typos grow with word length; short
 * words and abbreviations must match exactly; inflected forms ("verbinders", "instromers") count as one typo. A word
 * that the knowledge itself uses is no typo: "schoolleider" is not a misspelt "schoolopleider".
 */
function typos(word: string, target: string, known: ReadonlySet<string>, maxLengthDifference = 3): number | undefined {
  if (word === target) return 0;
  // Typos rarely hit the first letter; checking it first keeps recognition cheap.
  if (target.length < 5 || word[0] !== target[0] || /\d/.test(target)) return undefined;
  const allowed = target.length >= 9 ? 2 : 1;
  if (Math.abs(word.length - target.length) > Math.min(allowed + 2, maxLengthDifference)) return undefined;
  if (target.length >= 6 && word.startsWith(target) && word.length - target.length <= 2) return 1;
  if (known.has(word)) return undefined;
  const d = distance(word, target);
  return d <= allowed ? d : undefined;
}

/** A match counts for the length of the name it found, less for every typo it needed. */
const strengthOf = (pattern: AliasPattern, typoCount: number) => pattern.joined.length - 3 * typoCount;

/** Finds the routes and topics a question names, tolerant of typos, hyphens and missing spaces. */
export class TopicRecognizer {
  /** Names by their first letter: typos never touch it, so only these need a closer look. */
  private readonly byFirstLetter = new Map<string, AliasPattern[]>();

  /** `knownWords`: the words the knowledge uses; they are never read as typos of a name. */
  constructor(topics: readonly Topic[], private readonly knownWords: ReadonlySet<string> = new Set()) {
    for (const topic of topics) {
      for (const alias of [topic.name.nl, topic.name.en, ...topic.aliases]) {
        const tokens = tokenize(alias);
        const first = tokens[0]?.[0];
        if (!first) continue;
        this.byFirstLetter.set(first, [...(this.byFirstLetter.get(first) ?? []), { topicId: topic.id, tokens, joined: tokens.join('') }]);
      }
    }
  }

  /** The topics named in a message, given as its words (see tokenize). */
  recognize(words: readonly string[]): TopicMatch[] {
    const glueable = words.map((w) => !isStopword(w, 'nl') && !isStopword(w, 'en'));
    const matches: TopicMatch[] = [];
    const found = new Set<AliasPattern>();
    for (let start = 0; start < words.length; start++) {
      for (const pattern of this.byFirstLetter.get(words[start]?.[0] ?? '') ?? []) {
        if (found.has(pattern)) continue;
        const match = this.matchAt(pattern, words, glueable, start);
        if (match) {
          found.add(pattern);
          matches.push(match);
        }
      }
    }
    return matches.length ? keepMostSpecific(matches) : keepMostSpecific(this.looseMatches(words));
  }

  /**
   * Names whose words all appear close together, in any order, with other words between them: "the teacher shortage
   * in utrecht primary schools" names "teacher shortage primary". Only names of three or more words that are not
   * stopwords, and only when no name was written as one.
   */
  private looseMatches(words: readonly string[]): TopicMatch[] {
    const matches: TopicMatch[] = [];
    for (const patterns of this.byFirstLetter.values()) {
      for (const pattern of patterns) {
        const tokens = pattern.tokens.filter((t) => !isStopword(t, 'nl') && !isStopword(t, 'en'));
        if (tokens.length < LOOSE_MIN_WORDS) continue;
        const positions: number[] = [];
        let typoCount = 0;
        for (const token of tokens) {
          const at = words.findIndex((w, i) => !positions.includes(i) && typos(w, token, this.knownWords) !== undefined);
          if (at < 0) break;
          positions.push(at);
          typoCount += typos(words[at] ?? '', token, this.knownWords) ?? 0;
        }
        if (positions.length < tokens.length || Math.max(...positions) - Math.min(...positions) >= LOOSE_WINDOW) continue;
        const strength = strengthOf(pattern, typoCount) - LOOSE_PENALTY;
        matches.push({ topicId: pattern.topicId, strength, start: Math.min(...positions), end: Math.max(...positions) + 1, aliasTokens: pattern.tokens, positions: positions.sort((a, b) => a - b) });
      }
    }
    return matches;
  }

  private matchAt(pattern: AliasPattern, words: readonly string[], glueable: boolean[], start: number): TopicMatch | undefined {
    const n = pattern.tokens.length;
    const found = (typoCount: number, end: number) => ({
      topicId: pattern.topicId,
      strength: strengthOf(pattern, typoCount),
      start,
      end,
      aliasTokens: pattern.tokens,
      positions: Array.from({ length: end - start }, (_, i) => start + i),
    });
    const first = words[start] ?? '';
    // Word by word: "pedagogish verbinder".
    if (start + n <= words.length && typos(first, pattern.tokens[0] ?? '', this.knownWords) !== undefined) {
      const perWord = pattern.tokens.map((t, i) => typos(words[start + i] ?? '', t, this.knownWords));
      if (perWord.every((d) => d !== undefined)) return found(perWord.reduce((sum: number, d) => sum + (d ?? 0), 0), start + n);
    }
    // Written together or apart differently: "zijinstroom", "co teaching", "las1". Small words ("start er")
    // are never glued on, and a glued form may not miss a part of the name ("scholen" is not "so-scholen").
    if (!pattern.joined.startsWith(first.slice(0, 2))) return undefined;
    let joined = '';
    for (let end = start; end < words.length && joined.length < pattern.joined.length + 3; end++) {
      if (!glueable[end]) break;
      joined += words[end] ?? '';
      const d = end > start || n > 1 ? typos(joined, pattern.joined, this.knownWords, 1) : undefined;
      // A typo never falls in a short part of the name: "tekort vo" is no misspelt "tekort po". Words glued together
      // with a typo are a name only when written as one word: "last week" is no "las twee".
      const shortPartsThere = pattern.tokens.every((t) => t.length >= 5 || joined.includes(t));
      if (d !== undefined && (d === 0 || (shortPartsThere && end === start))) return found(d, end + 1);
    }
    return undefined;
  }
}

/** A match inside a longer match of another topic is dropped; then per topic the strongest match. */
function keepMostSpecific(matches: TopicMatch[]): TopicMatch[] {
  // A name inside a stronger one ("tekort po" in "lerarentekort po"), by the words that named them: loose names that
  // share some words but each have their own ("teacher shortage in mbo or in primary") are both named.
  const inside = (m: TopicMatch) => matches.some((o) => o.topicId !== m.topicId && o.strength > m.strength && m.positions.every((p) => o.positions.includes(p)));
  const best = new Map<string, TopicMatch>();
  for (const m of matches.filter((x) => !inside(x))) {
    const current = best.get(m.topicId);
    if (!current || m.strength > current.strength) best.set(m.topicId, m);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}
