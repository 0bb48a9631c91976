import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketStore, type Ticket } from '../../src/tickets/index.js';
import { FakeChannel, type FakeConversation } from '../support/channel.js';
import { postgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { startTestService } from '../support/service.js';
import { play, referenceIn } from '../support/transcript.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

/** The dialogs over the real protocol, on PostgreSQL so that the test can read the tickets while the bot runs. */
describe('qualification, warm handoff and escalation, as transcripts', () => {
  let database: TestDatabase;
  let service: Service;
  let channel: FakeChannel;

  beforeAll(async () => {
    database = await postgresTestDatabase();
    service = await startTestService({ ...database.env, LOG_LEVEL: 'info' });
    channel = await new FakeChannel(service.messagesUrl).start();
  });
  afterAll(async () => {
    await channel.stop();
    await service.close();
    await database.drop();
  });

  const ticketsOf = async (conversation: FakeConversation): Promise<Ticket[]> => {
    const rows = await database.db.query<{ id: string }>('select id from tickets where conversation_key = $1 order by created_at', [`emulator:${conversation.id}`]);
    const store = createTicketStore(database.db);
    return (await Promise.all(rows.map((r) => store.get(r.id)))).filter((t): t is Ticket => t !== undefined);
  };

  it('qualifies in Dutch, recommends with a reason and a source, and hands on with consent', async () => {
    const conversation = channel.conversation('nl-NL');
    const turns = await play(conversation, [
      ['Welke route past bij mij?', [/paar korte vragen/, 'Wat wil je het liefst doen in het onderwijs?']],
      ['Lesgeven', 'Wat doe je nu?'],
      ['Ik werk in een andere sector', 'Wat is je hoogste diploma?'],
      ['Hbo', ['Dit past goed bij jou', 'je hebt een hbo-diploma, je werkt nu in een andere sector en je wilt lesgeven.', /\nBron: /, 'Breng me in contact']],
      ['Breng me in contact', ['het onderwijsloket van Utrecht Leert (welkom@utrechtleert.nl)', 'Wat ik doorgeef', '90 dagen', /http:\/\/\S+\/privacy/, 'Vind je dat goed?']],
      ['Ja, dat is goed', 'Hoe heet je?'],
      ['Sanne de Vries', 'Hoe kunnen we je bereiken?'],
      ['sanne@example.nl', 'Wil je nog iets meegeven'],
      ['Kan ik in januari beginnen?', [/Je referentienummer is UL-[A-Z2-9]{6}\./, 'Je hoort binnen 2 werkdagen van het onderwijsloket van Utrecht Leert, per e-mail.']],
    ]);
    expect(turns[3]?.traces[0]?.value).toMatchObject({ intent: 'recommendation', dialog: 'qualify', routes: ['zij-instroom'] });
    const [ticket, ...more] = await ticketsOf(conversation);
    expect(more).toEqual([]);
    expect(ticket).toMatchObject({
      reference: referenceIn(turns.at(-1)),
      status: 'open',
      kind: 'introduction',
      reason: 'recommendation',
      routeId: 'zij-instroom',
      destination: { id: 'loket', email: 'welkom@utrechtleert.nl' },
      lang: 'nl',
      name: 'Sanne de Vries',
      email: 'sanne@example.nl',
      preferredContact: 'email',
      question: 'Kan ik in januari beginnen?',
      profile: { goal: 'teach', situation: 'other_sector', diploma: 'hbo' },
      recommendation: [{ routeId: 'zij-instroom', reason: 'je hebt een hbo-diploma, je werkt nu in een andere sector en je wilt lesgeven.' }],
    });
  });

  it('qualifies in English and hands on by phone', async () => {
    const conversation = channel.conversation('en-US');
    const turns = await play(conversation, [
      ['Which route suits me?', 'What would you most like to do in education?'],
      ['Lead a school', 'What do you do now?'],
      ['I am a teacher', ['This suits you well', 'LAS I: you are a teacher and you want to lead.', /\nSources?: /]],
      ['Put me in touch', ['the Utrecht Leert education desk (onderwijsloket) (welkom@utrechtleert.nl)', 'What I pass on', 'Is that all right with you?']],
      ['Yes, that is fine', 'What is your name?'],
      ['Sanne de Vries', 'How can we reach you?'],
      ['06 12345678', 'When is the best time to call you?'],
      ['Morning', 'Would you like to add anything'],
      ['No, send it', [/Your reference number is UL-[A-Z2-9]{6}\./, 'You will hear from the Utrecht Leert education desk (onderwijsloket) within 2 working days, by phone.']],
    ]);
    expect(await ticketsOf(conversation)).toEqual([
      expect.objectContaining({ reference: referenceIn(turns.at(-1)), routeId: 'las-1', lang: 'en', phone: '+31612345678', preferredContact: 'phone', preferredTime: 'Morning' }),
    ]);
  });

  it('recommends at once from a free-text profile, without asking what it was told', async () => {
    const [turn] = await play(channel.conversation(), [
      ['ik ben 42, accountant met een hbo-diploma en wil voor de klas', ['Dit past goed bij jou', 'Zij-instroom: je hebt een hbo-diploma', 'Verfijn mijn advies', { not: /Wat is je hoogste diploma|Wat doe je nu|Wat wil je het liefst/ }]],
    ]);
    expect(turn?.traces[0]?.value).toMatchObject({ intent: 'recommendation', routes: ['zij-instroom'] });
  });

  it('answers a knowledge question in the middle and goes on where it was', async () => {
    await play(channel.conversation(), [
      ['Welke route past bij mij?', 'Wat wil je het liefst doen'],
      ['Hoe lang duurt de Onderwijs Challenge?', ['vier maanden', /\nBron: /, 'Dan gaan we verder met de vragen.', 'Wat wil je het liefst doen']],
      ['Eerst rondkijken', 'Wat doe je nu?'],
    ]);
  });

  it('stops on "stop" and then answers as usual', async () => {
    await play(channel.conversation(), [
      ['Welke route past bij mij?', 'Wat wil je het liefst doen'],
      ['stop', 'we stoppen met de vragen'],
      ['Wat is Ad-PEP?', ['Associate degree', { not: 'Wat wil je het liefst doen' }]],
    ]);
  });

  it('undoes the last answer with "terug"', async () => {
    await play(channel.conversation(), [
      ['Welke route past bij mij?', 'Wat wil je het liefst doen'],
      ['Lesgeven', 'Wat doe je nu?'],
      ['terug', 'Wat wil je het liefst doen'],
      ['Leidinggeven', 'Wat doe je nu?'],
      ['Ik ben leraar', 'LAS I: je bent leraar en je wilt leidinggeven.'],
    ]);
  });

  it('says what is wrong with an e-mail address and takes the corrected one', async () => {
    const conversation = channel.conversation();
    await play(conversation, [
      ['Praat met een medewerker', ['het onderwijsloket van Utrecht Leert', 'Vind je dat goed?']],
      ['ja', 'Hoe heet je?'],
      ['Jan Jansen', 'Hoe kunnen we je bereiken?'],
      ['jan@example', ['Het e-mailadres "jan@example" klopt niet', 'Hoe kunnen we je bereiken?']],
      ['jan@example.org', 'Wil je nog iets meegeven'],
      ['Nee, verstuur maar', 'Je referentienummer is UL-'],
    ]);
    expect(await ticketsOf(conversation)).toEqual([expect.objectContaining({ kind: 'escalation', reason: 'asked', email: 'jan@example.org', name: 'Jan Jansen' })]);
  });

  it('stays helpful and creates no ticket when consent is declined', async () => {
    const conversation = channel.conversation();
    await play(conversation, [
      ['Ik wil graag iemand spreken', 'Vind je dat goed?'],
      ['Nee, liever niet', ['ik geef niets door', 'welkom@utrechtleert.nl']],
      ['Wat is Ad-PEP?', 'Associate degree'],
    ]);
    expect(await ticketsOf(conversation)).toEqual([]);
  });

  it('offers a person after two questions in a row it could not answer, with the questions and a summary', async () => {
    const conversation = channel.conversation();
    await play(conversation, [
      ['Wat kost de Onderwijs Challenge?', ['weet ik niet zeker', { not: 'Zal ik je vraag doorgeven' }]],
      ['Mag ik als zij-instromer parttime werken? Ik lees mijn mail op jan@example.org', ['staat niet in mijn informatie', 'Zal ik je vraag doorgeven aan een medewerker']],
      ['Ja, graag', 'Vind je dat goed?'],
      ['ja', 'samenvatting van ons gesprek'],
      ['Ja, stuur mee', 'Hoe heet je?'],
      ['Jan Jansen', 'bereiken'],
      ['0612345678', 'bellen'],
      ['Maakt niet uit', 'Ik geef deze vraag door'],
      ['Nee, verstuur maar', 'Je referentienummer is UL-'],
    ]);
    const [ticket] = await ticketsOf(conversation);
    expect(ticket).toMatchObject({ kind: 'escalation', reason: 'unanswered', preferredTime: 'Maakt niet uit' });
    expect(ticket?.question).toBe('Wat kost de Onderwijs Challenge?\nMag ik als zij-instromer parttime werken? Ik lees mijn mail op [e-mail]');
    expect(ticket?.summary).toMatch(/Onderwijs Challenge: kon de bot niet beantwoorden/);
  });

  it('hands someone on mid-qualification when they ask for a person, with what they told', async () => {
    const conversation = channel.conversation();
    await play(conversation, [
      ['Welke route past bij mij?', 'Wat wil je het liefst doen'],
      ['Lesgeven', 'Wat doe je nu?'],
      ['Ik wil liever met een medewerker praten', ['het onderwijsloket van Utrecht Leert', 'wat je me vertelde over je situatie']],
      ['ja', 'Hoe heet je?'],
    ]);
    expect(await ticketsOf(conversation)).toEqual([expect.objectContaining({ status: 'draft', kind: 'escalation', profile: { goal: 'teach' } })]);
  });

  it('makes one ticket when the channel delivers the same activity twice', async () => {
    const conversation = channel.conversation();
    await play(conversation, [['Praat met een medewerker', 'Vind je dat goed?']]);
    const consent = channel.activity(conversation.id, 'nl-NL', { type: 'message', text: 'ja' });
    const both = await Promise.all([conversation.deliver(consent), conversation.deliver(consent)]);
    expect(both.map((t) => t.status)).toEqual([200, 200]);
    expect(conversation.messages().filter((m) => m.text === 'Hoe heet je?')).toHaveLength(1);
    await play(conversation, [
      ['Jan Jansen', 'bereiken'],
      ['jan@example.org', 'Wil je nog iets meegeven'],
    ]);
    const last = await conversation.say('Nee, verstuur maar');
    expect(last.text).toMatch(/UL-/);
    const again = await conversation.deliver(conversation.last ?? {});
    expect(again.status).toBe(200);
    expect(again.messages).toEqual([]);
    expect(await ticketsOf(conversation)).toEqual([expect.objectContaining({ status: 'open', reference: referenceIn(last) })]);
  });

  it('deletes the person\'s tickets and conversation on "verwijder mijn gegevens"', async () => {
    const conversation = channel.conversation();
    await play(conversation, [
      ['Praat met een medewerker', 'Vind je dat goed?'],
      ['ja', 'Hoe heet je?'],
      ['Jan Jansen', 'bereiken'],
      ['jan@example.org', 'Wil je nog iets meegeven'],
      ['Nee, verstuur maar', 'Je referentienummer is UL-'],
      ['verwijder mijn gegevens', 'Ik heb je gegevens gewist: je aanvraag en dit gesprek.'],
      ['Hoe lang duurt de Onderwijs Challenge?', 'vier maanden'],
    ]);
    expect(await ticketsOf(conversation)).toEqual([]);
  });

  it('logs none of the name, e-mail address or phone number given in a handoff', () => {
    const logged = JSON.stringify(service.logs.lines);
    expect(logged).toContain('turn handled');
    for (const personal of ['Sanne', 'Vries', 'Jansen', 'sanne@example.nl', 'jan@example.org', '12345678', '+31612345678']) expect(logged).not.toContain(personal);
  });
});
