import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';

export interface AzureDirectLineSettings {
  /** e.g. https://europe.directline.botframework.com/v3/directline */
  url: string;
  secret: string;
}

/** What the page needs to open a conversation: a token, and the Direct Line that accepts it. */
export interface PageGrant {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  domain: string;
}

const generated = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive() });

/**
 * A token for a new conversation from Azure Direct Line, as a website's server gets it: the secret stays on this
 * server. The user id is made here, so that a token never speaks for another user.
 */
export async function azureDirectLineGrant({ url, secret }: AzureDirectLineSettings, timeoutMs = 10_000): Promise<PageGrant> {
  const userId = `dl_${randomBytes(12).toString('base64url')}`;
  const response = await fetch(`${url}/tokens/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`Azure Direct Line answered ${response.status} to tokens/generate`);
  const grant = generated.parse(await response.json());
  return { token: grant.token, conversationId: grant.conversationId, userId, expiresIn: grant.expires_in, domain: url };
}
