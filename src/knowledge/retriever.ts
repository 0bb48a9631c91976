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

export interface ScoredTopic {
  topicId: string;
  score: number;
  matched: ReadonlySet<string>;
}

const LANGS: readonly Lang[] = ['nl', 'en'];

/** Field names end in their language, so indexing can pick the right stemmer. */
function processTerm(term: string, lang: Lang): string | null {
  return isStopword(term, lang) ? null : stem(term, lang);
}
const langOfField = (field: string | undefined): Lang => (field?.endsWith('en') ? 'en' : 'nl');

/** Synonyms widen the search but count less than the words the question used. */
const SYNONYM_WEIGHT = 0.4;

function searchOptions(lang: Lang, boost: Record<string, number>, asked?: ReadonlySet<string>): SearchOptions {
  return {
    ...(asked ? { boostTerm: (term: string) => (asked.has(term) ? 1 : SYNONYM_WEIGHT) } : {}),
    fields: Object.keys(boost).map((f) => `${f}_${lang}`),
    boost: Object.fromEntries(Object.entries(boost).map(([f, b]) => [`${f}_${lang}`, b])),
    processTerm: (term) => processTerm(term, lang),
    prefix: (term) => term.length >= 5,
    // Two typos only in long words: Dutch compounds two letters apart are often different words (in/uitstromers).
    fuzzy: (term) => (term.length >= 12 ? 2 : term.length >= 5 ? 1 : false),
    combineWith: 'OR',
  };
}

/**
 * Full-text ranking (BM25 via MiniSearch, with prefix and typo tolerance) over curated facts, ingested passages
 * and topic descriptions; plus the term statistics the decision needs to tell specific words from common ones.
 */
export class Retriever {
  private readonly facts: MiniSearch;
  private readonly topics: MiniSearch;
  private readonly passages: readonly Passage[];
  private readonly termSets: Record<Lang, Map<string, ReadonlySet<string>>> = { nl: new Map(), en: new Map() };
  private readonly pairSets: Record<Lang, Map<string, ReadonlySet<string>>> = { nl: new Map(), en: new Map() };
  private readonly documentFrequency: Record<Lang, Map<string, number>> = { nl: new Map(), en: new Map() };
  private readonly curatedCount: number;

  constructor(topics: readonly Topic[], passages: readonly Passage[]) {
    this.passages = passages;
    const shared = { idField: 'id', tokenize: (text: string) => tokenize(text), processTerm: (t: string, f?: string) => processTerm(t, langOfField(f)) };
    this.facts = new MiniSearch({ ...shared, fields: LANGS.flatMap((l) => [`text_${l}`, `kw_${l}`]) });
    this.facts.addAll(passages.map((p, i) => ({ id: i, text_nl: p.text.nl ?? '', text_en: p.text.en ?? '', kw_nl: p.keywords.join(' '), kw_en: p.keywords.join(' ') })));
    this.topics = new MiniSearch({ ...shared, fields: LANGS.flatMap((l) => [`name_${l}`, `kw_${l}`]) });
    this.topics.addAll(
      topics.map((t) => {
        const names = [t.name.nl, t.name.en, ...t.aliases].join(' ');
        return { id: t.id, name_nl: names, name_en: names, kw_nl: t.keywords.join(' '), kw_en: t.keywords.join(' ') };
      }),
    );
    this.curatedCount = passages.filter((p) => p.curated).length;
    for (const lang of LANGS) {
      for (const p of passages) {
        const terms = new Set(this.terms(`${p.text[lang] ?? ''} ${p.keywords.join(' ')}`, lang));
        this.termSets[lang].set(p.id, terms);
        this.pairSets[lang].set(p.id, new Set(this.pairs(p.text[lang] ?? '', lang)));
        if (!p.curated) continue;
        for (const t of terms) this.documentFrequency[lang].set(t, (this.documentFrequency[lang].get(t) ?? 0) + 1);
      }
    }
  }

  /** The search terms of a text: words without stopwords, stemmed. */
  terms(text: string, lang: Lang): string[] {
    return [...new Set(tokenize(text).map((t) => processTerm(t, lang)).filter((t): t is string => Boolean(t)))];
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
    for (const word of words) {
      const terms = this.terms([word, ...synonymsOf(word)].join(' '), lang);
      const key = terms[0];
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const df = Math.max(0, ...terms.map((t) => this.documentFrequency[lang].get(t) ?? 0));
      concepts.push({ terms, weight: Math.log((this.curatedCount + 1) / ((df || 2) + 1)) });
    }
    return {
      lang,
      concepts,
      words: [...new Set(words.flatMap((w) => [w, ...synonymsOf(w)]))],
      asked: new Set(this.terms(words.join(' '), lang)),
      pairs: this.pairs(words.join(' '), lang),
    };
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

  /** Passages ranked for the given words; `only` limits the search (to some topics, to curated facts). */
  searchPassages(query: Query, only?: (p: Passage) => boolean): ScoredPassage[] {
    if (!query.words.length) return [];
    const filter = only ? { filter: (r: { id: number }) => only(this.passageAt(r.id)) } : {};
    return this.facts
      .search(query.words.join(' '), { ...searchOptions(query.lang, { text: 1, kw: 1.3 }, query.asked), ...filter })
      .map((r) => ({ passage: this.passageAt(r.id as number), score: r.score, matched: new Set(r.queryTerms) }));
  }

  /** Topics ranked by their names, aliases and keywords. */
  searchTopics(query: Query): ScoredTopic[] {
    if (!query.words.length) return [];
    return this.topics
      .search(query.words.join(' '), searchOptions(query.lang, { name: 2, kw: 1 }, query.asked))
      .map((r) => ({ topicId: String(r.id), score: r.score, matched: new Set(r.queryTerms) }));
  }

  private passageAt(index: number): Passage {
    const passage = this.passages[index];
    if (!passage) throw new Error(`search index out of step with passages at ${index}`);
    return passage;
  }
}
