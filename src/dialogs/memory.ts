import { z } from 'zod/v4';
import type { Reply } from '../knowledge/index.js';
import { maskContactDetails } from './contact-details.js';

/**
 * What the bot remembers of a conversation between turns, outside any dialog: its language, the last topic, and
 * what it needs to pass an open question on. No names or contact details. Stored state is parsed, never trusted.
 */
export const memorySchema = z.object({
  lang: z.enum(['nl', 'en']).optional().catch(undefined),
  lastTopicId: z.string().optional().catch(undefined),
  /** Questions in a row the bot could not answer, and those questions (contact details masked), to pass on. */
  unanswered: z.number().int().min(0).catch(0).default(0),
  openQuestions: z.array(z.string()).catch([]).default([]),
  /** What each turn was about (never the words), for the summary a person may consent to send. */
  notes: z.array(z.object({ intent: z.string(), topicId: z.string().optional() })).catch([]).default([]),
  /** Ids of the last activities handled: a channel may deliver one again. */
  seen: z.array(z.string()).catch([]).default([]),
});
export type Memory = z.infer<typeof memorySchema>;

const KEEP_OPEN_QUESTIONS = 2;
const KEEP_NOTES = 8;
const KEEP_SEEN = 20;
const ANSWERED: ReadonlySet<string> = new Set(['answer', 'advice', 'document', 'route_help']);

export interface TurnOutcome {
  /** The answerer's reply to the message, and whether it was given (not replaced by a dialog). */
  answer: Reply;
  answered: boolean;
  text: string;
  lang: Reply['lang'];
  /** A handoff dialog ran this turn: its question has been taken care of. */
  handedOff: boolean;
  activityId?: string;
}

/** The memory after a turn. */
export function rememberTurn(memory: Memory, turn: TurnOutcome): Memory {
  const { answer } = turn;
  const next: Memory = { ...memory, lang: turn.lang, seen: turn.activityId ? [...memory.seen, turn.activityId].slice(-KEEP_SEEN) : memory.seen };
  if (turn.answered || answer.intent === 'route_help') {
    if (answer.topicIds[0]) next.lastTopicId = answer.topicIds[0];
    next.notes = [...memory.notes, { intent: answer.intent, ...(answer.topicIds[0] ? { topicId: answer.topicIds[0] } : {}) }].slice(-KEEP_NOTES);
    if (answer.intent === 'unknown') {
      next.unanswered = memory.unanswered + 1;
      next.openQuestions = [...memory.openQuestions, maskContactDetails(turn.text)].slice(-KEEP_OPEN_QUESTIONS);
    } else if (ANSWERED.has(answer.intent)) {
      next.unanswered = 0;
      next.openQuestions = [];
    }
  }
  return turn.handedOff ? { ...next, unanswered: 0, openQuestions: [] } : next;
}
