import { z } from 'zod/v4';

export interface GroupCheckSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  groupId: string;
  /** Microsoft's sign-in and Graph addresses; others for tests against local fakes. */
  loginUrl?: string;
  graphUrl?: string;
}

/** Whether a person (Entra object id) is in the staff group; answers are kept a few minutes. */
export type GroupCheck = (aadObjectId: string) => Promise<boolean>;

const CACHE_MS = 5 * 60 * 1000;
const tokenSchema = z.object({ access_token: z.string(), expires_in: z.coerce.number() });
const membershipSchema = z.object({ value: z.array(z.string()) });

/**
 * Asks Microsoft Graph (`checkMemberGroups`, with the bot's own app registration and the client-credentials grant;
 * the app needs the GroupMember.Read.All application permission) whether someone is in the staff group. When Graph
 * cannot be asked, the answer is no: staff features stay closed rather than open.
 */
export function createGroupCheck(settings: GroupCheckSettings): GroupCheck {
  const login = settings.loginUrl ?? 'https://login.microsoftonline.com';
  const graph = settings.graphUrl ?? 'https://graph.microsoft.com';
  let token: { value: string; until: number } | undefined;
  const answers = new Map<string, { member: boolean; until: number }>();

  const accessToken = async () => {
    if (token && token.until > Date.now()) return token.value;
    const response = await fetch(`${login}/${settings.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: settings.clientId, client_secret: settings.clientSecret, scope: `${graph}/.default` }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`token endpoint answered HTTP ${response.status}`);
    const body = tokenSchema.parse(await response.json());
    token = { value: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
    return token.value;
  };

  return async (aadObjectId) => {
    const known = answers.get(aadObjectId);
    if (known && known.until > Date.now()) return known.member;
    try {
      const response = await fetch(`${graph}/v1.0/users/${encodeURIComponent(aadObjectId)}/checkMemberGroups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await accessToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ groupIds: [settings.groupId] }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`Graph answered HTTP ${response.status}`);
      const member = membershipSchema.parse(await response.json()).value.includes(settings.groupId);
      answers.set(aadObjectId, { member, until: Date.now() + CACHE_MS });
      return member;
    } catch {
      return false;
    }
  };
}
