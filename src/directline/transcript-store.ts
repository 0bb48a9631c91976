import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import type { Database } from '../store/index.js';

/** An activity as the Direct Line client sees it: plain JSON, with the id and timestamp the server gave it. */
export type StoredActivity = Record<string, unknown> & { id: string; timestamp: string };

/** An activity to append: everything but the id, which its place in the conversation decides. */
export type NewActivity = Record<string, unknown> & { clientActivityId?: string };

export interface DirectLineConversation {
  id: string;
  userId: string;
  locale?: string;
  started: boolean;
}

export interface ActivitySet {
  activities: StoredActivity[];
  /** The position of the last activity; a client asks for what comes after it. */
  watermark: string;
}

export interface TranscriptStore {
  create(userId: string, locale?: string): Promise<DirectLineConversation>;
  get(conversationId: string): Promise<DirectLineConversation | undefined>;
  /** Marks the conversation started; true only for the one call that started it. */
  markStarted(conversationId: string): Promise<boolean>;
  /** Records that the conversation is in use (a post, a start, a token refresh), for the retention. */
  touch(conversationId: string): Promise<void>;
  /** Appends activities in order, each with its id and timestamp; returns them as stored. */
  append(conversationId: string, activities: readonly NewActivity[]): Promise<StoredActivity[]>;
  /** The activity with this client id, if the client posted it before (a retry). */
  byClientActivityId(conversationId: string, clientActivityId: string): Promise<StoredActivity | undefined>;
  /** The activities after a watermark (all of them without one). */
  since(conversationId: string, watermark?: number): Promise<ActivitySet>;
  /** Deletes what was said in the conversation (on request); the conversation itself goes on. */
  clear(conversationId: string): Promise<number>;
  /** Deletes conversations nobody used since `before`, with everything said in them. */
  deleteIdleSince(before: Date): Promise<number>;
}

const conversationRow = z.object({ id: z.string(), user_id: z.string(), locale: z.string().nullable(), started_at: z.date().nullable() });
const activityRow = z.object({ watermark: z.number().int(), activity: z.record(z.string(), z.unknown()) });
const storedActivity = z.object({ id: z.string(), timestamp: z.string() }).loose();

const toConversation = (row: unknown): DirectLineConversation => {
  const r = conversationRow.parse(row);
  return { id: r.id, userId: r.user_id, ...(r.locale ? { locale: r.locale } : {}), started: r.started_at !== null };
};

/** The id Azure Direct Line gives too: conversation id and position. */
const activityId = (conversationId: string, watermark: number) => `${conversationId}|${String(watermark).padStart(7, '0')}`;

const toStored = (row: unknown): StoredActivity => {
  const r = activityRow.parse(row);
  return storedActivity.parse(r.activity);
};

/** Conversation ids cannot be guessed: 128 random bits. */
export const newConversationId = () => randomBytes(16).toString('base64url');

/** The Direct Line conversations and what was said in them, in the database, so that a restart loses nothing. */
export function createTranscriptStore(db: Database): TranscriptStore {
  return {
    async create(userId, locale) {
      const id = newConversationId();
      await db.query('insert into directline_conversations (id, user_id, locale) values ($1, $2, $3)', [id, userId, locale ?? null]);
      return { id, userId, ...(locale ? { locale } : {}), started: false };
    },

    async get(conversationId) {
      const [row] = await db.query('select id, user_id, locale, started_at from directline_conversations where id = $1', [conversationId]);
      return row ? toConversation(row) : undefined;
    },

    async markStarted(conversationId) {
      const rows = await db.query('update directline_conversations set started_at = now(), touched_at = now() where id = $1 and started_at is null returning id', [conversationId]);
      return rows.length > 0;
    },

    async touch(conversationId) {
      await db.query('update directline_conversations set touched_at = now() where id = $1', [conversationId]);
    },

    async append(conversationId, activities) {
      if (!activities.length) return [];
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ next_watermark: number }>(
          'update directline_conversations set next_watermark = next_watermark + $2, touched_at = now() where id = $1 returning next_watermark',
          [conversationId, activities.length],
        );
        if (!row) throw new Error('unknown Direct Line conversation');
        const first = row.next_watermark - activities.length + 1;
        const timestamp = new Date().toISOString();
        const stored = activities.map(({ clientActivityId, ...activity }, i) => ({
          clientActivityId,
          watermark: first + i,
          activity: { ...activity, id: activityId(conversationId, first + i), timestamp },
        }));
        for (const s of stored) {
          await tx.query('insert into directline_activities (conversation_id, watermark, client_activity_id, activity) values ($1, $2, $3, $4)', [
            conversationId,
            s.watermark,
            s.clientActivityId ?? null,
            JSON.stringify(s.activity),
          ]);
        }
        return stored.map((s) => s.activity);
      });
    },

    async byClientActivityId(conversationId, clientActivityId) {
      const [row] = await db.query('select watermark, activity from directline_activities where conversation_id = $1 and client_activity_id = $2', [conversationId, clientActivityId]);
      return row ? toStored(row) : undefined;
    },

    async since(conversationId, watermark = 0) {
      const rows = await db.query('select watermark, activity from directline_activities where conversation_id = $1 and watermark > $2 order by watermark', [conversationId, watermark]);
      const last = rows.length ? activityRow.parse(rows.at(-1)).watermark : watermark;
      return { activities: rows.map(toStored), watermark: String(last) };
    },

    async clear(conversationId) {
      const rows = await db.query('delete from directline_activities where conversation_id = $1 returning watermark', [conversationId]);
      return rows.length;
    },

    async deleteIdleSince(before) {
      const rows = await db.query('delete from directline_conversations where touched_at < $1 returning id', [before]);
      return rows.length;
    },
  };
}
