import type { Knowledge, Reply } from '../knowledge/index.js';
import { maskContactDetails } from './contact-details.js';
import type { HandoffRequest } from './handoff.js';
import type { Memory } from './memory.js';
import { readProfile, type Profile } from './profile.js';
import type { QualifyOptions } from './qualify.js';
import { isClear, recommend, RULES } from './recommend.js';
import { summarize } from './summary.js';

/** Two questions in a row the bot could not answer: time to offer a person. */
const UNANSWERED_BEFORE_OFFER = 2;
/** "Praat met een medewerker" holds no question of its own; a longer message does. */
const WORDS_OF_A_REQUEST = 4;

/** What a message needs when no dialog runs: the answer, a dialog, or the answer followed by the offer of a person. */
export type Triage =
  | { kind: 'answer' }
  | { kind: 'qualify'; options: QualifyOptions }
  | { kind: 'handoff'; request: HandoffRequest }
  | { kind: 'answer_then_offer'; request: HandoffRequest };

/**
 * Someone asking what fits them gets the qualification when its rules have something to say: when what they told
 * points clearly to a route, when the rules agree with the knowledge's own advice, or when that advice names no
 * route at all. A question about a route they named is answered from the knowledge instead.
 */
function startsQualification(answer: Reply, profile: Profile): boolean {
  if (answer.intent === 'route_help') return true;
  const recs = answer.wantsAdvice ? recommend(profile) : [];
  if (!recs.length) return false;
  if (answer.intent === 'advice') return isClear(profile) || !answer.routeIds.length || recs.some((r) => answer.routeIds.includes(r.routeId));
  return answer.intent === 'answer' && isClear(profile) && !((answer.topicIds[0] ?? '') in RULES);
}

/** Decides, from the answerer's reading of a message and what the conversation remembers, what happens next. */
export function triage(answer: Reply, text: string, memory: Memory, knowledge: Pick<Knowledge, 'topicById'>): Triage {
  const escalation = (reason: HandoffRequest['reason'], openQuestions: string[], extra: Partial<HandoffRequest> = {}): HandoffRequest => {
    const question = openQuestions.join('\n');
    const summary = summarize(memory.notes, knowledge);
    return { kind: 'escalation', reason, ...(question ? { question } : {}), ...(summary ? { summary } : {}), ...extra };
  };
  if (answer.intent === 'handoff') {
    // "Kunt u mij doorverbinden met de projectleider zij-instroom?": the message itself is the question.
    const own = text.trim().split(/\s+/).length > WORDS_OF_A_REQUEST ? [maskContactDetails(text.trim())] : memory.openQuestions;
    return { kind: 'handoff', request: escalation('asked', own, answer.topicIds[0] ? { routeId: answer.topicIds[0] } : {}) };
  }
  if (answer.intent === 'unhappy') return { kind: 'handoff', request: escalation('unhappy', memory.openQuestions) };
  const profile = readProfile(text);
  if (startsQualification(answer, profile)) return { kind: 'qualify', options: { profile } };
  if (answer.intent === 'unknown' && memory.unanswered + 1 >= UNANSWERED_BEFORE_OFFER) {
    return { kind: 'answer_then_offer', request: escalation('unanswered', [...memory.openQuestions, maskContactDetails(text)]) };
  }
  return { kind: 'answer' };
}
