import { z } from 'zod/v4';
import type { Database } from '../store/index.js';
import type { Actor } from '../tickets/index.js';

/** A Teams channel where tickets are announced: for every route, or for one. */
export interface LinkedChannel {
  conversationId: string;
  /** Only tickets of this route; undefined: all tickets. */
  routeId?: string;
  /** The Bot Framework conversation reference to post into the channel, as stored. */
  reference: Record<string, unknown>;
  label?: string;
  linkedBy: Actor;
  linkedAt: Date;
}

const rowSchema = z.object({
  conversation_id: z.string(),
  route_id: z.string().nullable(),
  reference: z.record(z.string(), z.unknown()),
  label: z.string().nullable(),
  linked_by: z.object({ id: z.string(), name: z.string(), via: z.enum(['teams', 'backoffice', 'system']) }),
  linked_at: z.date(),
});

function toChannel(row: unknown): LinkedChannel {
  const r = rowSchema.parse(row);
  return {
    conversationId: r.conversation_id,
    ...(r.route_id ? { routeId: r.route_id } : {}),
    reference: r.reference,
    ...(r.label ? { label: r.label } : {}),
    linkedBy: r.linked_by,
    linkedAt: r.linked_at,
  };
}

export interface BackofficeChannels {
  /** Links (or re-links with another scope) a channel. */
  link(channel: Omit<LinkedChannel, 'linkedAt'>): Promise<void>;
  /** True when the channel was linked. */
  unlink(conversationId: string): Promise<boolean>;
  get(conversationId: string): Promise<LinkedChannel | undefined>;
  list(): Promise<LinkedChannel[]>;
}

export function createBackofficeChannels(db: Database): BackofficeChannels {
  return {
    async link({ conversationId, routeId, reference, label, linkedBy }) {
      await db.query(
        `insert into backoffice_channels (conversation_id, route_id, reference, label, linked_by) values ($1, $2, $3, $4, $5)
         on conflict (conversation_id) do update set route_id = excluded.route_id, reference = excluded.reference, label = excluded.label,
           linked_by = excluded.linked_by, linked_at = now()`,
        [conversationId, routeId ?? null, JSON.stringify(reference), label ?? null, JSON.stringify(linkedBy)],
      );
    },
    async unlink(conversationId) {
      return (await db.query('delete from backoffice_channels where conversation_id = $1 returning conversation_id', [conversationId])).length > 0;
    },
    async get(conversationId) {
      const [row] = await db.query('select * from backoffice_channels where conversation_id = $1', [conversationId]);
      return row ? toChannel(row) : undefined;
    },
    async list() {
      return (await db.query('select * from backoffice_channels order by linked_at')).map(toChannel);
    },
  };
}
