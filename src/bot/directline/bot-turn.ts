import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials } from 'botframework-connector';
import type { BotTurn } from '../../directline/index.js';

/** Replies of a Direct Line turn are kept by the Direct Line itself, so no connector is ever called. */
class NoConnectorFactory extends ConnectorFactory {
  override async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
  }
}

export interface BotTurnDeps {
  adapter: CloudAdapter;
  app: { run(context: TurnContext): Promise<boolean> };
  /** The bot's app id ('' in local mode). */
  appId: string;
}

/**
 * Runs a Direct Line activity through the same adapter and application as /api/messages, in this process: the Direct
 * Line is a channel of the bot's own, so the activity needs no Bot Framework token. What the bot sends is handed to
 * the Direct Line instead of a connector; traces stay behind, as on every channel but the Emulator.
 */
export function createBotTurn({ adapter, app, appId }: BotTurnDeps): BotTurn {
  const claimsIdentity = new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
  const auth = { audience: AuthenticationConstants.ToChannelFromBotOAuthScope, claimsIdentity, connectorFactory: new NoConnectorFactory() };

  return async (activity, send) => {
    // The Direct Line built this activity itself; botbuilder's type has every field an activity may have as required.
    const inbound = activity as unknown as Activity;
    await adapter.processActivityDirect(auth, inbound, async (context) => {
      context.onSendActivities(async (_context, activities) => {
        const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
        const ids = await send(kept.map((a) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>));
        let next = 0;
        return activities.map((a) => ({ id: a.type === ActivityTypes.Trace ? '' : (ids[next++] ?? '') }));
      });
      await app.run(context);
    });
  };
}
