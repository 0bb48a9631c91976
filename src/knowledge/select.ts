import type { Gap, Passage, Topic } from './model.js';
import type { Query, Retriever } from './retriever.js';
import type { Reading } from './understand.js';

export interface QuestionContext {
  retriever: Retriever;
  /** The topic of the previous answer, for follow-ups such as "en hoe lang duurt het?". */
  lastTopicId?: string;
}

export const MAX_FACTS = 3;

/** The main routes offered when it is not yet clear which one fits. */
export const STARTING_ROUTES = ['zij-instroom', 'onderwijs-challenge', 'pedagogisch-verbinder', 'onderwijsambassadeur', 'las-1'];

/** The gaps a question touches, for the topics it is about. */
export function gapsFor(reading: Reading, topicIds: readonly string[]): Gap[] {
  return reading.gaps.filter((g) => g.topics.length === 0 || g.topics.some((t) => topicIds.includes(t)));
}

/** What to say about a topic when nothing in particular is asked: what it is (and for whom). */
export function overview(topic: Topic): Passage[] {
  const f = topic.fields;
  return [...(f.what ?? []), ...(f.audience ?? []).slice(0, 1), ...(f.facts ?? [])].slice(0, MAX_FACTS);
}

/** The best few by rank, none far below the best. */
export function best(scored: readonly { passage: Passage; rank: number }[], max = MAX_FACTS): Passage[] {
  const sorted = [...scored].sort((a, b) => b.rank - a.rank);
  const top = sorted[0]?.rank ?? 0;
  return sorted.filter((r) => r.rank > 0 && r.rank >= top * 0.5).slice(0, max).map((r) => r.passage);
}

/** The search terms of the names the question used, per topic it named. */
export function namedTerms(reading: Reading, retriever: Retriever): { topicId: string; terms: string[] }[] {
  return reading.topics.map((m) => ({
    topicId: m.topicId,
    terms: m.aliasTokens.map((w) => retriever.termOf(w, reading.lang)).filter((t): t is string => t !== null),
  }));
}

/** Whether a passage mentions a topic by the name the question used. */
export function mentions(passage: Passage, named: { terms: string[] }, reading: Reading, retriever: Retriever): boolean {
  return named.terms.length > 0 && named.terms.every((t) => retriever.containsPart(passage, t, reading.lang));
}

/** Small preferences on top of the text match: words side by side as asked, and figures when a number is asked. */
export function rankBonus(reading: Reading, query: Query, passage: Passage, retriever: Retriever): number {
  const pairs = Math.min(3, retriever.sharedPairs(query, passage)) * 0.1;
  const figures = reading.signals.has('quantity') && /\d/.test(passage.text[reading.lang] ?? '') ? 0.3 : 0;
  return pairs + figures;
}
