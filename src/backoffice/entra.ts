import * as oidc from 'openid-client';
import { z } from 'zod/v4';

export interface EntraSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Only members of this Entra ID group may sign in (from the ID token's `groups` claim), when set. */
  groupId?: string;
  /** The issuer; default Microsoft's for the tenant. Another value is for tests against a local provider. */
  authority?: string;
}

/** What the browser keeps between leaving for Microsoft and coming back: checked on return. */
export const pendingSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() });
export type PendingSignIn = z.infer<typeof pendingSchema>;

export type SignInResult = { ok: true; name: string; id: string } | { ok: false; reason: 'refused' | 'not_in_group' | 'unavailable' };

export interface EntraSignIn {
  start(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }>;
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignInResult>;
}

const claimsSchema = z.object({ name: z.string().optional(), preferred_username: z.string().optional(), oid: z.string().optional(), sub: z.string(), groups: z.array(z.string()).optional() });

/**
 * Sign-in with Microsoft Entra ID (OpenID Connect, authorization code flow with PKCE) through openid-client, which
 * checks the ID token's signature, issuer, audience, expiry and nonce.
 */
export function createEntraSignIn(settings: EntraSettings): EntraSignIn {
  const issuer = new URL(settings.authority ?? `https://login.microsoftonline.com/${settings.tenantId}/v2.0`);
  let configuration: Promise<oidc.Configuration> | undefined;
  const config = () => {
    configuration ??= oidc
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    async start(redirectUri) {
      const verifier = oidc.randomPKCECodeVerifier();
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier };
      const url = oidc.buildAuthorizationUrl(await config(), {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },

    async finish(callbackUrl, pending) {
      let claims: z.infer<typeof claimsSchema>;
      try {
        const tokens = await oidc.authorizationCodeGrant(await config(), callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = claimsSchema.parse(tokens.claims());
      } catch (error) {
        return { ok: false, reason: error instanceof oidc.ClientError || error instanceof z.ZodError ? 'refused' : 'unavailable' };
      }
      if (settings.groupId && !(claims.groups ?? []).includes(settings.groupId)) return { ok: false, reason: 'not_in_group' };
      return { ok: true, name: claims.name ?? claims.preferred_username ?? 'medewerker', id: claims.oid ?? claims.sub };
    },
  };
}
