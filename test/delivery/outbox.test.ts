import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackofficeChannels, createOutbox, createOutboxStore, PermanentDeliveryError, workdaysBefore, type Delivery, type Sender } from '../../src/delivery/index.js';
import { createLogger } from '../../src/log.js';
import { createTicketDesk, createTicketStore, type Destination } from '../../src/tickets/index.js';
import { embeddedTestDatabase, type TestDatabase } from '../support/databases.js';
import { LogCapture } from '../support/service.js';

const LOKET: Destination = { id: 'loket', kind: 'loket', name: { nl: 'het loket', en: 'the desk' }, email: 'welkom@utrechtleert.nl', deliver: ['teams', 'email', 'webhook'] };

/** A sender that fails while `down` and records every attempt. */
class FakeSender implements Sender {
  down = false;
  readonly attempts: Delivery[] = [];
  async send(delivery: Delivery) {
    this.attempts.push(delivery);
    if (this.down) throw new Error('connection refused');
    return `external-${delivery.id}`;
  }
}

describe('the delivery outbox', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await embeddedTestDatabase();
  });
  afterAll(() => database.drop());

  const submitted = async (key: string) => {
    const tickets = createTicketStore(database.db);
    const { id } = await tickets.openDraft({ idempotencyKey: key, kind: 'escalation', reason: 'asked', destination: LOKET, lang: 'nl', conversationKey: 'test:c', userKey: 'test:u' });
    await tickets.submit(id);
    return id;
  };

  it('delivers each ticket once per channel, retries a channel that is down, and records why one is not set up', async () => {
    const email = new FakeSender();
    const store = createOutboxStore(database.db);
    const logs = new LogCapture();
    const outbox = createOutbox({ store, tickets: createTicketDesk(database.db), senders: { email }, serviceLevelWorkdays: 2, logger: createLogger('info', logs), pollMs: 60_000 });
    email.down = true;
    const id = await submitted('test:c:1');
    await outbox.runOnce();
    let deliveries = await store.forTicket(id);
    expect(deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['email', 'pending'],
      ['teams', 'skipped'],
      ['webhook', 'skipped'],
    ]);
    expect(deliveries.find((d) => d.channel === 'webhook')?.lastError).toMatch(/WEBHOOK_URL/);
    const pending = deliveries.find((d) => d.channel === 'email');
    expect(pending).toMatchObject({ attempts: 1, lastError: 'connection refused' });
    expect(pending?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 5_000);

    // Not due yet: nothing is sent again until its time (or "opnieuw versturen").
    await outbox.runOnce();
    expect(email.attempts).toHaveLength(1);
    email.down = false;
    expect(await store.retryNow(id)).toBe(1);
    await outbox.runOnce();
    deliveries = await store.forTicket(id);
    expect(deliveries.find((d) => d.channel === 'email')).toMatchObject({ status: 'delivered', attempts: 2, externalId: `external-${pending?.id}` });
    expect(email.attempts.map((d) => d.id)).toEqual([pending?.id, pending?.id]);
    await outbox.stop();
  });

  it('gives up on a delivery that can never succeed', async () => {
    const teams: Sender = {
      async send() {
        throw new PermanentDeliveryError('Het Teams-kanaal is ontkoppeld.');
      },
    };
    await createBackofficeChannels(database.db).link({ conversationId: '19:test@thread.tacv2', reference: {}, linkedBy: { id: 'a', name: 'Anna', via: 'teams' } });
    const store = createOutboxStore(database.db);
    const outbox = createOutbox({ store, tickets: createTicketDesk(database.db), senders: { teams }, serviceLevelWorkdays: 2, logger: createLogger('silent'), pollMs: 60_000 });
    const id = await submitted('test:c:2');
    await outbox.runOnce();
    expect((await store.forTicket(id)).find((d) => d.channel === 'teams')).toMatchObject({ status: 'skipped', lastError: 'Het Teams-kanaal is ontkoppeld.' });
    await outbox.stop();
  });

  it('announces again an open ticket nobody claimed within the service level', async () => {
    const store = createOutboxStore(database.db);
    const id = await submitted('test:c:3');
    await database.db.query(`update tickets set submitted_at = now() - interval '10 days' where id = $1`, [id]);
    expect(await store.planReminders(workdaysBefore(new Date(), 2))).toBeGreaterThanOrEqual(1);
    expect((await store.forTicket(id)).filter((d) => d.purpose === 'reminder').map((d) => d.target)).toEqual(['19:test@thread.tacv2']);
    // Once per service level: not again right away.
    expect(await store.planReminders(workdaysBefore(new Date(), 2))).toBe(0);
  });
});

describe('working days', () => {
  it('skips weekends', () => {
    const monday = new Date('2026-11-23T10:00:00Z');
    expect(workdaysBefore(monday, 2).toISOString()).toBe('2026-11-19T10:00:00.000Z');
    expect(workdaysBefore(new Date('2026-11-25T10:00:00Z'), 2).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });
});
