import { CitationList, paragraphs, tokenize, type Knowledge, type Lang, type Passage } from '../knowledge/index.js';
import { DIALOG_MESSAGES } from './messages.js';
import type { ReasonPart, Recommendation } from './recommend.js';

/** "je hebt een hbo-diploma, je werkt nu in een andere sector en je wilt lesgeven." */
export function reasonText(because: readonly ReasonPart[], lang: Lang): string {
  const m = DIALOG_MESSAGES[lang];
  const clauses = because.map(({ field, value }) => (m.reasons[field] as Record<string, string>)[value] ?? '').filter(Boolean);
  if (!clauses.length) return '';
  const last = clauses.pop() ?? '';
  const sentence = clauses.length ? `${clauses.join(', ')} ${m.and} ${last}` : last;
  return `${sentence}.`;
}

const contains = (passage: Passage, word: string) => tokenize(passage.text.nl ?? '').join(' ').includes(tokenize(word).join(' '));

/** The fact that explains a route best for this person: the one the rule points to, else who it is for. */
export function keyFact(knowledge: Knowledge, rec: Recommendation): Passage | undefined {
  const topic = knowledge.topicById.get(rec.routeId);
  if (!topic) return undefined;
  const all = Object.values(topic.fields).flat();
  const shown = rec.show ? all.find((p) => contains(p, rec.show ?? '')) : undefined;
  return shown ?? topic.fields.audience?.[0] ?? topic.fields.what?.[0] ?? topic.fields.facts?.[0];
}

/** The recommended routes, each with its reason in one line and one fact with its source. */
export function recommendationText(knowledge: Knowledge, recs: readonly Recommendation[], lang: Lang, opening: string) {
  const citations = new CitationList();
  const items = recs.map((rec, i) => {
    const topic = knowledge.topicById.get(rec.routeId);
    const fact = keyFact(knowledge, rec);
    const validity = fact?.validity ? `(${fact.validity[lang]})` : '';
    const facts = fact ? citations.text([fact], lang) : '';
    return [`${recs.length > 1 ? `${i + 1}. ` : ''}${topic?.label[lang] ?? rec.routeId}: ${reasonText(rec.because, lang)}`, facts, validity].filter(Boolean).join(' ');
  });
  return { text: paragraphs(opening, ...items, citations.footer(lang)), citations: citations.items };
}
