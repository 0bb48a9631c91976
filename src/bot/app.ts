import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { langFromLocale, MESSAGES, type Answerer, type Lang, type Reply } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import { replyActivity, TURN_TRACE_NAME, turnTrace } from './activities.js';

export interface BotDeps {
  adapter: TeamsAdapter;
  storage: Storage;
  answerer: Answerer;
  logger: Logger;
}

/** What the bot remembers of a conversation between turns. Stored state is parsed, never trusted. */
const memorySchema = z.object({
  lang: z.enum(['nl', 'en']).optional().catch(undefined),
  lastTopicId: z.string().optional().catch(undefined),
});
type Memory = z.infer<typeof memorySchema>;
type State = TurnState<Memory>;

function ids(context: TurnContext) {
  const a = context.activity;
  return { activityId: a.id, conversationId: a.conversation?.id, channelId: a.channelId };
}

/** The reply, and the decision record next to it (both at once: the record is not for the person chatting). */
async function send(context: TurnContext, reply: Reply): Promise<void> {
  await Promise.all([
    context.sendActivity(replyActivity(reply)),
    context.sendTraceActivity(TURN_TRACE_NAME, turnTrace(reply), 'https://utrechtleert.nl/schemas/onderwijsloket-turn', 'Decision record of this turn'),
  ]);
}

/**
 * The teams-ai Application with every route in the order it takes effect: welcome on join, then questions.
 * Each handler reads the activity, asks the answerer and replies; the logic lives in src/knowledge.
 */
export function createBotApp({ adapter, storage, answerer, logger }: BotDeps): Application<State> {
  const app = new Application<State>({ adapter, storage, startTypingTimer: false, removeRecipientMention: true, longRunningMessages: false });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    if (!joined.length) return;
    const reply = answerer.welcome(langFromLocale(context.activity.locale) ?? 'nl');
    await send(context, reply);
    logger.info({ ...ids(context), event: 'welcome' }, 'welcome sent');
  });

  app.activity(ActivityTypes.Message, async (context, state) => {
    const started = performance.now();
    const memory = memorySchema.parse(state.conversation ?? {});
    const text = typeof context.activity.text === 'string' ? context.activity.text : '';
    const fallbackLang: Lang = memory.lang ?? langFromLocale(context.activity.locale) ?? 'nl';
    const reply = answerer.answer({ text, fallbackLang, ...(memory.lastTopicId ? { lastTopicId: memory.lastTopicId } : {}) });
    state.conversation.lang = reply.lang;
    if (reply.topicIds[0]) state.conversation.lastTopicId = reply.topicIds[0];
    await send(context, reply);
    logger.info(
      { ...ids(context), intent: reply.intent, topics: reply.topicIds, sources: reply.citations.length, confidence: reply.confidence, ms: Math.round(performance.now() - started) },
      'turn answered',
    );
  });

  app.error(async (context, error) => {
    logger.error({ ...ids(context), err: { type: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    const lang = langFromLocale(context.activity.locale) ?? 'nl';
    await context.sendActivity(MESSAGES[lang].error).catch((sendError: unknown) => {
      logger.error({ ...ids(context), err: String(sendError) }, 'could not send the error message');
    });
  });

  return app;
}
