import { readAspects } from './aspects.js';
import { detectLanguage } from './language.js';
import type { Gap, Lang } from './model.js';
import { phraseMatcher, type PhraseHit, type PhraseMatcher } from './phrases.js';
import type { Field } from './schema.js';
import { SIGNALS } from './signals.js';
import { isStopword, tokenize } from './text.js';
import type { TopicMatch, TopicRecognizer } from './topic-recognizer.js';

export type Signal = keyof typeof SIGNALS;

/** What a message says, before anything is looked up. */
export interface Reading {
  lang: Lang;
  words: string[];
  topics: TopicMatch[];
  aspects: Field[];
  /** Whether an aspect was asked in so many words ("hoe lang", "wat kost"), not only hinted at ("kan ik"). */
  aspectsStrong: boolean;
  gaps: Gap[];
  /** Which signal phrases occur, and where. */
  signals: ReadonlyMap<Signal, PhraseHit[]>;
  /** Words to search with: all but stopwords. */
  contentWords: string[];
  /** Words that signalled an aspect ("hoe lang", "kost"): they say nothing about which fact answers. */
  aspectWords: string[];
  /** Words that are neither stopwords, nor part of a topic's name, nor aspect words. */
  specificWords: string[];
}

export const inside = (i: number, spans: readonly { start: number; end: number }[]) => spans.some((s) => i >= s.start && i < s.end);

export interface GapMatcher {
  gap: Gap;
  matcher: PhraseMatcher;
}

export function gapMatchers(gaps: readonly Gap[]): GapMatcher[] {
  return gaps.map((gap) => ({ gap, matcher: phraseMatcher(gap.triggers) }));
}

/** The word for someone's age that gap triggers use ("55-jarige"). */
const AGE_WORD = 'jarige';

/**
 * The words of the sentences that ask, when a message also tells ("Waar staat PDG voor? Ik zie het steeds in
 * vacatures staan."): what is only told is context, as long as what is asked is clear by itself. Otherwise all words.
 */
function askedPart(text: string, words: readonly string[]): readonly string[] {
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => ({ asks: s.trim().endsWith('?'), words: tokenize(s) }));
  const asking = sentences.filter((s) => s.asks);
  if (!asking.length || asking.length === sentences.length) return words;
  if (sentences.reduce((n, s) => n + s.words.length, 0) !== words.length) return words;
  let i = 0;
  const asked = sentences.flatMap((s) => {
    const part = words.slice(i, i + s.words.length);
    i += s.words.length;
    return s.asks ? part : [];
  });
  return readAspects(asked).strong ? asked : words;
}

export function readMessage(text: string, fallbackLang: Lang | undefined, recognizer: TopicRecognizer, gaps: readonly GapMatcher[], langMargin = 1): Reading {
  const words = tokenize(text);
  const lang = detectLanguage(words, fallbackLang, langMargin);
  const topics = recognizer.recognize(words);
  const isName = (i: number) => topics.some((t) => t.positions.includes(i));
  const aspects = readAspects(words, isName);
  const signals = new Map<Signal, PhraseHit[]>();
  for (const [name, matcher] of Object.entries(SIGNALS)) {
    const hits = matcher.matches(words);
    if (hits.length) signals.set(name as Signal, hits);
  }
  const aspectHits: PhraseHit[] = aspects.hits;
  // "Kan ik met 31 nog meedoen?", "can I still join at 45?": asking whether their age is a bar. The gaps read it as
  // the word their age triggers use ("55-jarige").
  const still = words.some((w) => w === 'nog' || w === 'still');
  const asksAtAge = (i: number) => still && /^[1-9]\d$/.test(words[i] ?? '') && /^(met|at|op|als)$/.test(words[i - 1] ?? '');
  const gapWords = askedPart(text, words.map((w, i) => (asksAtAge(i) ? AGE_WORD : w)));
  // Someone's age ("ik ben 42", "55-jarige", "50-year-old") says nothing about which fact answers.
  const isAge = (i: number) =>
    asksAtAge(i) ||
    (/^\d+$/.test(words[i] ?? '') && (/^(jarige?|year|years)$/.test(words[i + 1] ?? '') || /^(ben|im|am|age|leeftijd)$/.test(words[i - 1] ?? '')));
  const contentWords = words.filter((w, i) => !isStopword(w, lang) && !isAge(i));
  const aspectWords = words.filter((_, i) => inside(i, aspectHits));
  const specificWords = words.filter((w, i) => !isName(i) && !inside(i, aspectHits) && !isStopword(w, lang) && !isAge(i));
  return {
    lang,
    words,
    topics,
    aspects: aspects.fields,
    aspectsStrong: aspects.strong,
    gaps: gaps.filter((g) => g.matcher.matches(gapWords).length > 0).map((g) => g.gap),
    signals,
    contentWords,
    aspectWords,
    specificWords,
  };
}
