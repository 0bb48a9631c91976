import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Lang, Passage, Topic } from './model.js';
import { synonymsOf } from './synonyms.js';
import { isStopword, stem, tokenize } from './text.js';

/** One thing a question asks about: a word and its synonyms, as search terms, with how telling it is. */
export interface Concept {
  terms: readonly string[];
  weight: number;
}

/** A question prepared for searching: its concepts, the words to search with, and its word pairs. */
export interface Query {
  lang: Lang;
  concepts: readonly Concept[];
  words: readonly string[];
  /** The stems of the words the question itself used (not synonyms). */
  asked: ReadonlySet<string>;
  pairs: readonly string[];
}

export interface ScoredPassage {
  passage: Passage;
  score: number;
  /** The question's search terms (stemmed) found in this passage, typos and prefixes included. */
  matched: ReadonlySet<string>;
}

const LANGS: readonly Lang[] = ['nl', 'en'];

/** A search term: the stem of a word that is no stopword (nor stems to one: "used" stems to "us"). */
function processTerm(term: string, lang: Lang): string | null {
  if (isStopword(term, lang)) return null;
  const stemmed = stem(term, lang);
  return isStopword(stemmed, lang) ? null : stemmed;
}
/** Field names end in their language, so indexing can pick the right stemmer. */
const langOfField = (field: string | undefined): Lang => (field?.endsWith('en') ? 'en' : 'nl');

/**
 * A fact's keywords mix both languages; searched in one language, the other's little words are left out, so the
 * "have" of "do you have" is not the Dutch stem of "haven".
 */
function keywordText(passage: Passage, lang: Lang): string {
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  return tokenize(passage.keywords.join(' '))
    .filter((t) => !isStopword(t, other))
    .join(' ');
}

/** A word in more than this share of the facts is left out of the search itself (see search()). */
const COMMON_SHARE = 0.12;

/** At most this many words of a question go into the search itself (see search()). */
const MAX_SEARCH_WORDS = 10;

/** The shortest last part of a compound that is looked up on its own (shorter ones are often not words). */
const MIN_HEAD = 5;

/** A compound's last part is searched only when at most this share of the facts use it. */
const TELLING_HEAD = 0.03;

/** Synonyms widen the search but count less than the words the question used. */
const SYNONYM_WEIGHT = 0.4;

/**
 * Search settings for one language. Prefix and typo matching are only tried for words the index does not know:
 * they are what makes a search slow, and a known word needs neither. Typos only in longer words (short ones match
 * too much), two only in long words: Dutch compounds two letters apart are often different words (in/uitstromers).
 */
function searchOptions(lang: Lang, asked: ReadonlySet<string>, known: ReadonlySet<string>): SearchOptions {
  return {
    fields: [`text_${lang}`],
    boostTerm: (term: string) => (asked.has(term) ? 1 : SYNONYM_WEIGHT),
    processTerm: (term) => processTerm(term, lang),
    combineWith: 'OR',
    prefix: (term: string) => term.length >= 5 && !known.has(term),
    fuzzy: (term: string) => (known.has(term) ? false : term.length >= 12 ? 2 : term.length >= 6 ? 1 : false),
  };
}

/**
 * Full-text ranking (BM25 via MiniSearch, with prefix and typo tolerance) over curated facts and ingested
 * passages; plus the term statistics the decision needs to tell specific words from common ones, and which topics'
 * names and keywords a question uses.
 */
export class Retriever {
  /** Curated facts and ingested documents are indexed apart: most questions never need the documents. */
  private readonly facts: MiniSearch;
  private readonly documents: MiniSearch;
  /** The search terms of each topic's names, aliases and keywords, per language. */
  private readonly topicTerms: Record<Lang, Map<string, ReadonlySet<string>>> = { nl: new Map(), en: new Map() };
  private readonly passages: readonly Passage[];
  private readonly termSets: Record<Lang, Map<string, ReadonlySet<string>>> = { nl: new Map(), en: new Map() };
  private readonly pairSets: Record<Lang, Map<string, ReadonlySet<string>>> = { nl: new Map(), en: new Map() };
  /** All terms of a passage in one string, to find parts of Dutch compounds ("bezoek" in "schoolbezoeken"). */
  private readonly termText: Record<Lang, Map<string, string>> = { nl: new Map(), en: new Map() };
  /** Every term in the passage index, per language. */
  private readonly vocabulary: Record<Lang, Set<string>> = { nl: new Set(), en: new Set() };
  private readonly documentFrequency: Record<Lang, Map<string, number>> = { nl: new Map(), en: new Map() };
  private readonly curatedCount: number;
  private readonly commonNames = new Map<string, boolean>();

  constructor(topics: readonly Topic[], passages: readonly Passage[]) {
    this.passages = passages;
    const shared = { idField: 'id', tokenize: (text: string) => tokenize(text), processTerm: (t: string, f?: string) => processTerm(t, langOfField(f)) };
    // A fact's keywords are searched as part of its text: one field per language keeps searching fast.
    const searchText = passages.map((p) => ({ nl: `${p.text.nl ?? ''} ${keywordText(p, 'nl')}`, en: `${p.text.en ?? ''} ${keywordText(p, 'en')}` }));
    const indexed = passages.map((p, i) => ({ id: i, curated: p.curated, text_nl: searchText[i]?.nl, text_en: searchText[i]?.en }));
    this.facts = new MiniSearch({ ...shared, fields: LANGS.map((l) => `text_${l}`) });
    this.facts.addAll(indexed.filter((d) => d.curated));
    this.documents = new MiniSearch({ ...shared, fields: LANGS.map((l) => `text_${l}`) });
    this.documents.addAll(indexed.filter((d) => !d.curated));
    this.curatedCount = passages.filter((p) => p.curated).length;
    for (const lang of LANGS) {
      for (const t of topics) this.topicTerms[lang].set(t.id, new Set(this.terms([t.name.nl, t.name.en, ...t.aliases, ...t.keywords].join(' '), lang)));
    }
    for (const lang of LANGS) {
      for (const [i, p] of passages.entries()) {
        const terms = new Set(this.terms(searchText[i]?.[lang] ?? '', lang));
        this.termSets[lang].set(p.id, terms);
        this.termText[lang].set(p.id, [...terms].join(' '));
        this.pairSets[lang].set(p.id, new Set(this.pairs(p.text[lang] ?? '', lang)));
        for (const t of terms) this.vocabulary[lang].add(t);
        if (!p.curated) continue;
        for (const t of terms) this.documentFrequency[lang].set(t, (this.documentFrequency[lang].get(t) ?? 0) + 1);
      }
    }
  }

  /** The search term of one word (a token), or null for a stopword. */
  termOf(word: string, lang: Lang): string | null {
    return processTerm(word, lang);
  }

  /** The search terms of a text: words without stopwords, stemmed. */
  terms(text: string, lang: Lang): string[] {
    return [...new Set(tokenize(text).map((t) => processTerm(t, lang)).filter((t): t is string => Boolean(t)))];
  }

  /**
   * Whether a topic's name is so common in the facts (the organisation itself: "Utrecht Leert") that naming it says
   * little about what is asked.
   */
  isCommonName(topic: Topic, lang: Lang): boolean {
    const key = `${lang}:${topic.id}`;
    let common = this.commonNames.get(key);
    if (common === undefined) {
      const terms = this.terms(topic.name[lang], lang);
      const naming = this.passages.filter((p) => p.curated && terms.every((t) => this.contains(p, t, lang))).length;
      common = naming > this.curatedCount * 0.15;
      this.commonNames.set(key, common);
    }
    return common;
  }

  /** Whether a passage has a term, also as part of a longer word (for terms of five letters or more). */
  containsPart(passage: Passage, term: string, lang: Lang): boolean {
    return this.contains(passage, term, lang) || (term.length >= 5 && (this.termText[lang].get(passage.id)?.includes(term) ?? false));
  }

  /** Consecutive search terms of a text ("ziekteverzuim basisonderwijs"), for preferring facts that say them together. */
  pairs(text: string, lang: Lang): string[] {
    const stems = tokenize(text).map((t) => processTerm(t, lang)).filter((t): t is string => Boolean(t));
    return stems.slice(1).map((t, i) => `${stems[i]} ${t}`);
  }

  /**
   * Prepares a question: each content word becomes a concept with its synonyms, weighted by how rare it is in the
   * curated facts (inverse document frequency). A word the facts never use counts as fairly rare, not as the
   * rarest: in chat messages such words are as often filler as key.
   */
  query(words: readonly string[], lang: Lang): Query {
    const concepts: Concept[] = [];
    const seen = new Set<string>();
    const searchWords = new Set<string>();
    for (const word of words) {
      // Synonyms the facts in this language never use would only slow the search down.
      const synonyms = synonymsOf(word).filter((w) => {
        const t = processTerm(w, lang);
        return t !== null && this.vocabulary[lang].has(t);
      });
      const head = this.compoundHead(word, lang);
      const terms = [...new Set([word, ...synonyms, ...(head ? [head] : [])].map((w) => processTerm(w, lang)).filter((t): t is string => t !== null))];
      const key = terms[0];
      if (!key || seen.has(key)) continue;
      seen.add(key);
      for (const w of [word, ...synonyms, ...(head ? [head] : [])]) searchWords.add(w);
      const df = Math.max(0, ...terms.map((t) => this.documentFrequency[lang].get(t) ?? 0));
      concepts.push({ terms, weight: Math.log((this.curatedCount + 1) / ((df || 2) + 1)) });
    }
    return {
      lang,
      concepts,
      words: [...searchWords],
      asked: new Set(words.map((w) => processTerm(w, lang)).filter((t): t is string => t !== null)),
      pairs: this.pairs(words.join(' '), lang),
    };
  }

  /**
   * The longest known last part of a compound the facts never use ("detacheringsbureaus" ends in "bureaus"):
   * Dutch puts the head of a compound last. Only a telling one: "zomerschool" is not about any "school", nor
   * "vakantiedagen" about any "dagen". Undefined for a known word.
   */
  private compoundHead(word: string, lang: Lang): string | undefined {
    const known = (w: string) => {
      const t = processTerm(w, lang);
      return t !== null && this.vocabulary[lang].has(t);
    };
    if (word.length < MIN_HEAD + 3 || known(word)) return undefined;
    for (let i = 3; i <= word.length - MIN_HEAD; i++) {
      const rest = word.slice(i);
      if (!known(rest)) continue;
      const frequency = this.documentFrequency[lang].get(processTerm(rest, lang) ?? '') ?? 0;
      return frequency <= this.curatedCount * TELLING_HEAD ? rest : undefined;
    }
    return undefined;
  }

  /** The summed weight of the question's concepts that a search result matched. */
  evidence(query: Query, matched: ReadonlySet<string>): number {
    return query.concepts.filter((c) => c.terms.some((t) => matched.has(t))).reduce((sum, c) => sum + c.weight, 0);
  }

  /** The share (0..1) of the question's weight that a search result matched. */
  coverage(query: Query, matched: ReadonlySet<string>): number {
    const total = query.concepts.reduce((sum, c) => sum + c.weight, 0);
    return total ? this.evidence(query, matched) / total : 0;
  }

  /** How many of the question's word pairs a passage also has side by side. */
  sharedPairs(query: Query, passage: Passage): number {
    const pairs = this.pairSets[query.lang].get(passage.id);
    return pairs ? query.pairs.filter((p) => pairs.has(p)).length : 0;
  }

  /** Whether a passage contains a term exactly (after stemming). */
  contains(passage: Passage, term: string, lang: Lang): boolean {
    return this.termSets[lang].get(passage.id)?.has(term) ?? false;
  }

  /** The best curated facts for a question, at most `limit`; `only` narrows the search (to some topics). */
  searchFacts(query: Query, only?: (p: Passage) => boolean, limit = 250): ScoredPassage[] {
    return this.search(this.facts, query, only, limit);
  }

  /** The best passages of ingested documents for a question. */
  searchDocuments(query: Query, limit = 10): ScoredPassage[] {
    return this.search(this.documents, query, undefined, limit);
  }

  private search(index: MiniSearch, query: Query, only: ((p: Passage) => boolean) | undefined, limit: number): ScoredPassage[] {
    if (!query.words.length || index.documentCount === 0) return [];
    // Common words ("utrecht", "onderwijs") hardly change the ranking but make the search slow, and so do the many
    // words of a long question: only the rarest few are searched, the others are checked on the results, so they
    // still count as matched.
    const termOf = (word: string) => processTerm(word, query.lang);
    const df = (word: string) => this.documentFrequency[query.lang].get(termOf(word) ?? '') ?? 0;
    const byRarity = [...query.words].sort((a, b) => df(a) - df(b));
    const rare = byRarity.filter((w) => df(w) <= this.curatedCount * COMMON_SHARE).slice(0, MAX_SEARCH_WORDS);
    const searched = new Set(rare);
    const commonTerms = query.words.filter((w) => !searched.has(w)).map(termOf).filter((t): t is string => t !== null);
    const filter = only ? { filter: (r: { id: number }) => only(this.passageAt(r.id)) } : {};
    return index
      .search((rare.length ? rare : query.words).join(' '), { ...searchOptions(query.lang, query.asked, this.vocabulary[query.lang]), ...filter })
      .slice(0, limit)
      .map((r) => {
        const passage = this.passageAt(r.id as number);
        const matched = new Set<string>(r.queryTerms);
        for (const t of commonTerms) if (this.contains(passage, t, query.lang)) matched.add(t);
        return { passage, score: r.score, matched };
      });
  }

  /** For each topic whose names, aliases or keywords hold some of the question's concepts: their summed weight. */
  topicEvidence(query: Query): Map<string, number> {
    const evidence = new Map<string, number>();
    for (const [topicId, terms] of this.topicTerms[query.lang]) {
      const matched = query.concepts.filter((c) => c.terms.some((t) => terms.has(t))).reduce((sum, c) => sum + c.weight, 0);
      if (matched > 0) evidence.set(topicId, matched);
    }
    return evidence;
  }

  private passageAt(index: number): Passage {
    const passage = this.passages[index];
    if (!passage) throw new Error(`search index out of step with passages at ${index}`);
    return passage;
  }
}
