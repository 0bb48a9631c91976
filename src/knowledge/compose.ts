import type { Decision } from './decision.js';
import { CitationList, paragraphs } from './citation-list.js';
import { MESSAGES } from './messages.js';
import type { Citation, Knowledge, Lang, Passage, Topic } from './model.js';
import type { Field } from './schema.js';

export type Intent = Exclude<Decision['kind'], 'facts'> | 'answer';

/** A reply ready to send: visible text with its "Bron:" line, the citations behind it and suggested next messages. */
export interface Reply<I extends string = Intent> {
  lang: Lang;
  intent: I;
  text: string;
  citations: Citation[];
  suggestions: string[];
  topicIds: string[];
  /** The topics that are routes or programmes (not general articles). */
  routeIds: string[];
  confidence: number;
  /** The message asks what fits the person (a route, a programme), not something about a named one. */
  wantsAdvice?: boolean;
  /** The facts an answer rests on: what a generated answer may use, and nothing else. */
  grounds?: readonly Passage[];
  /** Written by a language model from the grounds (labelled as AI-generated on the activity). */
  generated?: boolean;
}

const FOLLOW_UP_ORDER: readonly Field[] = ['what', 'contact', 'duration', 'requirements', 'start', 'costs', 'audience', 'provider', 'results'];
const MAX_SUGGESTIONS = 4;

/** The "Let op:" line for facts that may have changed. */
export function validity(passages: readonly Passage[], lang: Lang): string {
  const notes = [...new Set(passages.flatMap((p) => (p.validity ? [p.validity[lang]] : [])))];
  return notes.length ? `${MESSAGES[lang].validity}: ${notes.join(' ')}` : '';
}

function followUps(topic: Topic | undefined, shown: readonly Passage[], lang: Lang): string[] {
  if (!topic || topic.kind === 'article') return [];
  const shownFields = new Set(shown.map((p) => p.field));
  return FOLLOW_UP_ORDER.filter((f) => !shownFields.has(f) && (topic.fields[f]?.length ?? 0) > 0)
    .slice(0, 3)
    .map((f) => `${topic.label[lang]}: ${MESSAGES[lang].followUp[f]}`);
}

/** The topic's own web page, when the answer does not already point to it. */
export function moreInfo(topic: Topic | undefined, lang: Lang, answer: string): string {
  const link = topic?.links[0];
  if (!link) return '';
  const shown = link.url.replace(/^https?:\/\//, '');
  const bare = shown.replace(/^www\./, '').replace(/\/$/, '');
  return answer.includes(bare) ? '' : `${MESSAGES[lang].moreInfo}: ${shown}`;
}


/** Puts a decision into words in the language of the question. */
export function compose(decision: Decision, lang: Lang, knowledge: Knowledge): Reply {
  const m = MESSAGES[lang];
  const citations = new CitationList();
  const topic = (id: string | undefined) => (id ? knowledge.topicById.get(id) : undefined);
  const name = (id: string) => topic(id)?.name[lang] ?? id;
  const label = (id: string) => topic(id)?.label[lang] ?? id;
  const person = m.talkToPerson;
  const reply = (intent: Intent, text: string, suggestions: string[], topicIds: string[] = [], confidence = 1): Reply => ({
    lang,
    intent,
    text,
    citations: citations.items,
    suggestions: [...new Set(suggestions)].slice(0, MAX_SUGGESTIONS),
    topicIds,
    routeIds: topicIds.filter((id) => (topic(id)?.kind ?? 'article') !== 'article'),
    confidence,
  });

  switch (decision.kind) {
    case 'facts': {
      const [first] = decision.topicIds;
      const facts = citations.text(decision.passages, lang);
      const text = paragraphs(facts, validity(decision.passages, lang), moreInfo(topic(first), lang, facts), citations.footer(lang));
      return { ...reply('answer', text, [...followUps(topic(first), decision.passages, lang), person], decision.topicIds, decision.confidence), grounds: decision.passages };
    }
    case 'advice': {
      const groups = decision.groups.map((g) => `${name(g.topicId)}: ${citations.text(g.passages, lang)}`);
      const all = decision.groups.flatMap((g) => g.passages);
      const text = paragraphs(m.advice, ...groups, validity(all, lang), m.adviceMore, citations.footer(lang));
      const options = decision.groups.map((g) => label(g.topicId));
      return reply('advice', text, [...options, person], decision.groups.map((g) => g.topicId), decision.confidence);
    }
    case 'document': {
      const [passage] = decision.passages;
      const title = passage?.citations[0]?.source.title ?? '';
      const text = paragraphs(`${m.fromDocument(title)} ${citations.text(decision.passages, lang)}`, citations.footer(lang));
      return { ...reply('document', text, [person], [], decision.confidence), grounds: decision.passages };
    }
    case 'unknown': {
      const t = topic(decision.topicId);
      const outside = decision.gaps.length > 0 && decision.gaps.every((g) => g.scope === 'outside');
      const opening = decision.gaps.length
        ? decision.gaps.map((g) => g.message[lang]).join(' ')
        : decision.field && t
          ? m.unknownField(decision.field, t.label[lang])
          : m.unknown;
      const related = decision.related.length ? `${m.related} ${citations.text(decision.related, lang)}` : '';
      const text = paragraphs(opening, related, outside ? m.steerBack : m.offerPerson, validity(decision.related, lang), citations.footer(lang));
      const suggestions = outside ? [m.whichRoute, person] : [person, ...followUps(t, decision.related, lang)];
      return reply(outside ? 'out_of_scope' : 'unknown', text, suggestions, t ? [t.id] : [], decision.confidence);
    }
    case 'clarify':
      return reply('clarify', m.clarify, [...decision.topicIds.map(label), person], decision.topicIds, 0.3);
    case 'route_help':
      return reply('route_help', m.routeHelp, [...decision.topicIds.map(label), person], decision.topicIds, 0.5);
    case 'handoff': {
      const t = topic(decision.topicId);
      const about = t && decision.related.length ? `${m.handoffTopic(t.name[lang])} ${citations.text(decision.related, lang)}` : '';
      return reply('handoff', paragraphs(m.handoff, about, citations.footer(lang)), [m.whichRoute], t ? [t.id] : []);
    }
    case 'unhappy':
      return reply('unhappy', paragraphs(m.unhappy, m.offerPerson), [person, m.whichRoute]);
    case 'smalltalk':
      return reply('smalltalk', m[decision.which], [m.whichRoute, label('zij-instroom'), label('onderwijs-challenge'), person]);
    case 'refusal': {
      if (!decision.then) return reply('refusal', m.refusal, [m.whichRoute, person]);
      const rest = compose(decision.then, lang, knowledge);
      return { ...rest, intent: 'refusal', text: paragraphs(m.refusal, rest.text) };
    }
    case 'out_of_scope':
      return reply('out_of_scope', m.outOfScope, [m.whichRoute, label('zij-instroom'), label('onderwijs-challenge')]);
  }
}

