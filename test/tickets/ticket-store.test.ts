import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { StateStore } from '../../src/store/index.js';
import { applyRetention, createTicketStore, type NewTicket, type TicketStore } from '../../src/tickets/index.js';
import { TEST_DATABASES, type TestDatabase } from '../support/databases.js';
import { LogCapture } from '../support/service.js';

const LOKET = { id: 'loket', kind: 'loket' as const, name: { nl: 'het onderwijsloket', en: 'the desk' }, email: 'welkom@utrechtleert.nl', deliver: ['teams' as const, 'email' as const] };

const newTicket = (key: string, person = 'conv-a'): NewTicket => ({
  idempotencyKey: key,
  kind: 'introduction',
  reason: 'recommendation',
  routeId: 'zij-instroom',
  destination: LOKET,
  lang: 'nl',
  conversationKey: `test:${person}`,
  userKey: `test:user-${person}`,
  profile: { diploma: 'Hbo' },
  recommendation: [{ routeId: 'zij-instroom', reason: 'je hebt een hbo-diploma.' }],
});

describe.each(TEST_DATABASES)('the ticket store on %s', (_name, open) => {
  let database: TestDatabase;
  let tickets: TicketStore;

  beforeAll(async () => {
    database = await open();
    tickets = createTicketStore(database.db);
  });
  afterAll(() => database.drop());

  it('creates a draft once per incoming activity, with a reference to quote', async () => {
    const first = await tickets.openDraft(newTicket('test:conv-a:act-1'));
    const again = await tickets.openDraft(newTicket('test:conv-a:act-1'));
    expect(again).toEqual(first);
    expect(first.reference).toMatch(/^UL-[A-Z2-9]{6}$/);
    const stored = await tickets.get(first.id);
    expect(stored).toMatchObject({ status: 'draft', kind: 'introduction', routeId: 'zij-instroom', destination: LOKET, profile: { diploma: 'Hbo' } });
  });

  it('adds details to a draft, submits it once, and then keeps it as it was', async () => {
    const { id, reference } = await tickets.openDraft(newTicket('test:conv-a:act-2'));
    await tickets.addDetails(id, { name: 'Sanne de Vries', email: 'sanne@example.nl', preferredContact: 'email' });
    expect(await tickets.submit(id)).toEqual({ reference, status: 'open' });
    expect(await tickets.submit(id)).toEqual({ reference, status: 'open' });
    await tickets.addDetails(id, { name: 'Someone else' });
    await tickets.discard(id);
    expect(await tickets.get(id)).toMatchObject({ status: 'open', name: 'Sanne de Vries', email: 'sanne@example.nl', submittedAt: expect.any(Date) });
  });

  it('drops a draft the person withdrew', async () => {
    const { id } = await tickets.openDraft(newTicket('test:conv-a:act-3'));
    await tickets.discard(id);
    expect(await tickets.get(id)).toBeUndefined();
    expect(await tickets.submit(id)).toBeUndefined();
  });

  it('deletes every ticket of a person on request, and no one else\'s', async () => {
    const mine = await tickets.openDraft(newTicket('test:conv-b:act-1', 'conv-b'));
    const other = await tickets.openDraft(newTicket('test:conv-c:act-1', 'conv-c'));
    expect(await tickets.deleteFor({ conversationKey: 'test:conv-b', userKey: 'test:user-conv-b' })).toBe(1);
    expect(await tickets.get(mine.id)).toBeUndefined();
    expect(await tickets.get(other.id)).toBeDefined();
  });

  it('removes personal data after the retention period, and abandoned drafts after a day', async () => {
    const open = await tickets.openDraft(newTicket('test:conv-d:act-1', 'conv-d'));
    await tickets.addDetails(open.id, { name: 'Jan Jansen', phone: '+31612345678', question: 'Kan ik starten?' });
    await tickets.submit(open.id);
    const abandoned = await tickets.openDraft(newTicket('test:conv-d:act-2', 'conv-d'));
    const state = new StateStore(database.db);
    await state.write({ 'test/conversations/conv-d': { lang: 'nl' } });

    const logs = new LogCapture();
    const deps = { tickets, state, retentionDays: 90, logger: createLogger('info', logs) };
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    const dayLater = await applyRetention({ ...deps, now: () => tomorrow });
    expect(dayLater.scrubbed).toBe(0);
    expect(dayLater.discarded).toBeGreaterThanOrEqual(1);
    expect(await tickets.get(abandoned.id)).toBeUndefined();
    expect(await tickets.get(open.id)).toMatchObject({ name: 'Jan Jansen' });

    const later = new Date(Date.now() + 91 * 24 * 60 * 60 * 1000);
    const result = await applyRetention({ ...deps, now: () => later });
    expect(result.scrubbed).toBeGreaterThanOrEqual(1);
    expect(result.conversations).toBeGreaterThanOrEqual(1);
    const scrubbed = await tickets.get(open.id);
    expect(scrubbed).toMatchObject({ status: 'open', routeId: 'zij-instroom', reference: open.reference, personalDataDeletedAt: expect.any(Date) });
    expect(scrubbed).not.toHaveProperty('name');
    expect(scrubbed).not.toHaveProperty('phone');
    expect(scrubbed).not.toHaveProperty('question');
    expect(await state.read(['test/conversations/conv-d'])).toEqual({});
    expect(JSON.stringify(logs.lines)).not.toContain('Jansen');
  });
});
