import type { Decision } from './decision.js';
import type { Passage, Topic } from './model.js';
import type { Query, Retriever, ScoredPassage } from './retriever.js';
import type { Field } from './schema.js';
import { best, gapsFor, MAX_FACTS, mentions, namedTerms, overview, rankBonus, type QuestionContext } from './select.js';
import type { TopicMatch } from './topic-recognizer.js';
import type { Reading } from './understand.js';

/** A word found in this share of a topic's facts says nothing about which of them answers. */
const COMMON_IN_TOPIC = 0.3;
/** How rare a word must be in the facts (its weight) to tell which fact of a topic is asked for. */
const TELLING = 2;
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
  // The words of the name used ("Onderwijs Expeditie") point into the topic, unless the facts of the aspect asked
  // answer ("Wat kost een zij-instroomtraject?" asks the costs, not the facts that say "traject").
  const asked = reading.aspects.filter((a) => a !== 'what');
  const answeredByField = topics.some((t) => asked.some((f) => (t.fields[f]?.length ?? 0) > 0));
  // Only a name that shares nothing with the topic's own name points into it ("Onderwijs Expeditie" within Anders
  // organiseren); "zij-instromers" is the topic's name in another form. A short part of a name ("1" of "las 1")
  // would only find figures.
  const pointsInto = (m: TopicMatch) => !m.aliasTokens.some((w) => names.has(retriever.termOf(w, lang) ?? ''));
  const pointing = reading.topics.filter(pointsInto).flatMap((m) => m.aliasTokens).filter((w) => w.length >= 3);
  const words = [...reading.specificWords, ...(answeredByField ? [] : pointing)];
  const query = retriever.query(words.filter((w) => {
    const t = retriever.termOf(w, lang);
    return t !== null && !names.has(t) && !common(t);
  }), lang);
  // Only telling words count: "school" or "Utrecht" says nothing about which fact of a topic is asked for.
  return { ...query, concepts: query.concepts.filter((c) => c.weight >= TELLING) };
}

/**
 * A question about named topics: answer what it asks of them, or say which part is not known. Undefined when the
 * question asks something specific that none of the topics' facts holds: the caller looks wider.
 */
export function decideForTopics(reading: Reading, topics: Topic[], context: QuestionContext): Decision | undefined {
  const { retriever } = context;
  const { lang } = reading;
  const ids = topics.map((t) => t.id);
  const primary = topics[0];
  if (!primary) throw new Error('decideForTopics needs a topic');
  const candidates = topics.flatMap((t) => Object.values(t.fields).flat());
  const all = retriever.query(reading.contentWords, lang);
  const results = new Map<string, ScoredPassage>(
    retriever.searchFacts(all, (p) => p.topicId !== null && ids.includes(p.topicId)).map((r) => [r.passage.id, r]),
  );
  const top = Math.max(1e-9, ...[...results.values()].map((r) => r.score));
  const specific = specificQuery(reading, topics, candidates, retriever);
  const asked = (p: Passage) => reading.aspects.includes(p.field as Field);
  // With several topics named, a fact of one that also names another is about both ("schoolleiders" in "GO").
  const named = namedTerms(reading, retriever);
  const alsoNames = (p: Passage) => named.filter((n) => n.topicId !== p.topicId && mentions(p, n, reading, retriever)).length;
  // Several topics named side by side ("in het vo ook zo'n tekort als in het po?"): their names choose the topics,
  // not the facts, so no fact of them needs to hold the names.
  const names = topics.length > 1 ? named.flatMap((n) => n.terms) : [];
  const ranked = candidates.map((passage) => {
    const matched = new Set([...(results.get(passage.id)?.matched ?? []), ...names]);
    for (const c of specific.concepts) for (const t of c.terms) if (retriever.containsPart(passage, t, lang)) matched.add(t);
    const coverage = retriever.coverage(specific, matched);
    const score = (results.get(passage.id)?.score ?? 0) / top;
    const rank = 2 * coverage + (asked(passage) ? 1 : 0) + score + 0.5 * alsoNames(passage) + rankBonus(reading, all, passage, retriever);
    return { passage, coverage, rank };
  });

  // A name that points into a topic ("urgentieparadox" within Anders organiseren): the facts that hold it answer.
  const nameTerms = new Set(topics.flatMap((t) => retriever.terms(`${t.name.nl} ${t.name.en}`, lang)));
  const pointers = named.filter((n) => n.terms.some((t) => !nameTerms.has(t)));
  const pointedAt = (p: Passage) => pointers.some((n) => n.topicId === p.topicId && mentions(p, n, reading, retriever));
  const answering = ranked.filter((r) => (specific.concepts.length && r.coverage >= ANSWERS) || pointedAt(r.passage));
  // "What is ..." does not narrow the facts down; how long, what it costs, when, whom to ask do.
  const narrowing = reading.aspects.filter((a) => a !== 'what');
  const inAskedFields = ranked.filter((r) => (narrowing as string[]).includes(r.passage.field));
  const gaps = gapsFor(reading, ids);
  const perTopic = (list: typeof ranked) => (topics.length > 1 ? topics.flatMap((t) => best(list.filter((r) => r.passage.topicId === t.id), 2)) : best(list));
  // "What is it, and how long does it take?": what it is comes first.
  const lead = reading.aspects.includes('what') && narrowing.length ? overview(primary).slice(0, 1) : [];
  const facts = (list: typeof ranked, confidence: number): Decision => ({
    kind: 'facts',
    topicIds: ids,
    passages: [...new Set([...lead, ...perTopic(list)])].slice(0, MAX_FACTS + lead.length),
    confidence,
  });

  // What it does know of each aspect asked ("how long, and do I get paid?"), the best of each.
  const perAspect = (list: typeof ranked) => (narrowing.length > 1 ? narrowing.flatMap((f) => best(list.filter((r) => r.passage.field === f), 1)).slice(0, 3) : best(list, 2));
  // "What is the difference between A and B?": what each of them is, side by side.
  if (topics.length > 1 && reading.signals.has('comparison') && !narrowing.length && !gaps.length) return overviewOf(topics);
  if (gaps.length) return { kind: 'unknown', topicId: primary.id, gaps, related: answering.length ? best(answering, 2) : perAspect(inAskedFields), confidence: 0.3 };
  // "What is this onderwijsstagepact?": when only a few facts hold the name asked about, each tells part of it.
  const pointed = ranked.filter((r) => pointedAt(r.passage)).sort((a, b) => b.rank - a.rank);
  if (reading.aspects.includes('what') && !narrowing.length && pointed.length > 1 && pointed.length <= MAX_FACTS) {
    return { kind: 'facts', topicIds: ids, passages: pointed.slice(0, MAX_FACTS).map((r) => r.passage), confidence: 0.9 };
  }
  if (inAskedFields.length || answering.length) return facts([...new Set([...inAskedFields, ...answering])], answering.length ? 0.9 : 0.8);
  if (narrowing.length) {
    // Nothing in the asked field, but a fact elsewhere may use the very words asked ("vervolgstappen" of a campaign).
    // The words that named the topic chose it already; the rest of the question is what the fact must hold.
    const aspectTerms = retriever.terms(reading.aspectWords.join(' '), lang);
    const nameWords = new Set(reading.topics.flatMap((m) => m.positions.map((i) => reading.words[i])));
    const rest = retriever.query(reading.contentWords.filter((w) => !nameWords.has(w)), lang);
    const wholeQuestion = ranked.filter(
      (r) => aspectTerms.length > 0 && aspectTerms.every((t) => retriever.containsPart(r.passage, t, lang)) && retriever.coverage(rest, results.get(r.passage.id)?.matched ?? new Set()) >= 0.5,
    );
    if (wholeQuestion.length || primary.kind === 'article') {
      const matching = wholeQuestion.length ? wholeQuestion : ranked.filter((r) => results.has(r.passage.id));
      if (matching.length) return facts(matching, 0.6);
    }
    // Only hinted at ("kan ik ... volgen?" is not asking for requirements): look wider before saying it is not known.
    if (!reading.aspectsStrong) return undefined;
    const field = narrowing[0];
    const related = [...(primary.fields.contact ?? []), ...(primary.fields.next_step ?? [])].slice(0, 2);
    return { kind: 'unknown', topicId: primary.id, ...(field ? { field } : {}), gaps: [], related, confidence: 0.2 };
  }
  if (specific.concepts.length) return undefined;
  // Several topics: the facts that fit them together best ("schoolleiders" in "gespecialiseerd onderwijs").
  if (topics.length > 1) return facts(ranked, 0.7);
  return overviewOf(topics);
}

/** What the topics are, for a question that names them without asking anything in particular. */
export function overviewOf(topics: readonly Topic[]): Decision {
  const passages = topics.length > 1 ? topics.flatMap((t) => overview(t).slice(0, 1)) : topics.flatMap(overview);
  return { kind: 'facts', topicIds: topics.map((t) => t.id), passages, confidence: 0.8 };
}
