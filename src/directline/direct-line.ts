import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import type { RateLimit } from '../rate-limit.js';
import { clientActivityProblems, clientActivitySchema } from './client-activity.js';
import type { DirectLineTokens, TokenClaims } from './tokens.js';
import { createTurnQueue } from './turn-queue.js';
import type { ActivitySet, DirectLineConversation, NewActivity, StoredActivity, TranscriptStore } from './transcript-store.js';

/** The bot on the other end: runs one turn; whatever the bot sends goes to `send`, which returns the ids given. */
export type BotTurn = (activity: Record<string, unknown>, send: (activities: readonly Record<string, unknown>[]) => Promise<string[]>) => Promise<void>;

/** A Direct Line answer: an HTTP status and a JSON body. */
export interface Result {
  status: number;
  body: unknown;
  /** When refused for too many requests: the seconds to wait (the Retry-After header). */
  retryAfterSeconds?: number;
}

export interface DirectLineDeps {
  store: TranscriptStore;
  tokens: DirectLineTokens;
  bot: BotTurn;
  botAccount: { id: string; name: string };
  /** Where this Direct Line is reached, for the activities' serviceUrl. */
  serviceUrl: () => string;
  /** How many messages one conversation may post (keyed by conversation id); a flood gets 429. */
  messageLimit: RateLimit;
}

/** What a client needs to talk in a conversation; `streamUrl` when it can use a WebSocket. */
interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export interface DirectLine {
  generateToken(authorization: string | undefined, body: unknown): Promise<Result>;
  refreshToken(authorization: string | undefined): Promise<Result>;
  startConversation(authorization: string | undefined, body: unknown, streamUrl: StreamUrl): Promise<Result>;
  reconnect(authorization: string | undefined, conversationId: string, watermark: string | undefined, streamUrl: StreamUrl): Promise<Result>;
  postActivity(authorization: string | undefined, conversationId: string, body: unknown): Promise<Result>;
  activities(authorization: string | undefined, conversationId: string, watermark: string | undefined): Promise<Result>;
  /** A WebSocket stream may open for this conversation with this token (from the stream URL). */
  openStream(token: string | undefined, conversationId: string): Promise<{ ok: true } | { ok: false; status: number }>;
  since(conversationId: string, watermark: number): Promise<ActivitySet>;
  /** Called with the conversation's id whenever something was appended to it; returns the unsubscribe. */
  subscribe(conversationId: string, listener: () => void): () => void;
  /** A new conversation for the website's own page, and its token: what the page's server would get with the secret. */
  conversationForPage(locale: string | undefined): Promise<{ conversationId: string; token: string; userId: string; expiresIn: number }>;
}

export type StreamUrl = (conversationId: string, token: string, watermark?: string) => string;

const error = (status: number, code: string, message: string): Result => ({ status, body: { error: { code, message } } });
const UNAUTHORIZED = error(401, 'Unauthorized', 'Give a Direct Line token or secret as "Authorization: Bearer ...".');
const FORBIDDEN = error(403, 'TokenExpired', 'The token has expired or is not valid here. Get a new one.');
const NOT_FOUND = error(404, 'BadArgument', 'There is no such conversation.');
/** More than a person types: a conversation posting faster is a script, and waits. */
export const MESSAGES_PER_MINUTE = 30;
const TOO_MANY = error(429, 'TooManyRequests', 'Too many messages in a short time. Wait a moment and send again.');

const refusal = (check: { reason: 'missing' | 'invalid' | 'expired' }) => (check.reason === 'missing' ? UNAUTHORIZED : FORBIDDEN);

const startBody = z.object({ user: z.object({ id: z.string().regex(/^[\w.:@-]{1,64}$/, 'use 1 to 64 letters, digits or ._:@-').optional() }).optional(), locale: z.string().max(20).optional() }).loose();

const newUserId = () => `dl_${randomBytes(12).toString('base64url')}`;
export const watermarkOf = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : 0);

/**
 * A Direct Line 3.0 subset served by the bot itself, so the website needs no Azure: tokens, conversations, posting
 * and reading activities (polling, or a WebSocket stream through `subscribe`). A token opens one conversation only.
 * Turns of one conversation run one after another, in the order they were posted.
 */
export function createDirectLine({ store, tokens, bot, botAccount, serviceUrl, messageLimit }: DirectLineDeps): DirectLine {
  const listeners = new Map<string, Set<() => void>>();
  const serially = createTurnQueue();

  const notify = (conversationId: string) => {
    for (const listener of listeners.get(conversationId) ?? []) listener();
  };

  const append = async (conversationId: string, activities: readonly NewActivity[]): Promise<StoredActivity[]> => {
    const stored = await store.append(conversationId, activities);
    notify(conversationId);
    return stored;
  };

  /** The conversation the credential may use, or why not. */
  const access = async (authorization: string | undefined, conversationId: string): Promise<{ conversation: DirectLineConversation } | { refused: Result }> => {
    const check = await tokens.check(authorization);
    if (!check.ok) return { refused: refusal(check) };
    if (check.credential.kind === 'token' && check.credential.conversationId !== conversationId) return { refused: FORBIDDEN };
    const conversation = await store.get(conversationId);
    return conversation ? { conversation } : { refused: NOT_FOUND };
  };

  const grant = async (conversation: DirectLineConversation, streamUrl?: StreamUrl, watermark?: string): Promise<ConversationGrant> => {
    const claims: TokenClaims = { conversationId: conversation.id, userId: conversation.userId };
    const { token, expiresIn } = await tokens.issue(claims);
    return { conversationId: conversation.id, token, expires_in: expiresIn, ...(streamUrl ? { streamUrl: streamUrl(conversation.id, token, watermark) } : {}) };
  };

  const addressed = (conversation: DirectLineConversation) => ({
    channelId: 'directline',
    serviceUrl: serviceUrl(),
    conversation: { id: conversation.id },
    from: { id: conversation.userId, role: 'user' },
    recipient: { id: botAccount.id, name: botAccount.name, role: 'bot' },
  });

  /** What the bot sends during a turn is appended as it is sent. */
  const turn = (conversation: DirectLineConversation, activity: Record<string, unknown>) =>
    bot(activity, async (outgoing) => {
      const from = { id: botAccount.id, name: botAccount.name, role: 'bot' };
      const stored = await append(conversation.id, outgoing.map((a) => ({ ...a, from })));
      return stored.map((s) => s.id);
    });

  /** A conversation made with the secret, for the user the body names (or a new one). */
  const create = async (body: unknown): Promise<DirectLineConversation | Result> => {
    const parsed = startBody.safeParse(body ?? {});
    if (!parsed.success) return error(400, 'BadArgument', clientActivityProblems(parsed.error));
    return store.create(parsed.data.user?.id ?? newUserId(), parsed.data.locale);
  };

  const start = async (conversation: DirectLineConversation) => {
    if (!(await store.markStarted(conversation.id))) return false;
    await turn(conversation, {
      ...addressed(conversation),
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      timestamp: new Date().toISOString(),
      membersAdded: [{ id: botAccount.id, name: botAccount.name }, { id: conversation.userId }],
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    });
    return true;
  };

  return {
    async generateToken(authorization, body) {
      const check = await tokens.check(authorization);
      if (!check.ok) return refusal(check);
      if (check.credential.kind !== 'secret') return error(403, 'Forbidden', 'Only the Direct Line secret can generate tokens.');
      const conversation = await create(body);
      return 'status' in conversation ? conversation : { status: 200, body: await grant(conversation) };
    },

    async refreshToken(authorization) {
      const check = await tokens.check(authorization);
      if (!check.ok) return refusal(check);
      if (check.credential.kind !== 'token') return error(400, 'BadArgument', 'Refresh a token, not the secret.');
      const conversation = await store.get(check.credential.conversationId);
      if (!conversation) return NOT_FOUND;
      await store.touch(conversation.id);
      return { status: 200, body: await grant(conversation) };
    },

    async startConversation(authorization, body, streamUrl) {
      const check = await tokens.check(authorization);
      if (!check.ok) return refusal(check);
      const conversation = check.credential.kind === 'secret' ? await create(body) : await store.get(check.credential.conversationId);
      if (!conversation) return NOT_FOUND;
      if ('status' in conversation) return conversation;
      const started = await serially(conversation.id, () => start(conversation));
      return { status: started ? 201 : 200, body: await grant(conversation, streamUrl) };
    },

    async reconnect(authorization, conversationId, watermark, streamUrl) {
      const allowed = await access(authorization, conversationId);
      if ('refused' in allowed) return allowed.refused;
      await store.touch(conversationId);
      return { status: 200, body: await grant(allowed.conversation, streamUrl, watermark) };
    },

    async postActivity(authorization, conversationId, body) {
      const allowed = await access(authorization, conversationId);
      if ('refused' in allowed) return allowed.refused;
      const parsed = clientActivitySchema.safeParse(body);
      if (!parsed.success) return error(400, 'BadArgument', clientActivityProblems(parsed.error));
      const { type, channelData, text, value, name, locale, textFormat } = parsed.data;
      const content = { text, value, name, locale, textFormat };
      if (type === 'typing') return { status: 200, body: { id: '' } };
      const limit = await messageLimit(conversationId);
      if (!limit.allowed) return { ...TOO_MANY, retryAfterSeconds: limit.retryAfterSeconds };
      const clientActivityId = channelData?.clientActivityID;
      const { conversation } = allowed;
      return serially(conversationId, async () => {
        // A client that did not hear back posts again: the same activity, answered once.
        const earlier = clientActivityId ? await store.byClientActivityId(conversationId, clientActivityId) : undefined;
        if (earlier) return { status: 200, body: { id: earlier.id } };
        const echo = clientActivityId ? { channelData: { clientActivityID: clientActivityId }, clientActivityId } : {};
        const [stored] = await append(conversationId, [{ ...addressed(conversation), type, ...content, ...echo }]);
        if (!stored) throw new Error('the activity was not stored');
        await turn(conversation, stored);
        return { status: 200, body: { id: stored.id } };
      });
    },

    async activities(authorization, conversationId, watermark) {
      const allowed = await access(authorization, conversationId);
      if ('refused' in allowed) return allowed.refused;
      return { status: 200, body: await store.since(conversationId, watermarkOf(watermark)) };
    },

    async openStream(token, conversationId) {
      const allowed = await access(token ? `Bearer ${token}` : undefined, conversationId);
      return 'refused' in allowed ? { ok: false, status: allowed.refused.status } : { ok: true };
    },

    since: (conversationId, watermark) => store.since(conversationId, watermark),

    subscribe(conversationId, listener) {
      const set = listeners.get(conversationId) ?? new Set();
      set.add(listener);
      listeners.set(conversationId, set);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(conversationId);
      };
    },

    async conversationForPage(locale) {
      const conversation = await store.create(newUserId(), locale);
      const { token, expires_in } = await grant(conversation);
      return { conversationId: conversation.id, token, userId: conversation.userId, expiresIn: expires_in };
    },
  };
}
