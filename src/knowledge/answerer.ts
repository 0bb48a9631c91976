import { compose, type Reply } from './compose.js';
import { decide } from './decide.js';
import { decideForTopics } from './decide-topic.js';
import type { Decision } from './decision.js';
import { MAX_FACTS, type QuestionContext } from './select.js';
import { wantsAdvice } from './decide-open.js';
import { MESSAGES } from './messages.js';
import type { Knowledge, Lang } from './model.js';
import { Retriever } from './retriever.js';
import { tokenize } from './text.js';
import { TopicRecognizer } from './topic-recognizer.js';
import { gapMatchers, readMessage, type Reading } from './understand.js';

export interface Question {
  text: string;
  /** Language to use when the message itself does not tell (the channel's locale). */
  fallbackLang?: Lang;
  /** The language the conversation is in so far: only a message clearly in the other language changes it. */
  conversationLang?: Lang;
  /** Topic of the previous answer in this conversation, for follow-up questions. */
  lastTopicId?: string;
}

export interface Answerer {
  answer(question: Question): Reply;
  welcome(lang: Lang): Reply;
}

/** At most this many questions of one message are answered one by one, each only when this sure of its facts. */
const MAX_QUESTIONS = 3;
const SURE_OF_EACH = 0.6;

/**
 * "Hoe lang duurt zij-instroom? En heb je dan meteen een baan?": each question of the message on its own, the later
 * ones about what the first one named, their facts together. Undefined when the message holds one question, or when
 * a question on its own finds no facts it is sure of: then the message as a whole is answered.
 */
function decideEach(text: string, read: (text: string) => Reading, knowledge: Knowledge, context: QuestionContext): Decision | undefined {
  const questions = text.split(/(?<=\?)\s+/).filter((s) => s.trim().endsWith('?'));
  if (questions.length < 2 || questions.length > MAX_QUESTIONS) return undefined;
  const found: (Decision & { kind: 'facts' })[] = [];
  for (const part of questions) {
    const reading = read(part);
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
  const passages = [...new Set([...found.map((d) => d.passages[0]), ...found.map((d) => d.passages[1])].filter((p) => p !== undefined))].slice(0, Math.min(MAX_FACTS, found.length + 1));
  const topicIds = [...new Set(found.flatMap((d) => d.topicIds))];
  return { kind: 'facts', topicIds, passages, confidence: Math.min(...found.map((d) => d.confidence)) };
}

/** Recent replies kept: many visitors ask the same questions, often by clicking the same suggestion. */
const CACHE_SIZE = 1000;

/**
 * Builds the offline answerer once per knowledge version. Answering is a pure function of the question (and the
 * previous topic), so replies to recent questions are kept and reused.
 */
export function createAnswerer(knowledge: Knowledge, options: { cache?: boolean } = {}): Answerer {
  const knownWords = new Set(
    [...knowledge.passages.flatMap((p) => [p.text.nl ?? '', p.text.en ?? '', ...p.keywords]), ...knowledge.topics.flatMap((t) => [...t.aliases, ...t.keywords])].flatMap(tokenize),
  );
  const recognizer = new TopicRecognizer(knowledge.topics, knownWords);
  const retriever = new Retriever(knowledge.topics, knowledge.passages);
  const gaps = gapMatchers(knowledge.gaps);
  const recent = new Map<string, Reply>();
  const read = (text: string, question: Question) =>
    readMessage(text, question.conversationLang ?? question.fallbackLang, recognizer, gaps, question.conversationLang ? 2 : 1);
  const answer = (question: Question): Reply => {
    const reading = read(question.text, question);
    const context = { retriever, ...(question.lastTopicId ? { lastTopicId: question.lastTopicId } : {}) };
    const decision = decide(reading, knowledge, context);
    const each = decision.kind === 'facts' ? decideEach(question.text, (text) => read(text, question), knowledge, context) : undefined;
    const reply = compose(each ?? decision, reading.lang, knowledge);
    return wantsAdvice(reading) ? { ...reply, wantsAdvice: true } : reply;
  };
  return {
    answer(question) {
      if (options.cache === false) return answer(question);
      const key = `${question.fallbackLang ?? ''}\u0000${question.conversationLang ?? ''}\u0000${question.lastTopicId ?? ''}\u0000${question.text}`;
      let reply = recent.get(key);
      if (reply) recent.delete(key);
      else reply = Object.freeze(answer(question));
      recent.set(key, reply);
      if (recent.size > CACHE_SIZE) recent.delete(recent.keys().next().value ?? '');
      return reply;
    },
    welcome(lang) {
      const m = MESSAGES[lang];
      const label = (id: string) => knowledge.topicById.get(id)?.label[lang] ?? id;
      return {
        lang,
        intent: 'smalltalk',
        text: m.welcome,
        citations: [],
        suggestions: [m.whichRoute, label('zij-instroom'), label('onderwijs-challenge'), m.talkToPerson],
        topicIds: [],
        routeIds: [],
        confidence: 1,
      };
    },
  };
}
