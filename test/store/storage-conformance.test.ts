import { AutoSaveStateMiddleware, ConversationState, MessageFactory, TestAdapter } from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateStore } from '../../src/store/state-store.js';
import { TEST_DATABASES, type TestDatabase } from '../support/databases.js';

/**
 * botbuilder-core's storage conformance tests (tests/storageBaseTests.js), ported, run on both stores.
 * "poco" items carry no eTag (always written); "store items" carry one (written only if it still matches).
 */
describe.each(TEST_DATABASES)('the state store on %s', (_name, open) => {
  let database: TestDatabase;
  let storage: StateStore;
  beforeAll(async () => {
    database = await open();
    storage = new StateStore(database.db);
  });
  afterAll(() => database.drop());

  it('returns an empty object when reading an unknown key', async () => {
    expect(await storage.read(['unknown'])).toEqual({});
  });

  it('rejects missing keys and changes', async () => {
    await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(storage.write(null as unknown as Record<string, unknown>)).rejects.toThrow(ReferenceError);
  });

  it('does not throw when writing no items', async () => {
    await expect(storage.write({})).resolves.toBeUndefined();
  });

  it('creates objects, each with an eTag', async () => {
    await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } });
    const read = await storage.read(['createPoco', 'createPocoStoreItem']);
    expect(read.createPoco).toMatchObject({ id: 1, eTag: expect.any(String) });
    expect(read.createPocoStoreItem).toMatchObject({ id: 2, eTag: expect.any(String) });
  });

  it('handles keys with any characters', async () => {
    const key = '!@#$%^&*()~/\\><,.?\';"`~';
    await storage.write({ [key]: { id: 1 } });
    expect((await storage.read([key]))[key]).toMatchObject({ id: 1 });
  });

  it('updates objects, honouring eTags', async () => {
    await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
    const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    const poco = loaded.pocoItem as { count: number; eTag?: string };
    delete poco.eTag;
    const storeItem = loaded.pocoStoreItem as { count: number; eTag?: string };
    const firstETag = storeItem.eTag;
    expect(firstETag).toEqual(expect.any(String));

    poco.count++;
    storeItem.count++;
    await storage.write(loaded);
    const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(reloaded.pocoItem).toMatchObject({ count: 2, eTag: expect.any(String) });
    expect(reloaded.pocoStoreItem).toMatchObject({ count: 2 });
    expect((reloaded.pocoStoreItem as { eTag: string }).eTag).not.toBe(firstETag);

    // An item without eTag is written; one with an old eTag is refused.
    poco.count = 123;
    await expect(storage.write({ pocoItem: poco })).resolves.toBeUndefined();
    storeItem.count = 123;
    await expect(storage.write({ pocoStoreItem: storeItem })).rejects.toThrow(/eTag conflict/);
    const afterConflict = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(afterConflict.pocoItem).toMatchObject({ count: 123 });
    expect(afterConflict.pocoStoreItem).toMatchObject({ count: 2 });

    // The wildcard eTag always writes.
    await storage.write({ pocoItem: { count: 100 }, pocoStoreItem: { ...(afterConflict.pocoStoreItem as object), count: 100, eTag: '*' } });
    const final = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(final.pocoItem).toMatchObject({ count: 100 });
    expect(final.pocoStoreItem).toMatchObject({ count: 100 });
  });

  it('deletes objects, and ignores unknown keys', async () => {
    await storage.write({ delete1: { id: 1, count: 1 } });
    expect((await storage.read(['delete1'])).delete1).toMatchObject({ count: 1, eTag: expect.any(String) });
    await storage.delete(['delete1']);
    expect((await storage.read(['delete1'])).delete1).toBeUndefined();
    await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
  });

  it('performs batch operations', async () => {
    await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
    const result = await storage.read(['batch1', 'batch2', 'batch3']);
    for (const key of ['batch1', 'batch2', 'batch3']) expect(result[key]).toMatchObject({ count: expect.any(Number), eTag: expect.any(String) });
    await storage.delete(['batch1', 'batch2', 'batch3']);
    expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
  });

  it('writes a batch all or nothing', async () => {
    await storage.write({ atomicA: { n: 1 } });
    const stale = { n: 2, eTag: 'not-the-current-etag' };
    await expect(storage.write({ atomicB: { n: 1 }, atomicA: stale })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read(['atomicB'])).toEqual({});
  });

  it('proceeds through a waterfall dialog with state saved in between turns', async () => {
    const conversationState = new ConversationState(storage);
    const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    dialogs.add(
      new TextPrompt('textPrompt', async (prompt) => {
        if ((prompt.recognized.value ?? '').length > 3) {
          await prompt.context.sendActivity(MessageFactory.text(`You got it at the ${prompt.attemptCount}th try!`));
          return true;
        }
        await prompt.context.sendActivity(MessageFactory.text(`Please send a name that is longer than 3 characters. ${prompt.attemptCount}`));
        return false;
      }),
    );
    dialogs.add(
      new WaterfallDialog('waterfallDialog', [
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          await step.context.sendActivity('step1');
          return Dialog.EndOfTurn;
        },
        async (step) => step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') }),
        async (step) => {
          await step.context.sendActivity('step3');
          return Dialog.EndOfTurn;
        },
      ]),
    );
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      await dc.continueDialog();
      if (!context.responded) await dc.beginDialog('waterfallDialog');
    }).use(new AutoSaveStateMiddleware(conversationState));

    await adapter
      .send('hello')
      .assertReply('step1')
      .send('hello')
      .assertReply('Please type your name.')
      .send('hi')
      .assertReply('Please send a name that is longer than 3 characters. 1')
      .send('hi')
      .assertReply('Please send a name that is longer than 3 characters. 2')
      .send('hi')
      .assertReply('Please send a name that is longer than 3 characters. 3')
      .send('Kyle')
      .assertReply('You got it at the 4th try!')
      .assertReply('step3')
      .startTest();
  });
});
