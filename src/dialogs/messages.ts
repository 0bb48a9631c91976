import { CONTACT_EMAIL, type Lang } from '../knowledge/index.js';
import type { ProfileField, ProfileValue } from './profile.js';

/** Everything the dialogs say, in plain Dutch (B1) and English. */

type PerValue = { [F in ProfileField]: Record<ProfileValue<F>, string> };

const nl = {
  questions: {
    goal: 'Wat wil je het liefst doen in het onderwijs?',
    situation: 'Wat doe je nu?',
    diploma: 'Wat is je hoogste diploma?',
    sector: 'In welk soort onderwijs wil je werken?',
    time: 'Hoeveel tijd wil je erin steken?',
  } satisfies Record<ProfileField, string>,
  /** The suggested answers, which are also understood when typed. */
  choices: {
    goal: { teach: 'Lesgeven', support: 'Ondersteunen in de klas', lead: 'Leidinggeven', explore: 'Eerst rondkijken' },
    situation: {
      student: 'Ik studeer of heb een tussenjaar',
      other_sector: 'Ik werk in een andere sector',
      support_staff: 'Ik ben onderwijsassistent of ondersteuner',
      teacher: 'Ik ben leraar',
      leader: 'Ik ben schoolleider',
      returner: 'Ik heb eerder lesgegeven',
    },
    diploma: { mbo: 'Mbo', havo: 'Havo', vwo: 'Vwo', hbo: 'Hbo', wo: 'Universiteit (wo)', foreign: 'Diploma uit het buitenland', other: 'Iets anders' },
    sector: { po: 'Basisonderwijs', vo: 'Voortgezet onderwijs', mbo: 'Mbo', go: 'Speciaal onderwijs', kinderopvang: 'Kinderopvang of bso' },
    time: { full: 'Een baan in het onderwijs', alongside: 'Naast mijn werk of studie', short: 'Een paar maanden' },
  } satisfies PerValue,
  /** Why a route fits, one clause per answer. */
  reasons: {
    goal: { teach: 'je wilt lesgeven', support: 'je wilt ondersteunen in de klas', lead: 'je wilt leidinggeven', explore: 'je wilt eerst ontdekken of het onderwijs bij je past' },
    situation: {
      student: 'je studeert of hebt een tussenjaar',
      other_sector: 'je werkt nu in een andere sector',
      support_staff: 'je werkt al in het onderwijs als assistent of ondersteuner',
      teacher: 'je bent leraar',
      leader: 'je bent schoolleider',
      returner: 'je hebt eerder lesgegeven',
    },
    diploma: {
      mbo: 'je hebt een mbo-diploma',
      havo: 'je hebt een havo-diploma',
      vwo: 'je hebt een vwo-diploma',
      hbo: 'je hebt een hbo-diploma',
      wo: 'je hebt een universitair diploma (wo)',
      foreign: 'je hebt een diploma uit het buitenland',
      other: 'je hebt een ander diploma',
    },
    sector: {
      po: 'je wilt werken in het basisonderwijs',
      vo: 'je wilt werken in het voortgezet onderwijs',
      mbo: 'je wilt werken in het mbo',
      go: 'je wilt werken in het speciaal onderwijs',
      kinderopvang: 'je wilt ook werken in de kinderopvang of bso',
    },
    time: { full: 'je zoekt een baan in het onderwijs', alongside: 'je wilt het naast je werk of studie doen', short: 'je hebt een paar maanden' },
  } satisfies PerValue,
  and: 'en',
  skip: 'Sla over',
  back: 'Terug',
  stop: 'Stop',
  qualifyStart: 'Ik help je graag een route te kiezen. Ik stel je een paar korte vragen. Typ "terug" om een antwoord te verbeteren of "stop" om te stoppen.',
  maybe: 'Op basis van wat je vertelt, kan dit bij je passen:',
  oneMore: 'Om je beter te helpen, heb ik nog een vraag.',
  fits: 'Dit past goed bij jou:',
  nothingFits: 'Op basis van je antwoorden kan ik geen route aanwijzen. Een medewerker van het onderwijsloket kijkt graag met je mee.',
  resume: 'Dan gaan we verder met de vragen.',
  notUnderstood: 'Dat begreep ik niet helemaal. Kies een van de antwoorden, typ "sla over" of "stop".',
  nextSteps: (destination: string) => `Wat wil je nu doen? Ik kan je in contact brengen met ${destination}. Zij helpen je verder met de volgende stap. Of lees eerst meer over de route.`,
  introduce: 'Breng me in contact',
  refine: 'Verfijn mijn advies',
  qualifyStopped: 'Oké, we stoppen met de vragen. Je kunt me gewoon iets vragen, of later opnieuw beginnen met "Welke route past bij mij?".',
  nothingToGoBackTo: 'Er is nog geen antwoord om te verbeteren.',
};

export type DialogMessages = typeof nl;

const en: DialogMessages = {
  questions: {
    goal: 'What would you most like to do in education?',
    situation: 'What do you do now?',
    diploma: 'What is your highest diploma or degree?',
    sector: 'In which kind of education would you like to work?',
    time: 'How much time would you like to spend on it?',
  },
  choices: {
    goal: { teach: 'Teach', support: 'Support in the classroom', lead: 'Lead a school', explore: 'Look around first' },
    situation: {
      student: 'I study or have a gap year',
      other_sector: 'I work in another sector',
      support_staff: 'I am a teaching assistant or support staff',
      teacher: 'I am a teacher',
      leader: 'I am a school leader',
      returner: 'I used to teach',
    },
    diploma: { mbo: 'Mbo (vocational)', havo: 'Havo', vwo: 'Vwo', hbo: "Bachelor's (hbo)", wo: 'University (wo)', foreign: 'A diploma from abroad', other: 'Something else' },
    sector: { po: 'Primary school', vo: 'Secondary school', mbo: 'Mbo (vocational)', go: 'Special education', kinderopvang: 'Childcare or after-school care' },
    time: { full: 'A job in education', alongside: 'Next to my work or studies', short: 'A few months' },
  },
  reasons: {
    goal: { teach: 'you want to teach', support: 'you want to support in the classroom', lead: 'you want to lead', explore: 'you first want to find out whether education suits you' },
    situation: {
      student: 'you study or have a gap year',
      other_sector: 'you now work in another sector',
      support_staff: 'you already work in education as an assistant or support staff',
      teacher: 'you are a teacher',
      leader: 'you are a school leader',
      returner: 'you used to teach',
    },
    diploma: {
      mbo: 'you have an mbo diploma',
      havo: 'you have a havo diploma',
      vwo: 'you have a vwo diploma',
      hbo: "you have a bachelor's degree (hbo)",
      wo: 'you have a university degree (wo)',
      foreign: 'you have a diploma from abroad',
      other: 'you have another diploma',
    },
    sector: {
      po: 'you want to work in primary education',
      vo: 'you want to work in secondary education',
      mbo: 'you want to work in mbo (vocational education)',
      go: 'you want to work in special education',
      kinderopvang: 'you also want to work in childcare or after-school care',
    },
    time: { full: 'you are looking for a job in education', alongside: 'you want to do it next to your work or studies', short: 'you have a few months' },
  },
  and: 'and',
  skip: 'Skip',
  back: 'Back',
  stop: 'Stop',
  qualifyStart: 'I am happy to help you choose a route. I will ask a few short questions. Type "back" to correct an answer or "stop" to stop.',
  maybe: 'From what you tell me, this may suit you:',
  oneMore: 'To help you better, I have one more question.',
  fits: 'This suits you well:',
  nothingFits: 'From your answers I cannot point to a route. A colleague at the education desk is happy to think along with you.',
  resume: 'Let us go on with the questions.',
  notUnderstood: 'I did not quite understand that. Pick one of the answers, or type "skip" or "stop".',
  nextSteps: (destination) => `What would you like to do now? I can put you in touch with ${destination}. They will help you with the next step. Or read more about the route first.`,
  introduce: 'Put me in touch',
  refine: 'Refine my advice',
  qualifyStopped: 'Fine, we stop the questions. Just ask me anything, or start again later with "Which route suits me?".',
  nothingToGoBackTo: 'There is no answer to correct yet.',
};

export const DIALOG_MESSAGES: Record<Lang, DialogMessages> = { nl, en };
export { CONTACT_EMAIL };
