import type { Decision } from './decision.js';
import type { Knowledge, Passage } from './model.js';
import type { Concept, Query, ScoredPassage } from './retriever.js';
import type { Field } from './schema.js';
import { best, gapsFor, overview, rankBonus, STARTING_ROUTES, type QuestionContext } from './select.js';
import type { Reading } from './understand.js';

/** An open question is answered when the best fact holds more than half of its weighted words, */
const ANSWERS = 0.5;
/** or a good part of them when those are telling enough together (long, chatty questions). */
const ANSWERS_LONG = { coverage: 0.3, evidence: 10 };
/** A word at least this telling (its weight) is one an answer to "A or B?" should hold. */
const TELLING_SIDE = 3;
/** A topic is suggested to someone describing their situation from this much evidence on. */
const SUITS = 4;
/** Words that name "a programme" without saying which. */
const GENERIC = new Set(['opleiding', 'training', 'traject', 'programma', 'cursus', 'course', 'programme', 'program', 'regeling', 'route', 'scheme']);
/** The fields that say whom a route fits. */
const FITS: readonly string[] = ['what', 'audience', 'requirements'];
const ROUTE_FIELDS: readonly Field[] = ['duration', 'costs', 'requirements', 'start', 'provider', 'audience', 'contact', 'next_step'];

/** Someone who tells about themselves: the topics that fit what they said, each with what it is and why it fits. */
function advise(ranked: readonly Ranked[], topicEvidence: ReadonlyMap<string, number>, knowledge: Knowledge, forSchool: boolean, toBeat: number): Decision | undefined {
  // What fits shows in a topic's names and keywords, and in what a route is and whom it is for; an article counts by
  // its names only (a group such as "herintreders"), never by its figures. Schemes fund schools: they fit someone
  // who speaks for a school, not a person looking for a route.
  const isRoute = (id: string | null): id is string => id !== null && knowledge.topicById.get(id)?.kind !== 'article';
  const fitsAsker = (id: string) => forSchool || knowledge.topicById.get(id)?.kind !== 'scheme';
  const relevance = new Map([...topicEvidence].filter(([id]) => fitsAsker(id)));
  for (const r of ranked) {
    const id = r.passage.topicId;
    if (isRoute(id) && fitsAsker(id) && FITS.includes(r.passage.field)) relevance.set(id, Math.max(relevance.get(id) ?? 0, r.evidence));
  }
  const ordered = [...relevance.entries()].sort((a, b) => b[1] - a[1]);
  const strongest = ordered[0]?.[1] ?? 0;
  if (strongest < toBeat) return undefined;
  const groups = ordered
    .filter(([, rel]) => rel >= SUITS && rel >= strongest * 0.6)
    .slice(0, 3)
    .flatMap(([id]) => {
      const topic = knowledge.topicById.get(id);
      if (!topic) return [];
      const lead = overview(topic)[0];
      const own = best(ranked.filter((r) => r.passage.topicId === id), 1);
      return [{ topicId: id, passages: [...new Set([lead, ...own].filter((p): p is Passage => p !== undefined))] }];
    });
  return groups.length ? { kind: 'advice', groups, confidence: Math.min(1, strongest / 15) } : undefined;
}

interface Ranked {
  passage: Passage;
  coverage: number;
  evidence: number;
  matched: ReadonlySet<string>;
  rank: number;
}

/** The words that set two things side by side ("bij de pabo of bij de tweedegraads?"). */
const ALTERNATIVES = new Set(['of', 'or', 'versus', 'vs']);
/** How much of the question a fact must hold to answer for the other side. */
const OTHER_SIDE = 0.3;

/**
 * "Meer uitval bij de pabo of bij de tweedegraads?": when the facts found hold one side and not a telling word of the
 * other, the best fact that holds it comes along.
 */
function otherSide(reading: Reading, query: Query, ranked: readonly Ranked[], chosen: readonly Passage[]): Passage[] {
  if (!reading.words.some((w) => ALTERNATIVES.has(w))) return [];
  const held = ranked.filter((r) => chosen.includes(r.passage));
  const holds = (r: Ranked, c: Concept) => c.terms.some((t) => r.matched.has(t));
  const telling = query.concepts.filter((c) => c.weight >= TELLING_SIDE);
  const missing = telling.filter((c) => !held.some((r) => holds(r, c)));
  const shared = telling.filter((c) => held.some((r) => holds(r, c)));
  // The other side of the same question: a fact that holds a missing word and a word the answer already holds.
  const other = ranked.find(
    (r) => !chosen.includes(r.passage) && r.coverage >= OTHER_SIDE && missing.some((c) => holds(r, c)) && shared.some((c) => holds(r, c)),
  );
  return other ? [other.passage] : [];
}

/** Someone who tells about their situation and asks what fits, or asks which route fits. */
export function wantsAdvice(reading: Reading): boolean {
  const s = reading.signals;
  const forSomeoneClose = s.has('closePerson') && !s.has('pupilContext');
  return s.has('routeHelp') || ((s.has('situation') || forSomeoneClose) && (s.has('adviceRequest') || s.has('wish')));
}

/** A question that names no topic: find the facts that hold its words, or say honestly that none do. */
export function decideOpen(reading: Reading, knowledge: Knowledge, context: QuestionContext): Decision {
  const { retriever } = context;
  const gaps = gapsFor(reading, []);
  const query = retriever.query(reading.contentWords, reading.lang);

  const generic = new Set(retriever.terms([...GENERIC].join(' '), reading.lang));
  const specific = retriever.terms(reading.specificWords.join(' '), reading.lang);
  const routeAspect = reading.aspects.find((a) => ROUTE_FIELDS.includes(a));
  if (routeAspect && specific.every((t) => generic.has(t))) {
    const topicIds = knowledge.topics.filter((t) => t.kind !== 'article' && (t.fields[routeAspect]?.length ?? 0) > 0).map((t) => t.id);
    if (topicIds.length) return { kind: 'clarify', topicIds: topicIds.slice(0, 6) };
  }

  const topicEvidence = retriever.topicEvidence(query);
  const totalWeight = Math.max(1e-9, query.concepts.reduce((sum, c) => sum + c.weight, 0));
  const topicCoverage = (id: string | null) => (id ? (topicEvidence.get(id) ?? 0) / totalWeight : 0);
  const results = retriever.searchFacts(query);
  const top = Math.max(1e-9, ...results.map((r) => r.score));
  const rank = (r: ScoredPassage): Ranked => {
    const coverage = retriever.coverage(query, r.matched);
    const asked = reading.aspects.includes(r.passage.field as Field) ? 0.2 : 0;
    const rank = coverage + 0.5 * topicCoverage(r.passage.topicId) + asked + (0.2 * r.score) / top + rankBonus(reading, query, r.passage, retriever);
    return { passage: r.passage, coverage, evidence: retriever.evidence(query, r.matched), matched: r.matched, rank };
  };
  const curated = results.map(rank).sort((a, b) => b.rank - a.rank);

  const answers = (r: Ranked) => r.coverage > ANSWERS || (r.coverage >= ANSWERS_LONG.coverage && r.evidence >= ANSWERS_LONG.evidence);
  const first = curated.find(answers);
  if (wantsAdvice(reading) && !gaps.length) {
    // A fact that holds more of what they said than any route fits them answers ("an open day for school leaders").
    const forSchool = reading.signals.has('schoolPerspective') || reading.signals.has('schemeRequest');
    const advice = advise(curated, topicEvidence, knowledge, forSchool, first?.evidence ?? 0);
    if (advice) return advice;
  }
  if (first) {
    const sameTopic = curated.filter((r) => r.passage.topicId === first.passage.topicId && r.coverage >= first.coverage * 0.6);
    if (gaps.length) return { kind: 'unknown', gaps, related: best(sameTopic, 2), confidence: first.coverage };
    const passages = best(sameTopic);
    return { kind: 'facts', topicIds: first.passage.topicId ? [first.passage.topicId] : [], passages: [...passages, ...otherSide(reading, query, curated, passages)], confidence: first.coverage };
  }
  const document = retriever.searchDocuments(query).map(rank).sort((a, b) => b.rank - a.rank)[0];
  if (document && document.coverage >= 0.6 && !gaps.length) {
    return { kind: 'document', passages: [document.passage], confidence: document.coverage * 0.8 };
  }
  if (gaps.length) return { kind: 'unknown', gaps, related: [], confidence: 0.2 };
  // Someone telling about themselves, without anything that fits yet: ask what would help to find a route. Not
  // when they ask something ("Hoort daar geld bij?", "wie staan daar voor de groep?"): the facts do not answer that.
  if (wantsAdvice(reading) || (reading.signals.has('situation') && !reading.aspects.length)) return { kind: 'route_help', topicIds: STARTING_ROUTES.filter((id) => knowledge.topicById.has(id)) };
  const best0 = curated[0]?.coverage ?? 0;
  const narrowing = reading.aspects.some((a) => a !== 'what');
  if (reading.signals.has('offTopic')) return { kind: 'out_of_scope' };
  if (reading.signals.has('domain') || narrowing || best0 > 0.25) return { kind: 'unknown', gaps: [], related: [], confidence: best0 };
  return { kind: 'out_of_scope' };
}
