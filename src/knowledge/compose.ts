import type { Decision } from './decision.js';
import { MESSAGES } from './messages.js';
import type { Citation, Knowledge, Lang, Passage, Topic } from './model.js';
import type { Field } from './schema.js';

export type Intent = Exclude<Decision['kind'], 'facts'> | 'answer';

/** A reply ready to send: visible text with its "Bron:" line, the citations behind it and suggested next messages. */
export interface Reply {
  lang: Lang;
  intent: Intent;
  text: string;
  citations: Citation[];
  suggestions: string[];
  topicIds: string[];
  /** The topics that are routes or programmes (not general articles). */
  routeIds: string[];
  confidence: number;
}

const FOLLOW_UP_ORDER: readonly Field[] = ['what', 'contact', 'duration', 'requirements', 'start', 'costs', 'audience', 'provider', 'results'];
const MAX_SUGGESTIONS = 4;

function citationKey(c: Citation): string {
  return `${c.source.id}#${c.section}`;
}

function citationLabel(c: Citation, lang: Lang): string {
  return `${c.source.short[lang]}, ${c.section}`;
}

/** Numbers each distinct source once; the fact text gets its markers, the footer lists the sources. */
class CitationList {
  readonly items: Citation[] = [];

  mark(passage: Passage): string {
    const numbers = passage.citations.map((c) => {
      let index = this.items.findIndex((i) => citationKey(i) === citationKey(c));
      if (index < 0) index = this.items.push(c) - 1;
      return `[${index + 1}]`;
    });
    return [...new Set(numbers)].join('');
  }

  footer(lang: Lang): string {
    if (!this.items.length) return '';
    const list = this.items.map((c, i) => (this.items.length > 1 ? `[${i + 1}] ` : '') + citationLabel(c, lang));
    return `${MESSAGES[lang].sourceLabel(this.items.length)}: ${list.join('; ')}`;
  }
}

function passageText(passage: Passage, lang: Lang): string {
  return passage.text[lang] ?? passage.text.nl ?? passage.text.en ?? '';
}

function body(passages: readonly Passage[], lang: Lang, citations: CitationList): string {
  return passages.map((p) => `${passageText(p, lang)} ${citations.mark(p)}`).join(' ');
}

function validity(passages: readonly Passage[], lang: Lang): string {
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
function moreInfo(topic: Topic | undefined, lang: Lang, answer: string): string {
  const link = topic?.links[0];
  if (!link) return '';
  const shown = link.url.replace(/^https?:\/\//, '');
  const bare = shown.replace(/^www\./, '').replace(/\/$/, '');
  return answer.includes(bare) ? '' : `${MESSAGES[lang].moreInfo}: ${shown}`;
}

function paragraphs(...parts: string[]): string {
  return parts.filter((p) => p.trim().length > 0).join('\n\n');
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
      const facts = body(decision.passages, lang, citations);
      const text = paragraphs(facts, validity(decision.passages, lang), moreInfo(topic(first), lang, facts), citations.footer(lang));
      return reply('answer', text, [...followUps(topic(first), decision.passages, lang), person], decision.topicIds, decision.confidence);
    }
    case 'advice': {
      const groups = decision.groups.map((g) => `${name(g.topicId)}: ${body(g.passages, lang, citations)}`);
      const all = decision.groups.flatMap((g) => g.passages);
      const text = paragraphs(m.advice, ...groups, validity(all, lang), m.adviceMore, citations.footer(lang));
      const options = decision.groups.map((g) => label(g.topicId));
      return reply('advice', text, [...options, person], decision.groups.map((g) => g.topicId), decision.confidence);
    }
    case 'document': {
      const [passage] = decision.passages;
      const title = passage?.citations[0]?.source.title ?? '';
      const text = paragraphs(`${m.fromDocument(title)} ${body(decision.passages, lang, citations)}`, citations.footer(lang));
      return reply('document', text, [person], [], decision.confidence);
    }
    case 'unknown': {
      const t = topic(decision.topicId);
      const outside = decision.gaps.length > 0 && decision.gaps.every((g) => g.scope === 'outside');
      const opening = decision.gaps.length
        ? decision.gaps.map((g) => g.message[lang]).join(' ')
        : decision.field && t
          ? m.unknownField(decision.field, t.label[lang])
          : m.unknown;
      const related = decision.related.length ? `${m.related} ${body(decision.related, lang, citations)}` : '';
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
      const about = t && decision.related.length ? `${m.handoffTopic(t.name[lang])} ${body(decision.related, lang, citations)}` : '';
      return reply('handoff', paragraphs(m.handoff, about, citations.footer(lang)), [m.whichRoute], t ? [t.id] : []);
    }
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

