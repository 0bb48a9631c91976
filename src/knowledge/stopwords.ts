import type { Lang } from './model.js';

/** Function words that carry no topic (folded: lowercase, no accents). Question words are here too: aspects are read separately. */
const nl = `de het een en of maar als dan dat die dit deze daar hier er wat wie welk welke waar wanneer waarom hoe hoeveel
hoelang ik je jij u uw mij me mijn jouw jullie we wij ons onze hij zij ze haar hem hun zijn ben is was waren wordt worden
werd geweest heb hebt heeft hebben had kan kun kunt kunnen kon mag mogen moet moeten wil wilt willen zou zouden zal zult
gaat gaan ga doe doet doen in op aan met voor van naar bij uit over tot om door te ook nog al wel niet geen nee ja dus
zo heel erg veel meer meest nu even eens eigenlijk precies graag toch iets iemand alles alle elke ieder via per na
tegen zonder sinds tussen onder boven binnen buiten dan daarna af mee toe weer echt gewoon misschien nou hoor he hallo
hoi beste bedankt dank vraag vragen vraagje weten weet zeggen vertellen uitleggen klopt svp aub alstublieft net klaar
helemaal opnieuw tips tip eerst lijkt leuk zeker soms vaak beetje dingen ding weleens interessant benieuwd help helpen
jou jouw hen iets welk zit zitten zat staat staan stond komt komen kwam maakt maken gaan ging gebeurt eens
erbij ermee erover daarvoor daarmee hierover groot grote hoog hoge erg kijkt kijken laat laten liet
allemaal zon moment tijdens houdt inhoudt
haha lol oke ok zei zegt hoorde gehoord zag gezien gelezen genoemd steeds ergens bedoelen bedoel bedoelt betekent betekenen gepland
cijfers cijfer getallen last meteen krijg krijgt krijgen kreeg kregen gekregen
daarin daarvan daarop daaraan daaruit daarbij hierin hiervan waarin waarvan waarop waarmee erin ervan erop eraan`;

const en = `the a an and or but if then that this these those there here what who whom which where when why how many much
i you your me my mine we us our ours he she it they them their his her its am is are was were be been being do does did
doing have has had having can could may might must shall should will would to of in on at by for with about from into
over under up down out off again also too not no yes so very just any some all each every more most other such only own
same than please thanks thank hi hello hey tell know explain there's what's whats i'm im it's its don't dont can't
cant is there do you get like actually exactly really love would could maybe first got want wanted thing things
interested wondering wonder curious help become became becoming anything something possible gets bad big high large
take takes taking took make makes ever moment currently during
haha lol ok okay saw seen heard hear hearing mentioned mention noticed said says somewhere keep guess idea mean means
someone somebody anyone anybody everyone true planned figures numbers statistics stats immediately pls plz ed fast quickly`;

const toSet = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

export const STOPWORDS: Record<Lang, ReadonlySet<string>> = { nl: toSet(nl), en: toSet(en) };
