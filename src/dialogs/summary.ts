import type { Knowledge } from '../knowledge/index.js';

/** What the bot keeps of each turn for a summary: never the words, only what it was about and how it went. */
export interface TurnNote {
  intent: string;
  topicId?: string;
}

const OUTCOME: Record<string, string> = {
  answer: 'beantwoord',
  advice: 'advies gegeven',
  document: 'beantwoord uit een document',
  unknown: 'kon de bot niet beantwoorden',
  clarify: 'vraag was niet duidelijk',
  route_help: 'vroeg welke route past',
  recommendation: 'route-advies gegeven',
  out_of_scope: 'buiten het onderwerp',
  unhappy: 'was niet tevreden',
};

/**
 * A short summary of the conversation for the loket backoffice (always in Dutch, for the staff): which topics came
 * up and whether the bot could answer. Undefined when there is nothing worth sending.
 */
export function summarize(notes: readonly TurnNote[], knowledge: Pick<Knowledge, 'topicById'>): string | undefined {
  const lines = notes
    .filter((n) => OUTCOME[n.intent])
    .map((n) => `- ${n.topicId ? (knowledge.topicById.get(n.topicId)?.label.nl ?? n.topicId) : 'Algemene vraag'}: ${OUTCOME[n.intent]}`);
  return lines.length ? `Eerder in het gesprek met de chatbot:\n${lines.join('\n')}` : undefined;
}
