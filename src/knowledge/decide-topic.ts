import type { Decision } from './decision.js';
import type { Passage, Topic } from './model.js';
import type { Query, Retriever, ScoredPassage } from './retriever.js';
import type { Field } from './schema.js';
import { best, gapsFor, overview, rankBonus, type QuestionContext } from './select.js';
import type { Reading } from './understand.js';

/** A word found in this share of a topic's facts says nothing about which of them answers. */
const COMMON_IN_TOPIC = 0.3;
/** A fact answers the specific part of a question when it holds this share of its specific words. */
const ANSWERS = 0.4;

/**
 * The words of a question that say what is asked about the topic: not its name, not aspect words, not words most
 * of its facts share. A name that points into a topic ("Onderwijs Expeditie" within Anders organiseren) stays.
 */
function specificQuery(reading: Reading, topics: readonly Topic[], candidates: readonly Passage[], retriever: Retriever): Query {
  const { lang } = reading;
  const names = new Set(topics.flatMap((t) => retriever.terms(`${t.name.nl} ${t.name.en}`, lang)));
  const common = (term: string) => candidates.filter((p) => retriever.contains(p, term, lang)).length >= Math.max(2, candidates.length * COMMON_IN_TOPIC);
  const words = [...reading.specificWords, ...reading.topics.flatMap((m) => m.aliasTokens)];
  return retriever.query(words.filter((w) => retriever.terms(w, lang).every((t) => !names.has(t) && !common(t))), lang);
}

/** A question about named topics: answer what it asks of them, or say which part is not known. */
export function decideForTopics(reading: Reading, topics: Topic[], context: QuestionContext): Decision {
  const { retriever } = context;
  const ids = topics.map((t) => t.id);
  const primary = topics[0];
  if (!primary) throw new Error('decideForTopics needs a topic');
  const candidates = topics.flatMap((t) => Object.values(t.fields).flat());
  const all = retriever.query(reading.contentWords, reading.lang);
  const results = new Map<string, ScoredPassage>(
    retriever.searchPassages(all, (p) => p.curated && p.topicId !== null && ids.includes(p.topicId)).map((r) => [r.passage.id, r]),
  );
  const top = Math.max(1e-9, ...[...results.values()].map((r) => r.score));
  const specific = specificQuery(reading, topics, candidates, retriever);
  const none = new Set<string>();
  const asked = (p: Passage) => reading.aspects.includes(p.field as Field);
  const ranked = candidates.map((passage) => {
    const coverage = retriever.coverage(specific, results.get(passage.id)?.matched ?? none);
    const score = (results.get(passage.id)?.score ?? 0) / top;
    return { passage, coverage, rank: 2 * coverage + (asked(passage) ? 1 : 0) + score + rankBonus(reading, all, passage, retriever) };
  });

  const answering = specific.concepts.length ? ranked.filter((r) => r.coverage >= ANSWERS) : [];
  // "What is ..." does not narrow the facts down; how long, what it costs, when, whom to ask do.
  const narrowing = reading.aspects.filter((a) => a !== 'what');
  const inAskedFields = ranked.filter((r) => (narrowing as string[]).includes(r.passage.field));
  const gaps = gapsFor(reading, ids);
  const perTopic = (list: typeof ranked) => (topics.length > 1 ? topics.flatMap((t) => best(list.filter((r) => r.passage.topicId === t.id), 2)) : best(list));

  if (gaps.length) return { kind: 'unknown', topicId: primary.id, gaps, related: best(answering.length ? answering : inAskedFields, 2), confidence: 0.3 };
  if (inAskedFields.length || answering.length) {
    return { kind: 'facts', topicIds: ids, passages: perTopic([...new Set([...inAskedFields, ...answering])]), confidence: answering.length ? 0.9 : 0.8 };
  }
  if (narrowing.length && primary.kind === 'article') {
    const matching = ranked.filter((r) => results.has(r.passage.id));
    if (matching.length) return { kind: 'facts', topicIds: ids, passages: perTopic(matching), confidence: 0.6 };
  }
  if (narrowing.length && primary.kind !== 'article') {
    const field = narrowing[0];
    const related = [...(primary.fields.contact ?? []), ...(primary.fields.next_step ?? [])].slice(0, 2);
    return { kind: 'unknown', topicId: primary.id, ...(field ? { field } : {}), gaps: [], related, confidence: 0.2 };
  }
  const passages = topics.length > 1 ? topics.flatMap((t) => overview(t).slice(0, 1)) : overview(primary);
  return { kind: 'facts', topicIds: ids, passages, confidence: specific.concepts.length ? 0.5 : 0.9 };
}
