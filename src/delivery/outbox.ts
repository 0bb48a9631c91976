import type { Logger } from '../log.js';
import type { DeliveryChannel, Ticket, TicketDesk } from '../tickets/index.js';
import type { Delivery, OutboxStore } from './outbox-store.js';
import { workdaysBefore } from './workdays.js';

/**
 * Sends one delivery; resolves with the receiver's id for it (if any), throws with a message without personal data
 * when it failed (it is tried again later), or throws a PermanentDeliveryError when trying again cannot help.
 */
export interface Sender {
  send(delivery: Delivery, ticket: Ticket): Promise<string | undefined>;
}

/** A delivery that can never succeed, such as one to a Teams channel that was unlinked: it is given up. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

export interface OutboxDeps {
  store: OutboxStore;
  tickets: Pick<TicketDesk, 'get'>;
  senders: Partial<Record<DeliveryChannel, Sender>>;
  /** Working days a ticket may wait unclaimed before it is announced again. */
  serviceLevelWorkdays: number;
  logger: Logger;
  pollMs?: number;
}

export interface Outbox {
  /** Something new to deliver: run now instead of at the next poll. */
  kick(): void;
  /** One round: plan, remind, send what is due. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** Seconds to wait after the n-th failed attempt; the last step repeats: a destination that is down loses nothing. */
const RETRY_AFTER_S = [10, 30, 60, 120, 300, 600, 1800];
const BATCH = 10;
/** A delivery taken by a worker is not taken again for this long (a worker that dies mid-send gives it back). */
const LEASE_MS = 2 * 60 * 1000;
const SEND_TIMEOUT_MS = 30_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The delivery outbox: tickets are written once (in the database), then a worker delivers each to every destination
 * channel, retrying with back-off until it succeeds, across restarts. Every attempt of a delivery carries the same
 * delivery and ticket id.
 */
export function createOutbox({ store, tickets, senders, serviceLevelWorkdays, logger, pollMs = 5000 }: OutboxDeps): Outbox {
  const available = new Set(Object.keys(senders) as DeliveryChannel[]);
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const deliver = async (delivery: Delivery) => {
    const ids = { deliveryId: delivery.id, ticketId: delivery.ticketId, channel: delivery.channel, purpose: delivery.purpose, attempt: delivery.attempts };
    const ticket = await tickets.get(delivery.ticketId);
    const sender = senders[delivery.channel];
    if (!ticket || ticket.personalDataDeletedAt || !sender) {
      await store.skip(delivery.id, !sender ? 'Dit kanaal is niet meer ingesteld.' : 'De gegevens van deze aanvraag zijn gewist.');
      return;
    }
    try {
      const externalId = await withTimeout(sender.send(delivery, ticket), SEND_TIMEOUT_MS);
      await store.delivered(delivery.id, externalId);
      logger.info({ ...ids, event: 'delivered' }, 'ticket delivered');
    } catch (error) {
      if (error instanceof PermanentDeliveryError) {
        await store.skip(delivery.id, error.message);
        logger.warn({ ...ids, event: 'delivery_skipped', err: error.message }, 'delivery given up');
        return;
      }
      const wait = RETRY_AFTER_S[Math.min(delivery.attempts - 1, RETRY_AFTER_S.length - 1)] ?? 1800;
      const message = error instanceof Error ? error.message : String(error);
      await store.failed(delivery.id, message, new Date(Date.now() + wait * 1000));
      logger.warn({ ...ids, event: 'delivery_failed', retryInSeconds: wait, err: message }, 'delivery failed, will retry');
    }
  };

  const round = async () => {
    await store.plan(available);
    if (available.has('teams')) await store.planReminders(workdaysBefore(new Date(), serviceLevelWorkdays));
    for (let batch = await store.takeDue(BATCH, LEASE_MS); batch.length; batch = await store.takeDue(BATCH, LEASE_MS)) {
      await Promise.all(batch.map(deliver));
      if (stopped) return;
    }
  };

  /** Runs a round now, or right after the one that is running: the returned promise ends after a round that began after the call. */
  const run = (): Promise<void> => {
    if (!running) {
      running = round()
        .catch((error: unknown) => logger.error({ event: 'outbox', err: { message: (error as Error).message } }, 'outbox round failed'))
        .finally(() => {
          running = undefined;
        });
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return stopped ? undefined : run();
    });
    return queued;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(schedule), pollMs);
    timer.unref();
  };
  void run().then(schedule);

  return {
    kick: () => void run(),
    runOnce: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queued;
      await running;
    },
  };
}
