import type { Logger } from '../log.js';
import type { TicketStore } from './ticket-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A draft nobody has touched for a day was abandoned: its personal data goes. */
const DRAFT_LIFETIME_MS = DAY_MS;
const RUN_EVERY_MS = 60 * 60 * 1000;

export interface RetentionDeps {
  tickets: Pick<TicketStore, 'purgeExpired'>;
  /** Conversation and user state. */
  state: { deleteUntouchedSince(before: Date): Promise<number> };
  retentionDays: number;
  /** Website chats (Direct Line transcripts), kept for hours after their last use only. */
  chats?: { deleteIdleSince(before: Date): Promise<number>; keepHours: number };
  logger: Logger;
  now?: () => Date;
  /** Told which tickets lost their personal data, to take it out of the copies too (Teams cards). */
  onScrubbed?: (tickets: { id: string; reference: string }[]) => Promise<void>;
}

/** Deletes what is kept longer than allowed: ticket personal data, abandoned drafts, idle conversation state and chats. */
export async function applyRetention({ tickets, state, retentionDays, chats, logger, now = () => new Date(), onScrubbed }: RetentionDeps) {
  const at = now().getTime();
  const expired = new Date(at - retentionDays * DAY_MS);
  const { scrubbed, discarded } = await tickets.purgeExpired({ personalDataBefore: expired, draftsBefore: new Date(at - DRAFT_LIFETIME_MS) });
  const conversations = await state.deleteUntouchedSince(expired);
  const chatsDeleted = chats ? await chats.deleteIdleSince(new Date(at - chats.keepHours * 60 * 60 * 1000)) : 0;
  if (scrubbed.length) await onScrubbed?.(scrubbed);
  logger.info({ event: 'retention', retentionDays, ticketsScrubbed: scrubbed.length, draftsDiscarded: discarded, stateItemsDeleted: conversations, chatsDeleted }, 'retention applied');
  return { scrubbed: scrubbed.length, discarded, conversations, chats: chatsDeleted };
}

/** Runs the retention now and then every hour until stopped; a failed run is logged and retried next time. */
export function scheduleRetention(deps: RetentionDeps): { stop(): void } {
  const run = () => {
    applyRetention(deps).catch((error: unknown) => deps.logger.error({ event: 'retention', err: { message: (error as Error).message } }, 'retention failed'));
  };
  run();
  const timer = setInterval(run, RUN_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
