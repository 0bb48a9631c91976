import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranscriptStore, type TranscriptStore } from '../../src/directline/index.js';
import { createLogger } from '../../src/log.js';
import { StateStore } from '../../src/store/index.js';
import { applyRetention, createTicketStore } from '../../src/tickets/index.js';
import { TEST_DATABASES, type TestDatabase } from '../support/databases.js';
import { LogCapture } from '../support/service.js';

describe.each(TEST_DATABASES)('the Direct Line transcripts on %s', (_name, open) => {
  let database: TestDatabase;
  let transcripts: TranscriptStore;

  beforeAll(async () => {
    database = await open();
    transcripts = createTranscriptStore(database.db);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('gives each activity its place, and reads what came after a watermark', async () => {
    const conversation = await transcripts.create('dl_user', 'nl-NL');
    expect(await transcripts.markStarted(conversation.id)).toBe(true);
    expect(await transcripts.markStarted(conversation.id)).toBe(false);
    const [first, second] = await transcripts.append(conversation.id, [{ type: 'message', text: 'een', clientActivityId: 'c1' }, { type: 'message', text: 'twee' }]);
    expect(first?.id).toBe(`${conversation.id}|0000001`);
    expect(second?.id).toBe(`${conversation.id}|0000002`);
    expect(first).not.toHaveProperty('clientActivityId');
    expect((await transcripts.byClientActivityId(conversation.id, 'c1'))?.text).toBe('een');
    expect(await transcripts.since(conversation.id, 1)).toEqual({ activities: [second], watermark: '2' });
    expect(await transcripts.since(conversation.id, 2)).toEqual({ activities: [], watermark: '2' });
    expect(await transcripts.get(conversation.id)).toEqual({ id: conversation.id, userId: 'dl_user', locale: 'nl-NL', started: true });
  });

  it('clears a conversation on request, and goes on counting', async () => {
    const conversation = await transcripts.create('dl_user');
    await transcripts.append(conversation.id, [{ type: 'message', text: 'mijn mail is sanne@example.nl' }]);
    expect(await transcripts.clear(conversation.id)).toBe(1);
    const [next] = await transcripts.append(conversation.id, [{ type: 'message', text: 'gewist' }]);
    expect(next?.id).toBe(`${conversation.id}|0000002`);
    expect((await transcripts.since(conversation.id)).activities.map((a) => a.text)).toEqual(['gewist']);
  });

  it('deletes chats a day after their last use, with the retention job', async () => {
    const conversation = await transcripts.create('dl_user');
    await transcripts.append(conversation.id, [{ type: 'message', text: 'hallo' }]);
    const deps = { tickets: createTicketStore(database.db), state: new StateStore(database.db), retentionDays: 90, logger: createLogger('info', new LogCapture()) };
    const chats = { deleteIdleSince: transcripts.deleteIdleSince, keepHours: 24 };
    expect((await applyRetention({ ...deps, chats, now: () => new Date(Date.now() + 23 * 60 * 60 * 1000) })).chats).toBe(0);
    expect(await transcripts.get(conversation.id)).toBeDefined();
    expect((await applyRetention({ ...deps, chats, now: () => new Date(Date.now() + 25 * 60 * 60 * 1000) })).chats).toBeGreaterThanOrEqual(1);
    expect(await transcripts.get(conversation.id)).toBeUndefined();
  });
});
