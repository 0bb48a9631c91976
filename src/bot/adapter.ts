import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotCredentials } from '../config.js';
import { keepEntityProperties } from './entity-serialization.js';

/**
 * The Bot Framework adapter (teams-ai's TeamsAdapter is botbuilder's CloudAdapter with Teams defaults).
 * Without credentials it runs as botbuilder does locally: requests are not authenticated. With them, every
 * request to /api/messages must carry a valid Bot Framework token.
 */
export function createAdapter(credentials: BotCredentials | undefined): TeamsAdapter {
  keepEntityProperties();
  if (!credentials) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  });
}
