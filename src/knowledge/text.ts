import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Lang } from './model.js';
import { STOPWORDS } from './stopwords.js';

/** Lowercase, without accents, with typographic quotes and dashes made plain. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
}

/**
 * Words and numbers of a text, folded. Thousands separators are dropped so "16.000" is one token; English
 * contractions stay one word ("i'm" is "im"), and a Dutch plural or diminutive after an apostrophe is dropped
 * ("mbo'ers" is "mbo", "duo's" is "duo").
 */
export function tokenize(text: string): string[] {
  const folded = fold(text)
    .replace(/(\d)[.,](?=\d{3}\b)/g, '$1')
    .replace(/([a-z0-9])'(s|ers?|tjes?|jes?|en)\b/g, '$1')
    .replace(/([a-z])'([a-z])/g, '$1$2');
  return folded.match(/[a-z0-9]+/g) ?? [];
}

/**
 * The Dutch stemmer leaves the spelling changes of inflection: "werkloze" and "werkloos", "actieve" and "actief",
 * "subsidies" and "subsidie" should meet. A final z or v becomes s or f, a final "ies" becomes "ie".
 */
const dutchStem = (word: string) => dutchStemmer(word).replace(/ies$/, 'ie').replace(/z$/, 's').replace(/v$/, 'f');

const stemmers: Record<Lang, (word: string) => string> = { nl: dutchStem, en: englishStemmer };

/** Stems are cached: chat messages use the same few thousand words over and over. */
const stemCache: Record<Lang, Map<string, string>> = { nl: new Map(), en: new Map() };
const STEM_CACHE_LIMIT = 50_000;

export function stem(word: string, lang: Lang): string {
  if (/^\d/.test(word)) return word;
  const cache = stemCache[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmers[lang](word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** Function words, and single letters, carry no topic. */
export function isStopword(word: string, lang: Lang): boolean {
  return STOPWORDS[lang].has(word) || (word.length === 1 && !/\d/.test(word));
}

/** The searchable terms of a text: tokens without stopwords, stemmed. */
export function contentTerms(text: string, lang: Lang): string[] {
  return tokenize(text)
    .filter((t) => !isStopword(t, lang))
    .map((t) => stem(t, lang));
}
