import { CONTACT_EMAIL, MESSAGES, type Lang } from '../knowledge/index.js';
import { say, type DialogReply } from './flow.js';

/** What the warm handoff says, in plain Dutch (B1) and English. */

export interface ConsentFacts {
  destination: string;
  email: string;
  /** An introduction passes on what the person told about themselves and the advice. */
  withProfile: boolean;
  retentionDays: number;
  privacyUrl: string;
}

export interface DoneFacts {
  reference: string;
  destination: string;
  workdays: number;
  way?: 'email' | 'phone';
}

const nl = {
  yes: 'Ja, dat is goed',
  no: 'Nee, liever niet',
  offerYes: 'Ja, graag',
  offerNo: 'Nee, dank je',
  offerUnanswered: 'Ik kon je vragen niet goed beantwoorden. Zal ik je vraag doorgeven aan een medewerker van het onderwijsloket? Die neemt dan contact met je op.',
  offerUnhappy: 'Sorry dat ik je niet goed help. Zal ik je in contact brengen met een medewerker van het onderwijsloket?',
  consent: (f: ConsentFacts) =>
    [
      `Ik breng je graag in contact met ${f.destination} (${f.email}). Dan hoef je niets twee keer te vertellen.`,
      `Wat ik doorgeef: je naam, je e-mailadres of telefoonnummer en je vraag${f.withProfile ? ', plus wat je me vertelde over je situatie en mijn advies' : ''}.`,
      'Waarom: zodat zij contact met je kunnen opnemen. Voor niets anders.',
      `Hoe lang: we bewaren je gegevens ${f.retentionDays} dagen, daarna wissen we ze. Eerder wissen kan altijd: typ "verwijder mijn gegevens".`,
      `Meer lezen: ${f.privacyUrl}`,
      'Vind je dat goed?',
    ].join('\n\n'),
  consentAgain: (destination: string) => `Vind je het goed dat ik je gegevens doorgeef aan ${destination}?`,
  privacy: (f: Omit<ConsentFacts, 'withProfile' | 'email'>) =>
    `Je gegevens gaan alleen naar ${f.destination}, en alleen als jij dat goed vindt. Zij gebruiken ze om contact met je op te nemen. Na ${f.retentionDays} dagen worden ze gewist; eerder kan ook, typ dan "verwijder mijn gegevens". Alles staat in de privacyverklaring: ${f.privacyUrl}`,
  summary: 'Mag ik ook een korte samenvatting van ons gesprek meesturen? Dan weet de medewerker meteen waar je het over had.',
  summaryYes: 'Ja, stuur mee',
  summaryNo: 'Nee',
  name: 'Hoe heet je?',
  invalidName: 'Dat lijkt geen naam. Typ je voornaam en achternaam, bijvoorbeeld: Sanne de Vries.',
  reachable: 'Hoe kunnen we je bereiken? Typ je e-mailadres of je telefoonnummer. Allebei mag ook.',
  invalidEmail: (shown: string) => `Het e-mailadres "${shown}" klopt niet. Kijk het even na en probeer het opnieuw, bijvoorbeeld: naam@voorbeeld.nl.`,
  invalidPhone: (shown: string) => `Het telefoonnummer "${shown}" klopt niet. Typ een nummer van 10 cijfers, zoals 06 12345678, of een nummer met landcode, zoals +32 470 12 34 56.`,
  noReachable: 'Ik zie geen e-mailadres of telefoonnummer. Typ bijvoorbeeld naam@voorbeeld.nl of 06 12345678.',
  way: 'Hoe wil je het liefst contact?',
  ways: { email: 'Per e-mail', phone: 'Telefonisch' },
  time: 'Wanneer kunnen we je het beste bellen? Kies hieronder of typ het zelf.',
  times: { morning: 'Ochtend', afternoon: 'Middag', any: 'Maakt niet uit' },
  question: 'Wil je nog iets meegeven, zoals een vraag? Typ het hier, of kies "Nee, verstuur maar".',
  questionWithOpen: (open: string) => `Ik geef deze vraag door: "${open}". Wil je nog iets toevoegen? Typ het hier, of kies "Nee, verstuur maar".`,
  sendNow: 'Nee, verstuur maar',
  done: (f: DoneFacts) =>
    [
      `Gelukt, je aanvraag is doorgegeven! Je referentienummer is ${f.reference}.`,
      `Je hoort binnen ${f.workdays} werkdagen van ${f.destination}${f.way === 'phone' ? ', telefonisch' : f.way === 'email' ? ', per e-mail' : ''}.`,
      'Wil je je gegevens later laten wissen? Typ dan "verwijder mijn gegevens".',
    ].join('\n\n'),
  gone: 'Je aanvraag is niet meer te vinden. Misschien heb je je gegevens laten wissen. Je kunt altijd opnieuw beginnen.',
  declined: `Helemaal goed, ik geef niets door. Je kunt het onderwijsloket ook zelf mailen: ${CONTACT_EMAIL}. En ik help je graag verder met je vragen.`,
  stopped: `Oké, ik geef niets door. Wat je al had ingevuld, heb ik gewist. Je kunt het onderwijsloket altijd zelf mailen: ${CONTACT_EMAIL}.`,
  busy: 'We zijn al bezig om je in contact te brengen met een medewerker.',
  resume: 'Dan gaan we verder met je aanvraag.',
  notUnderstood: 'Dat begreep ik niet helemaal. Kies een van de antwoorden, of typ "stop".',
  deleted: (tickets: number) =>
    tickets > 0
      ? `Ik heb je gegevens gewist: ${tickets === 1 ? 'je aanvraag' : `je ${tickets} aanvragen`} en dit gesprek. Je kunt gewoon verder chatten.`
      : 'Ik heb dit gesprek gewist. Er stonden geen aanvragen van je bij ons. Je kunt gewoon verder chatten.',
};

export type HandoffMessages = typeof nl;

const en: HandoffMessages = {
  yes: 'Yes, that is fine',
  no: 'No, rather not',
  offerYes: 'Yes, please',
  offerNo: 'No, thanks',
  offerUnanswered: 'I could not answer your questions well. Shall I pass your question on to a colleague at the education desk? They will then get in touch with you.',
  offerUnhappy: 'I am sorry I am not helping you well. Shall I put you in touch with a colleague at the education desk?',
  consent: (f) =>
    [
      `I am happy to put you in touch with ${f.destination} (${f.email}). Then you do not have to tell everything twice.`,
      `What I pass on: your name, your e-mail address or phone number and your question${f.withProfile ? ', plus what you told me about your situation and my advice' : ''}.`,
      'Why: so that they can get in touch with you. For nothing else.',
      `How long: we keep your details for ${f.retentionDays} days, then we delete them. You can always have them deleted sooner: type "delete my data".`,
      `Read more: ${f.privacyUrl}`,
      'Is that all right with you?',
    ].join('\n\n'),
  consentAgain: (destination) => `Is it all right with you that I pass your details on to ${destination}?`,
  privacy: (f) =>
    `Your details only go to ${f.destination}, and only if you agree. They use them to get in touch with you. After ${f.retentionDays} days they are deleted; sooner is possible too: type "delete my data". Everything is in the privacy statement: ${f.privacyUrl}`,
  summary: 'May I also send a short summary of our conversation? Then the colleague knows straight away what you talked about.',
  summaryYes: 'Yes, send it',
  summaryNo: 'No',
  name: 'What is your name?',
  invalidName: 'That does not look like a name. Please type your first and last name, for example: Sanne de Vries.',
  reachable: 'How can we reach you? Type your e-mail address or your phone number. Both is fine too.',
  invalidEmail: (shown) => `The e-mail address "${shown}" is not right. Please check it and try again, for example: name@example.com.`,
  invalidPhone: (shown) => `The phone number "${shown}" is not right. Type a Dutch number of 10 digits, like 06 12345678, or a number with its country code, like +32 470 12 34 56.`,
  noReachable: 'I do not see an e-mail address or phone number. Type for example name@example.com or 06 12345678.',
  way: 'How would you like us to contact you?',
  ways: { email: 'By e-mail', phone: 'By phone' },
  time: 'When is the best time to call you? Pick one below or type it.',
  times: { morning: 'Morning', afternoon: 'Afternoon', any: 'Any time' },
  question: 'Would you like to add anything, such as a question? Type it here, or choose "No, send it".',
  questionWithOpen: (open) => `I will pass on this question: "${open}". Would you like to add anything? Type it here, or choose "No, send it".`,
  sendNow: 'No, send it',
  done: (f) =>
    [
      `Done, your request has been passed on! Your reference number is ${f.reference}.`,
      `You will hear from ${f.destination} within ${f.workdays} working days${f.way === 'phone' ? ', by phone' : f.way === 'email' ? ', by e-mail' : ''}.`,
      'Want your details deleted later? Just type "delete my data".',
    ].join('\n\n'),
  gone: 'Your request can no longer be found. Maybe you had your details deleted. You can always start again.',
  declined: `That is fine, I will not pass anything on. You can also e-mail the education desk yourself: ${CONTACT_EMAIL}. And I am happy to help with your questions.`,
  stopped: `Fine, I will not pass anything on. I have deleted what you had filled in. You can always e-mail the education desk yourself: ${CONTACT_EMAIL}.`,
  busy: 'We are already putting you in touch with a colleague.',
  resume: 'Let us go on with your request.',
  notUnderstood: 'I did not quite understand that. Pick one of the answers, or type "stop".',
  deleted: (tickets) =>
    tickets > 0
      ? `I have deleted your details: ${tickets === 1 ? 'your request' : `your ${tickets} requests`} and this conversation. You can just go on chatting.`
      : 'I have deleted this conversation. We had no requests from you. You can just go on chatting.',
};

export const HANDOFF_MESSAGES: Record<Lang, HandoffMessages> = { nl, en };

/** The confirmation of "verwijder mijn gegevens", with how many tickets went. */
export function dataDeleted(lang: Lang, tickets: number): DialogReply {
  return say(lang, 'forgotten', HANDOFF_MESSAGES[lang].deleted(tickets), { suggestions: [MESSAGES[lang].whichRoute] });
}
