import { compose, type Reply } from './compose.js';
import { decide } from './decide.js';
import { MESSAGES } from './messages.js';
import type { Knowledge, Lang } from './model.js';
import { Retriever } from './retriever.js';
import { TopicRecognizer } from './topic-recognizer.js';
import { gapMatchers, readMessage } from './understand.js';

export interface Question {
  text: string;
  /** Language to use when the message itself does not tell (channel locale, earlier turns). */
  fallbackLang?: Lang;
  /** Topic of the previous answer in this conversation, for follow-up questions. */
  lastTopicId?: string;
}

export interface Answerer {
  answer(question: Question): Reply;
  welcome(lang: Lang): Reply;
}

/** Builds the offline answerer once per knowledge version; answering is then a pure function of the question. */
export function createAnswerer(knowledge: Knowledge): Answerer {
  const recognizer = new TopicRecognizer(knowledge.topics);
  const retriever = new Retriever(knowledge.topics, knowledge.passages);
  const gaps = gapMatchers(knowledge.gaps);
  return {
    answer(question) {
      const reading = readMessage(question.text, question.fallbackLang, recognizer, gaps);
      const context = { retriever, ...(question.lastTopicId ? { lastTopicId: question.lastTopicId } : {}) };
      return compose(decide(reading, knowledge, context), reading.lang, knowledge);
    },
    welcome(lang) {
      const m = MESSAGES[lang];
      const name = (id: string) => knowledge.topicById.get(id)?.name[lang] ?? id;
      return {
        lang,
        intent: 'smalltalk',
        text: m.welcome,
        citations: [],
        suggestions: [m.whichRoute, name('zij-instroom'), name('onderwijs-challenge'), m.talkToPerson],
        topicIds: [],
        routeIds: [],
        confidence: 1,
      };
    },
  };
}
