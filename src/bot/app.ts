import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage } from 'botbuilder';
import { langFromLocale, MESSAGES, type Answerer } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import { activityIds, replyActivity, traceActivity } from './activities.js';
import { createMessageHandler, type BotState, type ConversationDeps } from './conversation.js';

export interface BotDeps extends ConversationDeps {
  adapter: TeamsAdapter;
  storage: Storage;
  answerer: Answerer;
  logger: Logger;
}

/**
 * The teams-ai Application with every route in the order it takes effect: welcome on join, then messages. Each
 * handler reads the activity and hands it to the conversation logic; state is saved after the handler.
 */
export function createBotApp(deps: BotDeps): Application<BotState> {
  const { adapter, storage, answerer, logger } = deps;
  const app = new Application<BotState>({ adapter, storage, startTypingTimer: false, removeRecipientMention: true, longRunningMessages: false });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    if (!joined.length) return;
    const reply = answerer.welcome(langFromLocale(context.activity.locale) ?? 'nl');
    await context.sendActivities([replyActivity(reply), traceActivity([reply])]);
    logger.info({ ...activityIds(context), event: 'welcome' }, 'welcome sent');
  });

  app.activity(ActivityTypes.Message, createMessageHandler(deps));

  app.error(async (context, error) => {
    logger.error({ ...activityIds(context), err: { type: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    const lang = langFromLocale(context.activity.locale) ?? 'nl';
    await context.sendActivity(MESSAGES[lang].error).catch((sendError: unknown) => {
      logger.error({ ...activityIds(context), err: String(sendError) }, 'could not send the error message');
    });
  });

  return app;
}
