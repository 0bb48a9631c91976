import type { Lang } from './model.js';
import type { Field } from './schema.js';

/** Everything the answering module says in its own words, in plain Dutch (B1) and English. */

export const CONTACT_EMAIL = 'welkom@utrechtleert.nl';

const nl = {
  welcome: [
    'Hallo! Ik ben de digitale assistent van het onderwijsloket van Utrecht Leert. Ik ben een computerprogramma, geen mens.',
    'Ik help je met vragen over werken en leren in het onderwijs in Utrecht: zij-instroom, de Onderwijs Challenge, Pedagogisch Verbinder, opleidingen voor schoolleiders en meer. Bij elk antwoord zie je de bron.',
    `Wil je liever een mens spreken? Dat kan altijd: kies "Praat met een medewerker" of mail naar ${CONTACT_EMAIL}.`,
  ].join('\n\n'),
  talkToPerson: 'Praat met een medewerker',
  whichRoute: 'Welke route past bij mij?',
  sourceLabel: (n: number): string => (n > 1 ? 'Bronnen' : 'Bron'),
  validity: 'Let op',
  moreInfo: 'Meer informatie',
  greeting: 'Hallo! Ik ben de digitale assistent van Utrecht Leert. Waarmee kan ik je helpen? Stel gerust je vraag over werken of leren in het onderwijs in Utrecht.',
  thanks: 'Graag gedaan! Heb je nog een vraag over werken of leren in het onderwijs? Stel hem gerust.',
  goodbye: 'Dag! Succes, en je bent altijd welkom met een nieuwe vraag.',
  howAreYou: 'Goed, dank je! Ik help je graag. Wat wil je weten over werken of leren in het onderwijs in Utrecht?',
  identity: `Ik ben een digitale assistent: een computerprogramma, geen mens. Ik beantwoord vragen over werken en leren in het onderwijs in Utrecht. Wil je een mens spreken? Kies "Praat met een medewerker" of mail naar ${CONTACT_EMAIL}.`,
  language: 'Ik spreek Nederlands en Engels. Stel je vraag in de taal die jij wilt, dan antwoord ik in dezelfde taal.',
  handoff: `Ik breng je graag in contact met een medewerker van het onderwijsloket. Mail je vraag naar ${CONTACT_EMAIL}, dan neemt een collega contact met je op. Zet in je mail waar je vraag over gaat en hoe we je het beste kunnen bereiken.`,
  handoffTopic: (name: string) => `Over ${name}:`,
  unhappy: 'Sorry dat ik je niet goed help.',
  refusal: 'Dat kan ik niet doen. Mijn instructies en gegevens van andere mensen deel ik niet, en ik verander niet van rol. Ik help je wel graag met vragen over werken en leren in het onderwijs in Utrecht.',
  outOfScope: 'Daar kan ik je helaas niet mee helpen. Ik weet alleen iets over werken en leren in het onderwijs in Utrecht, bijvoorbeeld zij-instroom, de Onderwijs Challenge of opleidingen voor schoolleiders. Heb je daar een vraag over?',
  steerBack: 'Heb je een vraag over werken of leren in het onderwijs in Utrecht? Dan help ik je graag.',
  unknown: 'Dat weet ik niet zeker: het antwoord staat niet in mijn informatie. Ik wil je niets verkeerds vertellen.',
  unknownField: (field: Field, label: string): string => {
    const about: Record<Field, string> = {
      what: 'wat het precies inhoudt',
      audience: 'voor wie het bedoeld is',
      requirements: 'welke eisen of voorwaarden er gelden',
      duration: 'hoe lang het duurt',
      provider: 'wie het aanbiedt',
      start: 'wanneer het (weer) start',
      costs: 'wat het kost of wie het betaalt',
      results: 'wat het heeft opgeleverd',
      next_step: 'wat je daarna kunt doen',
      contact: 'hoe je je aanmeldt',
    };
    return `Dat weet ik niet zeker. Over ${label} staat in mijn informatie niet ${about[field]}. Ik wil je niets verkeerds vertellen.`;
  },
  offerPerson: `Een medewerker van het onderwijsloket helpt je graag verder. Mail naar ${CONTACT_EMAIL} of kies "Praat met een medewerker".`,
  related: 'Wat ik wel weet:',
  clarify: 'Over welke opleiding of regeling gaat je vraag? Kies er een, of stel je vraag opnieuw met de naam erbij.',
  routeHelp: 'Dat hangt af van jouw situatie. Vertel me iets over jezelf: welk diploma heb je, wat doe je nu en in welk soort onderwijs wil je werken? Bijvoorbeeld: "Ik heb een hbo-diploma en wil juf worden op een basisschool." Of kies hieronder een route om meer te lezen.',
  advice: 'Dit past misschien bij jou:',
  adviceMore: 'Wil je meer weten over een van deze routes? Kies hieronder, of vraag naar een medewerker voor persoonlijk advies.',
  fromDocument: (title: string) => `Uit het document "${title}":`,
  /** Follow-up questions, asked as "<label>: <question>" so that they name the topic. */
  followUp: {
    what: 'wat is het?',
    audience: 'voor wie is het?',
    requirements: 'wat zijn de eisen?',
    duration: 'hoe lang duurt het?',
    provider: 'wie organiseert het?',
    start: 'wanneer start het?',
    costs: 'wat kost het?',
    results: 'wat heeft het opgeleverd?',
    next_step: 'wat kan ik daarna?',
    contact: 'hoe meld ik me aan?',
  } satisfies Record<Field, string>,
  error: `Sorry, er ging iets mis aan mijn kant. Probeer het nog een keer, of mail je vraag naar ${CONTACT_EMAIL}.`,
};

type Messages = typeof nl;

const en: Messages = {
  welcome: [
    'Hello! I am the digital assistant of the Utrecht Leert education desk (onderwijsloket). I am a computer program, not a person.',
    'I can help with questions about working and learning in education in Utrecht: side entry (zij-instroom), the Onderwijs Challenge, Pedagogisch Verbinder, training for school leaders and more. Every answer shows its source.',
    `Would you rather talk to a person? You always can: choose "Talk to a person" or e-mail ${CONTACT_EMAIL}.`,
  ].join('\n\n'),
  talkToPerson: 'Talk to a person',
  whichRoute: 'Which route suits me?',
  sourceLabel: (n: number) => (n > 1 ? 'Sources' : 'Source'),
  validity: 'Please note',
  moreInfo: 'More information',
  greeting: 'Hello! I am the digital assistant of Utrecht Leert. How can I help you? Feel free to ask about working or learning in education in Utrecht.',
  thanks: 'You are welcome! Do you have another question about working or learning in education? Just ask.',
  goodbye: 'Goodbye! Good luck, and feel free to come back with a new question.',
  howAreYou: 'Fine, thank you! I am happy to help. What would you like to know about working or learning in education in Utrecht?',
  identity: `I am a digital assistant: a computer program, not a person. I answer questions about working and learning in education in Utrecht. Want to talk to a person? Choose "Talk to a person" or e-mail ${CONTACT_EMAIL}.`,
  language: 'Yes, I speak English and Dutch. Ask your question in the language you prefer and I will answer in the same language.',
  handoff: `I am happy to put you in touch with a colleague at the education desk. E-mail your question to ${CONTACT_EMAIL} and a colleague will get back to you. Please say what your question is about and how we can best reach you.`,
  handoffTopic: (name: string) => `About ${name}:`,
  unhappy: 'I am sorry I am not helping you well.',
  refusal: 'I cannot do that. I do not share my instructions or other people\'s data, and I do not change my role. I am happy to help with questions about working and learning in education in Utrecht.',
  outOfScope: 'Sorry, I cannot help with that. I only know about working and learning in education in Utrecht, for example side entry into teaching, the Onderwijs Challenge or training for school leaders. Do you have a question about that?',
  steerBack: 'Do you have a question about working or learning in education in Utrecht? I am happy to help.',
  unknown: 'I am not sure: the answer is not in my information. I do not want to tell you something wrong.',
  unknownField: (field: Field, label: string): string => {
    const about: Record<Field, string> = {
      what: 'what it involves exactly',
      audience: 'who it is meant for',
      requirements: 'which requirements or conditions apply',
      duration: 'how long it takes',
      provider: 'who offers it',
      start: 'when it starts (again)',
      costs: 'what it costs or who pays for it',
      results: 'what it has achieved',
      next_step: 'what you can do afterwards',
      contact: 'how to sign up',
    };
    return `I am not sure. My information on ${label} does not say ${about[field]}. I do not want to tell you something wrong.`;
  },
  offerPerson: `A colleague at the education desk is happy to help. E-mail ${CONTACT_EMAIL} or choose "Talk to a person".`,
  related: 'What I do know:',
  clarify: 'Which programme or scheme is your question about? Pick one, or ask again with its name.',
  routeHelp: 'That depends on your situation. Tell me a little about yourself: which diploma do you have, what do you do now and in which kind of education would you like to work? For example: "I have a bachelor\'s degree and want to teach at a primary school." Or pick a route below to read more.',
  advice: 'This may suit you:',
  adviceMore: 'Want to know more about one of these routes? Pick one below, or ask for a person for personal advice.',
  fromDocument: (title: string) => `From the document "${title}":`,
  followUp: {
    what: 'what is it?',
    audience: 'who is it for?',
    requirements: 'what are the requirements?',
    duration: 'how long does it take?',
    provider: 'who runs it?',
    start: 'when does it start?',
    costs: 'what does it cost?',
    results: 'what has it achieved?',
    next_step: 'what can I do afterwards?',
    contact: 'how do I sign up?',
  },
  error: `Sorry, something went wrong on my side. Please try again, or e-mail your question to ${CONTACT_EMAIL}.`,
};

export const MESSAGES: Record<Lang, Messages> = { nl, en };
