import type { TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { z } from 'zod/v4';
import {
  HANDOFF_MESSAGES,
  isClear,
  isDeleteRequest,
  isStop,
  maskContactDetails,
  readProfile,
  recommend,
  RULES,
  say,
  summarize,
  type Flow,
  type HandoffRequest,
  type HandoffState,
  type Profile,
  type QualifyState,
  type TurnNote,
} from '../dialogs/index.js';
import { langFromLocale, MESSAGES, type Answerer, type Knowledge, type Lang, type Reply } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import type { TicketStore } from '../tickets/index.js';
import { replyActivity, traceActivity } from './activities.js';
import { FlowDialog, ObjectProperty, startTurn, type Turn } from './flow-dialog.js';
import { RecentActivities } from './recent-activities.js';

/** Conversation state is a plain object: the bot parses what it reads from it. */
export type BotState = TurnState<Record<string, unknown>>;

export interface ConversationDeps {
  answerer: Answerer;
  knowledge: Knowledge;
  tickets: TicketStore;
  qualify: Flow<QualifyState, { profile: ReturnType<typeof readProfile> }, HandoffRequest>;
  handoff: Flow<HandoffState, HandoffRequest>;
  logger: Logger;
}

/** What the bot remembers of a conversation between turns: no names or contact details. Parsed, never trusted. */
const memorySchema = z.object({
  lang: z.enum(['nl', 'en']).optional().catch(undefined),
  lastTopicId: z.string().optional().catch(undefined),
  /** Questions in a row the bot could not answer, and those questions (contact details masked), to pass on. */
  unanswered: z.number().int().min(0).catch(0).default(0),
  openQuestions: z.array(z.string()).catch([]).default([]),
  /** What each turn was about, for the summary a person may consent to send. */
  notes: z.array(z.object({ intent: z.string(), topicId: z.string().optional() })).catch([]).default([]),
  /** Ids of the last activities handled: a channel may deliver one again. */
  seen: z.array(z.string()).catch([]).default([]),
});
type Memory = z.infer<typeof memorySchema>;

const UNANSWERED_BEFORE_OFFER = 2;
const KEEP_OPEN_QUESTIONS = 2;
const KEEP_NOTES = 8;
const KEEP_SEEN = 20;
const ANSWERED: ReadonlySet<string> = new Set(['answer', 'advice', 'document', 'route_help']);

function ids(context: TurnContext) {
  const a = context.activity;
  return { activityId: a.id, conversationId: a.conversation?.id, channelId: a.channelId };
}

/**
 * The message route: duplicates are dropped; "verwijder mijn gegevens" and "stop" work everywhere; a request for a
 * person interrupts a dialog; an active dialog gets the message; otherwise the answerer's reading decides between
 * an answer, the qualification and the warm handoff.
 */
export function createMessageHandler(deps: ConversationDeps) {
  const { answerer, knowledge, tickets, logger } = deps;
  const qualify = new FlowDialog('qualify', deps.qualify, 'handoff');
  const handoff = new FlowDialog('handoff', deps.handoff);
  const flows: Record<string, FlowDialog<unknown, object, object>> = { qualify, handoff } as never;
  const recent = new RecentActivities();

  /**
   * Someone asking what fits them gets the qualification when its rules have something to say: when what they
   * told points clearly to a route, when the rules agree with the knowledge's own advice, or when that advice
   * names no route at all. A question about a route they named is answered from the knowledge instead.
   */
  const startsQualification = (answer: Reply, profile: Profile) => {
    if (answer.intent === 'route_help') return true;
    const recs = answer.wantsAdvice ? recommend(profile) : [];
    if (!recs.length) return false;
    if (answer.intent === 'advice') return isClear(profile) || !answer.routeIds.length || recs.some((r) => answer.routeIds.includes(r.routeId));
    return answer.intent === 'answer' && isClear(profile) && !((answer.topicIds[0] ?? '') in RULES);
  };

  const escalation = (reason: HandoffRequest['reason'], memory: Memory, turn: Turn, extra: Partial<HandoffRequest> = {}): HandoffRequest => {
    const question = memory.openQuestions.join('\n');
    const summary = summarize(memory.notes, knowledge);
    return { kind: 'escalation', reason, ...(question ? { question } : {}), ...(summary ? { summary } : {}), ...extra };
  };

  /** No dialog is running (or it let the message go): what does the message need? */
  async function respond(dc: DialogContext, turn: Turn, memory: Memory): Promise<void> {
    const { answer, input } = turn;
    if (answer.intent === 'handoff') {
      // "Kunt u mij doorverbinden met de projectleider zij-instroom?": the message itself is the question.
      const asked = input.text.trim().split(/\s+/).length > 4 ? { question: maskContactDetails(input.text.trim()) } : {};
      await dc.beginDialog('handoff', escalation('asked', memory, turn, { ...(answer.topicIds[0] ? { routeId: answer.topicIds[0] } : {}), ...asked }));
    } else if (answer.intent === 'unhappy') {
      await dc.beginDialog('handoff', escalation('unhappy', memory, turn));
    } else if (startsQualification(answer, readProfile(input.text))) {
      await dc.beginDialog('qualify', { profile: readProfile(input.text) });
    } else {
      turn.replies.push(answer);
      if (answer.intent === 'unknown' && memory.unanswered + 1 >= UNANSWERED_BEFORE_OFFER) {
        await dc.beginDialog('handoff', escalation('unanswered', { ...memory, openQuestions: [...memory.openQuestions, maskContactDetails(input.text)] }, turn));
      }
    }
  }

  /** Updates what is remembered, from what this turn did. */
  function remember(state: BotState, memory: Memory, turn: Turn, handedOff: boolean, activityId?: string): void {
    const { answer } = turn;
    const answered = turn.replies.includes(answer);
    const next: Memory = { ...memory, lang: turn.input.lang, seen: activityId ? [...memory.seen, activityId].slice(-KEEP_SEEN) : memory.seen };
    if (answered || answer.intent === 'route_help') {
      if (answer.topicIds[0]) next.lastTopicId = answer.topicIds[0];
      next.notes = [...memory.notes, { intent: answer.intent, ...(answer.topicIds[0] ? { topicId: answer.topicIds[0] } : {}) } satisfies TurnNote].slice(-KEEP_NOTES);
      if (answer.intent === 'unknown') {
        next.unanswered = memory.unanswered + 1;
        next.openQuestions = [...memory.openQuestions, maskContactDetails(turn.input.text)].slice(-KEEP_OPEN_QUESTIONS);
      } else if (ANSWERED.has(answer.intent)) {
        next.unanswered = 0;
        next.openQuestions = [];
      }
    }
    if (handedOff) {
      next.unanswered = 0;
      next.openQuestions = [];
    }
    Object.assign(state.conversation, next);
  }

  async function forget(context: TurnContext, state: BotState, turn: Turn): Promise<void> {
    const { conversationKey, userKey, lang } = turn.input;
    const deleted = await tickets.deleteFor({ conversationKey, userKey });
    state.deleteConversationState();
    state.deleteUserState();
    turn.replies.push(say(lang, 'forgotten', HANDOFF_MESSAGES[lang].deleted(deleted), { suggestions: [MESSAGES[lang].whichRoute] }));
    logger.info({ ...ids(context), event: 'data_deleted', tickets: deleted }, 'personal data deleted on request');
  }

  async function handle(context: TurnContext, state: BotState, turn: Turn, memory: Memory): Promise<string | undefined> {
    const dialogs = new DialogSet(new ObjectProperty<DialogState>(state.conversation, 'dialogs')).add(qualify).add(handoff);
    const dc = await dialogs.createContext(context);
    const activeId = dc.activeDialog?.id;
    const active = activeId ? flows[activeId] : undefined;
    const { text } = turn.input;
    if (active && isStop(text)) {
      await active.stop(dc);
    } else if (active && (turn.answer.intent === 'handoff' || turn.answer.intent === 'unhappy')) {
      await active.onHumanRequest(dc);
    } else {
      const result = active ? await dc.continueDialog() : undefined;
      const passedOn = !active || (result?.status === DialogTurnStatus.complete && (result.result as { passOn?: boolean } | undefined)?.passOn === true);
      if (passedOn) await respond(dc, turn, memory);
    }
    return dc.activeDialog?.id ?? activeId;
  }

  return async function onMessage(context: TurnContext, state: BotState): Promise<void> {
    const started = performance.now();
    const a = context.activity;
    const conversationKey = `${a.channelId}:${a.conversation?.id ?? ''}`;
    const activityKey = `${conversationKey}:${a.id ?? ''}`;
    const memory = memorySchema.parse(state.conversation ?? {});
    // Checked and marked before the first await, so a copy arriving while this one runs is caught too.
    if (a.id && (!recent.claim(activityKey) || memory.seen.includes(a.id))) {
      logger.info({ ...ids(context), event: 'duplicate' }, 'activity delivered again: ignored');
      return;
    }
    const text = typeof a.text === 'string' ? a.text : '';
    const fallbackLang: Lang = langFromLocale(a.locale) ?? 'nl';
    // In a dialog, a question is read on its own: "wat gebeurt er met mijn gegevens?" is not about the last topic.
    const inDialog = ((state.conversation.dialogs as DialogState | undefined)?.dialogStack?.length ?? 0) > 0;
    const answer = answerer.answer({
      text,
      fallbackLang,
      ...(memory.lang ? { conversationLang: memory.lang } : {}),
      ...(memory.lastTopicId && !inDialog ? { lastTopicId: memory.lastTopicId } : {}),
    });
    const input = { text, lang: answer.lang, activityKey, conversationKey, userKey: `${a.channelId}:${a.from?.id ?? ''}` };
    const turn = startTurn(context, { input, answer, replies: [] });
    let dialog: string | undefined;
    try {
      if (isDeleteRequest(text)) {
        await forget(context, state, turn);
      } else {
        dialog = await handle(context, state, turn, memory);
        remember(state, memory, turn, dialog === 'handoff', a.id);
      }
      // The replies in order; the decision record next to them, as it is not for the person chatting.
      if (turn.replies.length) await Promise.all([context.sendActivities(turn.replies.map(replyActivity)), context.sendActivity(traceActivity(turn.replies, dialog))]);
    } catch (error) {
      // Nothing of this turn was kept: when the channel delivers the message again, it is handled again.
      recent.release(activityKey);
      throw error;
    }
    const last = turn.replies.at(-1);
    logger.info({ ...ids(context), intent: last?.intent, dialog, topics: last?.topicIds, replies: turn.replies.length, ms: Math.round(performance.now() - started) }, 'turn handled');
  };
}
