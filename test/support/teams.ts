import { randomUUID } from 'node:crypto';
import { FakeChannel, type SentActivity } from './channel.js';

/** The staff tenant of the tests (allowed in STAFF_TENANT_IDS) and one that is not. */
export const STAFF_TENANT = '6b0f3c7e-2d41-4c55-9b7a-1f2e3d4c5b6a';
export const OTHER_TENANT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  tenantId: string;
}

export function teamsUser(name: string, tenantId = STAFF_TENANT): TeamsUser {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name, tenantId };
}

export interface TeamsChannel {
  id: string;
  name: string;
}

/** What the bot answered to an activity: the HTTP status, the invoke response body, and what it posted in that conversation meanwhile. */
export interface TeamsTurn {
  status: number;
  body: unknown;
  replies: SentActivity[];
}

/**
 * A fake Microsoft Teams for the bot: activities with channelId `msteams` and Teams channelData (tenant, team,
 * channel), posted to the bot's /api/messages, and a local Connector API that captures what the bot posts and
 * updates.
 */
export class FakeTeams {
  readonly channel: FakeChannel;
  readonly team = { id: `19:${randomUUID()}@thread.tacv2`, name: 'Onderwijsloket backoffice' };
  private messageNumber = 1;

  constructor(botUrl: string) {
    this.channel = new FakeChannel(botUrl, 'msteams');
  }

  async start(): Promise<this> {
    await this.channel.start();
    return this;
  }

  stop(): Promise<void> {
    return this.channel.stop();
  }

  newChannel(name: string): TeamsChannel {
    return { id: `19:${randomUUID()}@thread.tacv2`, name };
  }

  private async post(conversationId: string, fields: Record<string, unknown>): Promise<TeamsTurn> {
    // Only what was posted in this conversation: the outbox may post a ticket card in another channel meanwhile.
    const before = this.channel.sent.get(conversationId)?.length ?? 0;
    const response = await this.channel.post(this.channel.activity(conversationId, 'nl-NL', fields));
    const text = await response.text();
    const replies = (this.channel.sent.get(conversationId) ?? []).slice(before);
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, replies };
  }

  private teamData(tenantId: string, channel?: TeamsChannel, eventType?: string) {
    return { tenant: { id: tenantId }, team: this.team, ...(channel ? { channel } : {}), ...(eventType ? { eventType } : {}) };
  }

  botAddedToTeam(by: TeamsUser): Promise<TeamsTurn> {
    return this.post(this.team.id, {
      type: 'conversationUpdate',
      from: by,
      conversation: { id: this.team.id, conversationType: 'channel', tenantId: by.tenantId, isGroup: true },
      channelData: this.teamData(by.tenantId, undefined, 'teamMemberAdded'),
      membersAdded: [{ id: 'bot' }],
    });
  }

  /** A new post in a channel that @mentions the bot (the only channel messages a bot receives). */
  inChannel(user: TeamsUser, channel: TeamsChannel, text: string): Promise<TeamsTurn> {
    const thread = `${channel.id};messageid=${this.messageNumber++}`;
    return this.post(thread, {
      type: 'message',
      text: `<at>Onderwijsloket</at> ${text}`,
      entities: [{ type: 'mention', text: '<at>Onderwijsloket</at>', mentioned: { id: 'bot', name: 'Onderwijsloket' } }],
      from: user,
      conversation: { id: thread, conversationType: 'channel', tenantId: user.tenantId, isGroup: true },
      channelData: this.teamData(user.tenantId, channel),
    });
  }

  /** A message in the person's own chat with the bot. */
  personal(user: TeamsUser, text: string): Promise<TeamsTurn> {
    return this.post(`a:personal-${user.aadObjectId}`, {
      type: 'message',
      text,
      from: user,
      conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: user.tenantId },
      channelData: { tenant: { id: user.tenantId } },
    });
  }

  /** A click on an Action.Execute button of a card the bot posted. */
  execute(user: TeamsUser, card: SentActivity, conversationId: string, verb: string, data: Record<string, unknown>): Promise<TeamsTurn> {
    return this.post(conversationId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      replyToId: card.id,
      from: user,
      conversation: { id: conversationId, conversationType: conversationId.startsWith('a:') ? 'personal' : 'channel', tenantId: user.tenantId },
      channelData: conversationId.startsWith('a:') ? { tenant: { id: user.tenantId } } : this.teamData(user.tenantId, { id: conversationId, name: 'kanaal' }),
    });
  }

  /** The Adaptive Cards the bot posted in a conversation, newest last. */
  cards(conversationId: string): SentActivity[] {
    return (this.channel.sent.get(conversationId) ?? []).filter((a) => Array.isArray(a.attachments) && a.attachments.length > 0);
  }

  /** The card as it is now: the latest update of the activity, or as it was posted. */
  current(card: SentActivity): SentActivity {
    return (card.id ? this.channel.updated.get(card.id) : undefined) ?? card;
  }
}

/** The JSON of the Adaptive Card in an activity. */
export function cardJson(activity: SentActivity | undefined): string {
  const attachments = activity?.attachments as { content?: unknown }[] | undefined;
  return JSON.stringify(attachments?.[0]?.content ?? null);
}

/** Waits until `found` returns something (the outbox works in the background), or fails after `ms`. */
export async function eventually<T>(found: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not there after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
