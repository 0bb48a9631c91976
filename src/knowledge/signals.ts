import { phraseMatcher } from './phrases.js';

/**
 * Phrases that mark what kind of message this is, apart from its topic. Lowercase, without accents; a word of four
 * letters or more also matches longer words that begin with it.
 */
export const SIGNALS = {
  greeting: phraseMatcher(['hallo', 'hoi', 'hey', 'hi', 'hello', 'hiya', 'goedemorgen', 'goedemiddag', 'goedenavond', 'good morning', 'good afternoon', 'good evening', 'dag', 'yo']),
  thanks: phraseMatcher(['bedankt', 'dank je', 'dank u', 'dankjewel', 'dankuwel', 'dank voor', 'thanks', 'thank you', 'thx', 'helpt', 'helps', 'helpful', 'top', 'super', 'duidelijk', 'fijn', 'great', 'perfect']),
  goodbye: phraseMatcher(['doei', 'dag dag', 'tot ziens', 'tot later', 'fijne dag', 'bye', 'goodbye', 'see you', 'have a nice day']),
  identity: phraseMatcher(['ben jij', 'ben je een', 'bent u een', 'wie ben', 'wat ben', 'are you', 'who are you', 'what are you', 'is dit een bot', 'is this a bot', 'praat ik met']),
  /** What the bot can do for you ("wat kun jij allemaal?"): answered as who it is, when nothing else is asked. */
  capabilities: phraseMatcher(['wat kun je', 'wat kun jij', 'wat kan je', 'wat kan jij', 'wat kunt u', 'waarmee kun je', 'waarmee kan je', 'waar kun je mee', 'what can you', 'what do you do', 'how can you help']),
  language: phraseMatcher(['engels', 'english', 'nederlands', 'dutch', 'in het engels', 'speak']),
  howAreYou: phraseMatcher(['hoe gaat het', 'hoe is het', 'how are you', 'hows it going']),
  /** Someone who wants a person, not an answer. */
  human: phraseMatcher([
    'een medewerker', 'medewerker spreken', 'een mens', 'met een mens', 'echte persoon', 'echt persoon', 'iemand spreken',
    'iemand te spreken', 'met iemand praten', 'met iemand spreken', 'met iemand bellen', 'contact met iemand',
    'iemand van het loket', 'iemand van jullie', 'doorverbind', 'doorverbonden', 'terugbel', 'teruggebeld', 'bel mij', 'bel me', 'backoffice',
    'back office', 'klacht', 'een adviseur', 'human', 'real person', 'an advisor', 'an adviser', 'call me', 'email me', 'e-mail me',
    'mail me', 'pass my question', 'pass on my question', 'pass my details', 'pass on my details', 'pass my contact', 'mijn gegevens door', 'gegevens doorgeven',
    'neem contact met mij op', 'contact met mij opnemen', 'contact met me opnemen', 'get in touch with me', 'contact me', 'reach out to me', 'complaint', 'speak to', 'speak with',
    // "talk to" only with a person: "before I start talking to schools" asks for nothing.
    'talk to someone', 'talk to somebody', 'talk to a person', 'talk to a human', 'talk to a real', 'talk to an actual', 'talk to a colleague', 'talk to staff',
    'talk to a staff', 'talk to an advis', 'talk to one of', 'talk to the desk', 'talk to a member', 'talk to your',
    'afspraak met iemand', 'een afspraak maken', 'in contact brengen', 'actual person', 'real human', 'someone real',
    'put me in touch', 'get me in touch', 'connect me', 'make an appointment', 'book an appointment',
  ]),
  /** Someone unhappy with the help they get: they should be offered a person. */
  unhappy: phraseMatcher([
    'je begrijpt me niet', 'je begrijpt het niet', 'je snapt het niet', 'je snapt me niet', 'begrijp je me niet', 'snap je het niet',
    'heb ik niks aan', 'heb ik niets aan', 'hier heb ik niks', 'nutteloos', 'waardeloos', 'zinloos', 'slechte bot', 'stomme bot',
    'domme bot', 'helpt niet', 'helpt me niet', 'helpt mij niet', 'frustrerend', 'gefrustreerd', 'irritant', 'ik word gek',
    'useless', 'not helpful', 'unhelpful', 'doesnt help', 'does not help', 'not helping', 'isnt helping', 'isnt helpful', 'you dont understand',
    'you do not understand', 'stupid bot', 'annoying', 'frustrating', 'frustrated', 'waste of time', 'tijdverspilling',
  ]),
  /** Attempts to change the bot's instructions or to get at data it must not give. */
  injection: phraseMatcher([
    'negeer', 'vergeet alles', 'vergeet je', 'vergeet wat', 'instructies', 'systeemprompt', 'system prompt', 'prompt',
    'ignore', 'disregard', 'forget everything', 'forget your', 'instructions', 'je bent nu', 'jij bent nu', 'you are now',
    'jailbreak', 'admin', 'developer mode', 'doe alsof', 'pretend', 'act as', 'verzin', 'make up', 'no restrictions',
    'geen beperkingen', 'rollenspel', 'roleplay',
  ]),
  /** Everyday subjects far from working in education. */
  offTopic: phraseMatcher([
    'weerbericht', 'weersverwachting', 'weather', 'recept', 'recipe', 'bake', 'bakken', 'koken', 'cook', 'huiswerk', 'homework', 'som',
    'sommen', 'solve', 'oplossen', 'belasting', 'tax', 'voetbal', 'football', 'soccer', 'eredivisie', 'kampioen', 'champion',
    'vlucht', 'flight', 'vakantie', 'holiday', 'reisbureau', 'hotel', 'film', 'movie', 'muziek', 'music', 'bitcoin', 'aandelen',
    'stocks', 'dokter', 'doctor', 'hypotheek', 'mortgage', 'gedicht', 'poem', 'grap', 'joke',
  ]),
  /** Words that place a message in the world of learning and working in education. */
  domain: phraseMatcher([
    'onderwijs', 'school', 'scholen', 'leraar', 'leraren', 'lerares', 'leerkracht', 'juf', 'meester', 'docent', 'lesgeven',
    'les geven', 'klas', 'pabo', 'opleiding', 'lerarenopleiding', 'stage', 'student', 'schoolleider', 'directeur',
    'onderwijsassistent', 'kinderopvang', 'bso', 'basisonderwijs', 'voortgezet', 'mbo', 'hbo', 'leerling', 'vacature',
    'baan', 'werken in', 'overstap', 'carriere', 'utrecht leert', 'loket', 'tekort', 'teacher', 'teach', 'education',
    'classroom', 'pupil', 'school board', 'schoolbestuur', 'career', 'vacanc', 'job', 'training', 'cursus', 'course', 'po', 'vo',
  ]),
  /** Comparing what is named ("het verschil tussen LAS I en LAS II"). */
  comparison: phraseMatcher(['verschil', 'verschillen', 'vergelijk', 'vergelijken', 'difference', 'differ', 'compare', 'versus', 'vs']),
  /** Asking for a number: facts with figures are preferred. */
  quantity: phraseMatcher([
    'hoeveel', 'hoe hoog', 'hoe groot', 'hoe oud', 'hoe erg', 'hoe ernstig', 'aantal', 'percentage', 'procent', 'cijfer', 'how many',
    'how much', 'how high', 'how big', 'how old', 'how bad', 'how serious', 'number of', 'percent',
  ]),
  /** Asking which route fits, without saying anything about oneself yet. */
  routeHelp: phraseMatcher(['welke route', 'past bij mij', 'past bij me', 'wat past', 'which route', 'what suits', 'suits me', 'fits me', 'right for me', 'waar begin ik', 'where do i start', 'where to start', 'hoe word ik', 'how do i become', 'how can i become', 'what would fit', 'what fits', 'would suit me', 'wat zou passen', 'wat zou bij mij passen']),
  /** Asking what there is for them: with a situation, a request for advice. */
  adviceRequest: phraseMatcher([
    'wat kan ik', 'wat moet ik', 'hebben jullie iets', 'hebben jullie', 'aanrader', 'tips', 'is er', 'kan ik me', 'voor mij', 'voor me',
    'hoe pak ik', 'hoe begin ik', 'op zoek naar', 'ik zoek', 'zoek ik', 'looking for', 'for me', 'how do i go about', 'how do i start',
    'welke opleiding', 'welke route', 'past bij', 'waar begin ik', 'waar moet ik', 'kunnen jullie', 'mogelijkheden', 'is dat mogelijk',
    'kan dat', 'is there', 'do you have', 'anything for', 'what can i', 'where do i start', 'where should i', 'can i follow',
    'any programme', 'any program', 'is that possible', 'could i', 'what are my options', 'what should i',
    'bestaat er', 'is er iets', 'iets dergelijks', 'zoiets', 'anything like that', 'any training', 'any course', 'is there anything',
  ]),
  /** Asking for a scheme or money: schemes that fund schools fit, whoever asks. */
  schemeRequest: phraseMatcher(['regeling', 'subsidie', 'financiering', 'geld voor', 'scheme', 'subsid', 'funding', 'grant', 'money for']),
  /** Speaking for a school: then schemes for schools fit too, not only routes for a person. */
  schoolPerspective: phraseMatcher(['onze school', 'wij zijn een', 'als school', 'ons team', 'onze scholen', 'our school', 'my school', 'we are a', 'as a school', 'our team']),
  /** Saying what one would like to do or become. */
  wish: phraseMatcher([
    'wil', 'willen', 'zou graag', 'zou willen', 'liever', 'overweeg', 'twijfel', 'droom', 'want', 'wants', 'rather',
    'want to', 'would like', 'id like', 'like to', 'love to', 'considering', 'thinking about', 'thinking of', 'not sure whether', 'hoping to',
  ]),
  /** Telling about one's own situation: a request for advice. */
  situation: phraseMatcher([
    'ik ben', 'ben ik', 'ik werk', 'werk ik', 'ik heb', 'heb ik', 'ik doe', 'ik studeer', 'ik zit', 'ik sta', 'ik woon', 'ik wil',
    'wil ik', 'ik zoek', 'mijn school', 'ik geef les', 'ik leid', 'mijn collega en ik', 'we willen', 'wij willen', 'we hebben', 'wij hebben',
    'i teach', 'i run a', 'i lead', 'i manage', 'my colleague and i', 'we want', 'we would like', 'we have',
    'wij zijn', 'onze school', 'ben ', 'i am', 'im', 'i work', 'i have', 'i study', 'i live', 'i want', 'i would like', 'id like',
    'i love', 'our school', 'my school', 'we are', 'mijn klas', 'mijn groep', 'mijn leerlingen', 'my class', 'my pupils', 'my students',
  ]),
  /**
   * Asking for someone close ("mijn zoon is 19 en wil ...", "is er iets voor mijn dochter?"): their situation counts
   * the same, unless the child is a pupil in what is told (see pupilContext).
   */
  closePerson: phraseMatcher([
    'mijn dochter', 'mijn zoon', 'mijn partner', 'mijn man', 'mijn vrouw', 'mijn vriend', 'mijn vriendin', 'my daughter', 'my son',
    'my partner', 'my husband', 'my wife', 'my friend',
  ]),
  /** A child who is a pupil ("mijn zoon zit in groep 5", "op de school van mijn dochter"): a parent's question, no route. */
  pupilContext: phraseMatcher([
    'zit in groep', 'zit in de klas', 'zit op de', 'zit op een', 'op de school van', 'school van mijn', 'zijn school', 'haar school', 'zijn klas',
    'haar klas', 'zijn juf', 'haar juf', 'zijn meester', 'haar meester', 'sons school', 'daughters school', 'kids school', 'childs school',
    'is in group', 'is in year', 'is in class', 'his school', 'her school', 'his teacher', 'her teacher',
  ]),
};
