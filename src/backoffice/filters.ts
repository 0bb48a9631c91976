import { z } from 'zod/v4';
import type { TicketFilter } from '../tickets/index.js';

/** The statuses staff set; a draft is the person's, not theirs. */
export const staffStatusSchema = z.enum(['open', 'claimed', 'contacted', 'closed']);

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The list filters as they come in a query string (page or API); anything else is refused with the field named. */
export const filterQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.union([staffStatusSchema, z.literal('active')]).optional()),
  route: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9-]+$/).optional()),
  olderThanDays: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3650).optional()),
  newerThanDays: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3650).optional()),
});
export type FilterQuery = z.infer<typeof filterQuerySchema>;

/** "active": everything not closed yet; no status: all. */
export function toTicketFilter(query: FilterQuery): TicketFilter {
  const status = query.status === 'active' ? (['open', 'claimed', 'contacted'] as const) : query.status ? [query.status] : undefined;
  return {
    ...(status ? { status } : {}),
    ...(query.route ? { routeId: query.route } : {}),
    ...(query.olderThanDays !== undefined ? { olderThanDays: query.olderThanDays } : {}),
    ...(query.newerThanDays !== undefined ? { newerThanDays: query.newerThanDays } : {}),
  };
}

export const statusChangeSchema = z.object({
  status: staffStatusSchema,
  note: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
});
