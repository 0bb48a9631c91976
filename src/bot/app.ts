import { AdaptiveCardActionExecuteResponseType, Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage } from 'botbuilder';
import { langFromLocale, MESSAGES, type Answerer } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import { activityIds, replyActivity, traceActivity } from './activities.js';
import { createMessageHandler, type BotState, type ConversationDeps } from './conversation.js';
import { registerTeamsRoutes, type TeamsRoutesDeps } from './teams/routes.js';

export interface BotDeps extends ConversationDeps {
  adapter: TeamsAdapter;
  storage: Storage;
  answerer: Answerer;
  logger: Logger;
  teams: TeamsRoutesDeps;
}

/**
 * The teams-ai Application with every route in the order it takes effect (invokes first, then the first route that
 * matches): staff in Teams (card actions, channel linking, ticket commands), welcome on join, then every other
 * message. Each handler reads the activity and hands it to its logic; state is saved after the handler.
 */
export function createBotApp(deps: BotDeps): Application<BotState> {
  const { adapter, storage, answerer, logger } = deps;
  const app = new Application<BotState>({
    adapter,
    storage,
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
    // A ticket card changed by one staff member changes for everyone in the channel.
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });

  registerTeamsRoutes(app, deps.teams);

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
