import { decideOpen, wantsAdvice } from './decide-open.js';
import { decideForTopics, overviewOf } from './decide-topic.js';
import type { Decision, Smalltalk } from './decision.js';
import type { Knowledge, Passage, Topic } from './model.js';
import { MAX_FACTS, mentions, namedTerms, STARTING_ROUTES, type QuestionContext } from './select.js';
import { isStopword } from './text.js';
import { inside, type Reading, type Signal } from './understand.js';

const SMALLTALK_ORDER: readonly (Smalltalk & Signal)[] = ['thanks', 'goodbye', 'howAreYou', 'greeting'];

/** Words of the message that are neither stopwords nor part of the given signals. */
function wordsBeyond(reading: Reading, signals: readonly Signal[]): string[] {
  const spans = signals.flatMap((s) => reading.signals.get(s) ?? []);
  return reading.words.filter((w, i) => !inside(i, spans) && !isStopword(w, reading.lang));
}

function smalltalk(reading: Reading): Decision | undefined {
  if (reading.topics.length) return undefined;
  const s = reading.signals;
  if (s.has('identity') && wordsBeyond(reading, ['identity', 'human']).length <= 3) return { kind: 'smalltalk', which: 'identity' };
  if (s.has('capabilities') && wordsBeyond(reading, ['capabilities']).length === 0) return { kind: 'smalltalk', which: 'identity' };
  if (s.has('language') && reading.words.length <= 8 && !reading.aspects.length) return { kind: 'smalltalk', which: 'language' };
  const said = SMALLTALK_ORDER.filter((k) => s.has(k));
  if (said.length && wordsBeyond(reading, said).length <= 1 && !reading.aspects.includes('costs')) {
    return { kind: 'smalltalk', which: said[0] ?? 'greeting' };
  }
  return undefined;
}

/** Someone who wants a person: what the knowledge says about the topic they named comes along. */
function handoff(reading: Reading, knowledge: Knowledge): Decision {
  const topic = reading.topics[0] ? knowledge.topicById.get(reading.topics[0].topicId) : undefined;
  const related = topic ? [...(topic.fields.contact ?? []), ...(topic.fields.facts ?? [])].slice(0, 2) : [];
  return { kind: 'handoff', ...(topic ? { topicId: topic.id } : {}), related };
}

/** Decides what kind of reply a message needs; knowledge questions go on to decideQuestion. */
export function decide(reading: Reading, knowledge: Knowledge, context: QuestionContext): Decision {
  const s = reading.signals;
  if (reading.words.length === 0) return { kind: 'smalltalk', which: 'greeting' };

  if (s.has('injection')) {
    const rest = decideQuestion(reading, knowledge, context);
    const useful = rest.kind === 'facts' || rest.kind === 'unknown' || rest.kind === 'advice';
    return { kind: 'refusal', ...(useful ? { then: rest } : {}) };
  }

  if (s.has('unhappy')) return { kind: 'unhappy' };
  // "Liever praat ik met een mens" asks for a person; "ben jij een mens?" asks what the bot is.
  if (s.has('human') && s.has('wish')) return handoff(reading, knowledge);

  const chat = smalltalk(reading);
  if (chat) return chat;

  if (s.has('human')) return handoff(reading, knowledge);

  if (s.has('routeHelp') && !reading.topics.length && wordsBeyond(reading, ['routeHelp', 'situation']).length <= 2) {
    return { kind: 'route_help', topicIds: STARTING_ROUTES.filter((id) => knowledge.topicById.has(id)) };
  }

  if (s.has('offTopic') && !s.has('domain') && !reading.topics.length) return { kind: 'out_of_scope' };

  return decideQuestion(reading, knowledge, context);
}

/** At most this many questions of one message are answered one by one, each only when this sure of its facts. */
const MAX_QUESTIONS = 3;
const SURE_OF_EACH = 0.6;

/** The questions of a message: its sentences that end in a question mark. */
export function questionsOf(text: string): string[] {
  return text.split(/(?<=\?)\s+/).filter((s) => s.trim().endsWith('?'));
}

/**
 * "Hoe lang duurt zij-instroom? En heb je dan meteen een baan?": each question of a message on its own, the later
 * ones about what the first one named, their facts together. Undefined when a question on its own asks nothing or
 * finds no facts it is sure of: then the message is answered as a whole.
 */
export function decideEach(questions: readonly Reading[], knowledge: Knowledge, context: QuestionContext): Decision | undefined {
  if (questions.length < 2 || questions.length > MAX_QUESTIONS) return undefined;
  const found: (Decision & { kind: 'facts' })[] = [];
  for (const reading of questions) {
    // "Is dat ook zo erg?" asks nothing of its own: the message is one question.
    if (!reading.topics.length && !reading.specificWords.length && !reading.aspects.some((a) => a !== 'what')) return undefined;
    // A later question that names nothing is about what the first one named.
    const about = found[0]?.topicIds[0];
    const topic = about && !reading.topics.length ? knowledge.topicById.get(about) : undefined;
    const decision = topic ? decideForTopics(reading, [topic], context) : decide(reading, knowledge, context);
    if (decision?.kind !== 'facts' || decision.confidence < SURE_OF_EACH) return undefined;
    found.push(decision);
  }
  // The best fact of each question, then the second best of each, as far as there is room.
  const ranked = [...found.map((d) => d.passages[0]), ...found.map((d) => d.passages[1])].filter((p): p is Passage => p !== undefined);
  const passages = [...new Set(ranked)].slice(0, Math.min(MAX_FACTS, found.length + 1));
  const topicIds = [...new Set(found.flatMap((d) => d.topicIds))];
  return { kind: 'facts', topicIds, passages, confidence: Math.min(...found.map((d) => d.confidence)) };
}

/** A knowledge question: about the topics it names (or the previous answer's topic), or open. */
function decideQuestion(reading: Reading, knowledge: Knowledge, context: QuestionContext): Decision {
  let topics = reading.topics.map((m) => knowledge.topicById.get(m.topicId)).filter((t): t is Topic => t !== undefined);
  const last = context.lastTopicId ? knowledge.topicById.get(context.lastTopicId) : undefined;
  if (!topics.length && last && reading.aspects.length && reading.specificWords.length <= 1) topics = [last];
  // Someone describing their situation names a sector or role as context; what fits them is an open question,
  // unless they ask something particular of what they named ("Can I do zij-instroom with havo?").
  // The organisation's own name ("kan dat via Utrecht Leert?") is context, never what they ask about.
  const particular = topics.filter((t) => !context.retriever.isCommonName(t, reading.lang));
  const onlyContext = !particular.length;
  const asksParticular = reading.aspectsStrong && reading.aspects.some((a) => a !== 'what') && !onlyContext;
  const asksRoute = wantsAdvice(reading) && (onlyContext || (reading.contentWords.length >= 6 && (!asksParticular || reading.signals.has('routeHelp'))));
  if (!topics.length || asksRoute) return decideOpen(reading, knowledge, context);
  // The organisation's own name is context when something more particular is named too.
  const named = (particular.length ? particular : topics).slice(0, 3);
  const about = decideForTopics(reading, named, context);
  if (about) return about;
  // The question names a topic but asks something its facts do not hold: a fact elsewhere may ("Hoe kijkt Utrecht
  // Leert aan tegen commerciële bureaus?"), as long as it is about what was named. Failing that: what the topic is.
  const wider = decideOpen(reading, knowledge, context);
  const [lead] = wider.kind === 'facts' ? wider.passages : [];
  const names = namedTerms(reading, context.retriever);
  const namesTopic = (p: Passage) => !particular.length || names.some((n) => mentions(p, n, reading, context.retriever));
  return wider.kind === 'facts' && wider.confidence >= 0.5 && lead && namesTopic(lead) ? wider : overviewOf(named);
}
