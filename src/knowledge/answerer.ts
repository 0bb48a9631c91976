import { compose, type Reply } from './compose.js';
import { decide, decideEach, questionsOf } from './decide.js';
import { wantsAdvice } from './decide-open.js';
import { MESSAGES } from './messages.js';
import type { Knowledge, Lang } from './model.js';
import { Retriever } from './retriever.js';
import { tokenize } from './text.js';
import { TopicRecognizer } from './topic-recognizer.js';
import { gapMatchers, readMessage } from './understand.js';

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
    const questions = decision.kind === 'facts' ? questionsOf(question.text) : [];
    const each = questions.length > 1 ? decideEach(questions.map((q) => read(q, question)), knowledge, context) : undefined;
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
