import type { TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod/v4';
import {
  dataDeleted,
  isDeleteRequest,
  isStop,
  memorySchema,
  rememberTurn,
  triage,
  type Flow,
  type HandoffRequest,
  type HandoffState,
  type Memory,
  type QualifyOptions,
  type QualifyState,
} from '../dialogs/index.js';
import { langFromLocale, type Answerer, type Knowledge } from '../knowledge/index.js';
import type { Generative } from '../generative/index.js';
import type { Logger } from '../log.js';
import type { Person, TicketStore } from '../tickets/index.js';
import { activityIds, replyActivity, traceActivity } from './activities.js';
import { FlowDialog, ObjectProperty, startTurn, type Turn } from './flow-dialog.js';
import { RecentActivities } from './recent-activities.js';

/** Conversation state is a plain object: the bot parses what it reads from it. */
export type BotState = TurnState<Record<string, unknown>>;

export interface ConversationDeps {
  answerer: Answerer;
  knowledge: Knowledge;
  tickets: TicketStore;
  qualify: Flow<QualifyState, QualifyOptions, HandoffRequest>;
  handoff: Flow<HandoffState, HandoffRequest>;
  /** Before a person's tickets are deleted on request: take their data off the copies (Teams cards). */
  beforeForget?: (person: Person) => Promise<void>;
  /** A language model that words the answers, when one is configured. */
  generative?: Generative;
  logger: Logger;
}

/** Dialog state with a dialog on its stack. */
const runningDialogSchema = z.object({ dialogStack: z.array(z.unknown()).min(1) });

/** What the message handler may do with the dialog that is running. */
interface RunningDialog {
  stop(dc: DialogContext): Promise<void>;
  onHumanRequest(dc: DialogContext): Promise<DialogTurnResult>;
}

/**
 * The message route: duplicates are dropped; "verwijder mijn gegevens" and "stop" work everywhere; a request for a
 * person interrupts a dialog; a running dialog gets the message; otherwise triage decides between the answer, the
 * qualification and the warm handoff. Dialog state lives in conversation state, so in the database.
 */
export function createMessageHandler(deps: ConversationDeps) {
  const { answerer, knowledge, tickets, logger } = deps;
  const qualify = new FlowDialog('qualify', deps.qualify, 'handoff');
  const handoff = new FlowDialog('handoff', deps.handoff);
  const running = new Map<string, RunningDialog>([
    ['qualify', qualify],
    ['handoff', handoff],
  ]);
  const recent = new RecentActivities();

  /** No dialog runs (or it let the message go): answer, or start the dialog the message needs. */
  async function respond(dc: DialogContext, turn: Turn, memory: Memory): Promise<void> {
    const next = triage(turn.answer, turn.input.text, memory, knowledge);
    if (next.kind === 'answer' || next.kind === 'answer_then_offer') turn.replies.push(turn.answer);
    if (next.kind === 'qualify') await dc.beginDialog('qualify', next.options);
    if (next.kind === 'handoff' || next.kind === 'answer_then_offer') await dc.beginDialog('handoff', next.request);
  }

  /** Runs the turn through the dialogs; returns the dialog involved, if any. */
  async function converse(context: TurnContext, state: BotState, turn: Turn, memory: Memory): Promise<string | undefined> {
    const dc = await new DialogSet(new ObjectProperty<DialogState>(state.conversation, 'dialogs')).add(qualify).add(handoff).createContext(context);
    const activeId = dc.activeDialog?.id;
    const active = activeId ? running.get(activeId) : undefined;
    if (active && isStop(turn.input.text)) {
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

  async function forget(context: TurnContext, state: BotState, turn: Turn): Promise<void> {
    const { conversationKey, userKey, lang } = turn.input;
    await deps.beforeForget?.({ conversationKey, userKey });
    const deleted = await tickets.deleteFor({ conversationKey, userKey });
    state.deleteConversationState();
    state.deleteUserState();
    turn.replies.push(dataDeleted(lang, deleted));
    logger.info({ ...activityIds(context), event: 'data_deleted', tickets: deleted }, 'personal data deleted on request');
  }

  return async function onMessage(context: TurnContext, state: BotState): Promise<void> {
    const started = performance.now();
    const a = context.activity;
    const conversationKey = `${a.channelId}:${a.conversation?.id ?? ''}`;
    const activityKey = `${conversationKey}:${a.id ?? ''}`;
    const memory = memorySchema.parse(state.conversation ?? {});
    // Checked and marked before the first await, so a copy arriving while this one runs is caught too.
    if (a.id && (!recent.claim(activityKey) || memory.seen.includes(a.id))) {
      logger.info({ ...activityIds(context), event: 'duplicate' }, 'activity delivered again: ignored');
      return;
    }
    const text = typeof a.text === 'string' ? a.text : '';
    // In a dialog, a question is read on its own: "wat gebeurt er met mijn gegevens?" is not about the last topic.
    const inDialog = runningDialogSchema.safeParse(state.conversation.dialogs).success;
    const answer = answerer.answer({
      text,
      fallbackLang: langFromLocale(a.locale) ?? 'nl',
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
        dialog = await converse(context, state, turn, memory);
        const outcome = { answer, answered: turn.replies.includes(answer), text, lang: answer.lang, handedOff: dialog === 'handoff', ...(a.id ? { activityId: a.id } : {}) };
        Object.assign(state.conversation, rememberTurn(memory, outcome));
      }
      // Decided offline; a configured model may then put the answer in its own words, from the same facts.
      const { generative } = deps;
      if (generative) turn.replies = await Promise.all(turn.replies.map((r) => (r === answer ? generative.answer(answer, text) : r)));
      // The replies in order, then the decision record (delivered on the Emulator channel only).
      if (turn.replies.length) await context.sendActivities([...turn.replies.map(replyActivity), traceActivity(turn.replies, dialog)]);
    } catch (error) {
      // Nothing of this turn was kept: when the channel delivers the message again, it is handled again.
      recent.release(activityKey);
      throw error;
    }
    const last = turn.replies.at(-1);
    logger.info({ ...activityIds(context), intent: last?.intent, dialog, topics: last?.topicIds, replies: turn.replies.length, ms: Math.round(performance.now() - started) }, 'turn handled');
  };
}
