import { z } from 'zod/v4';
import { phraseMatcher, tokenize, type PhraseMatcher } from '../knowledge/index.js';

/** What the qualification may learn about someone, each from a fixed list. */
export const PROFILE_VALUES = {
  diploma: ['mbo', 'havo', 'vwo', 'hbo', 'wo', 'foreign', 'other'],
  situation: ['student', 'other_sector', 'support_staff', 'teacher', 'leader', 'returner'],
  sector: ['po', 'vo', 'mbo', 'go', 'kinderopvang'],
  goal: ['teach', 'support', 'lead', 'explore'],
  time: ['full', 'alongside', 'short'],
} as const;

export type ProfileField = keyof typeof PROFILE_VALUES;
export type ProfileValue<F extends ProfileField = ProfileField> = (typeof PROFILE_VALUES)[F][number];
export const PROFILE_FIELDS = Object.keys(PROFILE_VALUES) as ProfileField[];

export const profileSchema = z.object({
  diploma: z.enum(PROFILE_VALUES.diploma).optional(),
  situation: z.enum(PROFILE_VALUES.situation).optional(),
  sector: z.enum(PROFILE_VALUES.sector).optional(),
  goal: z.enum(PROFILE_VALUES.goal).optional(),
  time: z.enum(PROFILE_VALUES.time).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Phrases (lowercase, no accents; four letters or more also match longer words) that say a value of a field. The
 * first matching value wins, so more specific phrases come first.
 */
const RECOGNISE: { [F in ProfileField]: [ProfileValue<F>, string[]][] } = {
  diploma: [
    ['foreign', ['buitenlands diploma', 'buitenlandse diploma', 'diploma uit', 'in het buitenland gestudeerd', 'in het buitenland gehaald', 'foreign diploma', 'foreign degree', 'diploma from', 'degree from', 'studied abroad', 'qualified abroad']],
    ['wo', ['wo', 'wo-diploma', 'universiteit', 'universitair', 'master', 'masters', 'university', 'academisch', 'research university']],
    ['hbo', ['hbo', 'hbo-diploma', 'hogeschool', 'bachelor', 'bachelors', 'applied sciences', 'pabo-diploma', 'propedeuse']],
    ['vwo', ['vwo', 'gymnasium', 'atheneum']],
    ['havo', ['havo']],
    ['mbo', ['mbo', 'mbo-diploma', 'mbo 4', 'mbo-4', 'niveau 4', 'vocational diploma']],
    ['other', ['geen diploma', 'vmbo', 'no diploma', 'anders', 'other']],
  ],
  situation: [
    ['returner', ['herintreder', 'lesgegeven', 'les gegeven', 'was leraar', 'was leerkracht', 'was juf', 'terug naar het onderwijs', 'weer lesgeven', 'used to teach', 'returner', 'former teacher', 'go back to teaching']],
    ['leader', ['ik ben directeur', 'ik ben schoolleider', 'ik ben adjunct', 'adjunct-directeur', 'als directeur', 'als schoolleider', 'ik ben teamleider', 'locatieleider', 'im a school leader', 'i am a school leader', 'head of', 'headteacher', 'principal', 'deputy head']],
    ['teacher', ['ik ben leerkracht', 'ik ben leraar', 'ik ben docent', 'ik ben juf', 'ik ben meester', 'schoolopleider', 'sta voor de klas', 'sta nu', 'voor groep', 'geef les', 'werk als leerkracht', 'werk als leraar', 'i am a teacher', 'im a teacher', 'i teach', 'teacher at']],
    ['student', ['student', 'studeer', 'studie', 'tussenjaar', 'pabostudent', 'doe de opleiding', 'doe nu de opleiding', 'volg de opleiding', 'volg een opleiding', 'gap year', 'studying', 'i study', 'doing mbo', 'doe mbo', 'zit op', 'stage']],
    ['support_staff', ['onderwijsassistent', 'klassenassistent', 'leraarondersteuner', 'onderwijsondersteuner', 'teaching assistant', 'classroom assistant', 'support staff']],
    ['other_sector', ['werk als', 'werk in de', 'werk bij', 'werkzaam', 'ander vak', 'andere sector', 'ander beroep', 'overstappen', 'overstap', 'carriereswitch', 'i work', 'work as', 'work in', 'career switch', 'another sector', 'engineer', 'accountant', 'verpleegkundige', 'nurse']],
  ],
  sector: [
    ['go', ['speciaal onderwijs', 'speciaal basisonderwijs', 'gespecialiseerd onderwijs', 'so-school', 'sbo', 'vso', 'special education', 'special needs']],
    ['kinderopvang', ['kinderopvang', 'pedagogisch medewerker', 'bso', 'buitenschoolse opvang', 'opvang', 'childcare', 'after-school care', 'daycare']],
    ['mbo', ['op een mbo', 'in het mbo', 'mbo-docent', 'docent mbo', 'at an mbo', 'vocational school', 'vocational education', 'roc']],
    ['vo', ['middelbare school', 'voortgezet onderwijs', 'vo', 'secondary school', 'secondary education', 'high school', 'havo-school', 'vmbo-school']],
    ['po', ['basisschool', 'basisonderwijs', 'primair onderwijs', 'po', 'groep 1', 'groep 8', 'primary school', 'primary education', 'kleuters', 'juf', 'meester']],
  ],
  goal: [
    ['explore', ['eerst ontdekken', 'ontdekken', 'uitproberen', 'proberen', 'kijken of', 'orienteren', 'twijfel', 'weet niet of', 'proeven', 'try out', 'find out', 'explore', 'not sure', 'get a taste']],
    ['lead', ['directeur worden', 'schoolleider worden', 'leidinggeven', 'leiding geven', 'doorgroeien naar', 'become a head', 'school leader', 'lead a school', 'leadership']],
    ['support', ['ondersteunen', 'ondersteuning', 'ondersteuner', 'assistent worden', 'als onderwijsassistent', 'onderwijsassistent worden', 'helpen in de klas', 'intern begeleider', 'support', 'assist', 'help out', 'classroom support']],
    ['teach', ['voor de klas', 'lesgeven', 'les geven', 'leraar worden', 'leerkracht worden', 'juf worden', 'meester worden', 'docent worden', 'lesgeef', 'to teach', 'teach at', 'teach in', 'teaching job', 'into teaching', 'become a teacher', 'be a teacher', 'become a primary', 'become a secondary']],
  ],
  time: [
    ['short', ['tussenjaar', 'paar maanden', 'een paar maanden', 'gap year', 'few months', 'couple of months']],
    ['alongside', ['naast mijn baan', 'naast mijn werk', 'naast mijn studie', 'dag per week', 'een dag in de week', 'parttime', 'part-time', 'deeltijd', 'alongside', 'next to my job', 'day a week', 'without quitting']],
    ['full', ['fulltime', 'full-time', 'voltijd', 'nieuwe baan', 'helemaal overstappen', 'switch careers', 'full time', 'new job']],
  ],
};

const MATCHERS = Object.fromEntries(
  PROFILE_FIELDS.map((field) => [field, RECOGNISE[field].map(([value, phrases]) => ({ value, matcher: phraseMatcher(phrases) }))]),
) as { [F in ProfileField]: { value: ProfileValue<F>; matcher: PhraseMatcher }[] };

/** "Richting hbo", "naar de pabo": where someone wants to go, not the diploma they have. */
const ASPIRATION = /\b(richting|naar( de| het)?|towards|to do an?)\s+(mbo|havo|vwo|hbo|wo|universiteit|pabo|bachelor|master)\b/gi;

/** The value of one field that a message states, if any. */
export function readField<F extends ProfileField>(field: F, text: string): ProfileValue<F> | undefined {
  const words = tokenize(field === 'diploma' ? text.replace(ASPIRATION, ' ') : text);
  return MATCHERS[field].find((m) => m.matcher.matches(words).length > 0)?.value;
}

/** Everything a free-text message says about someone ("ik ben 42, accountant met een hbo-diploma ..."). */
export function readProfile(text: string): Profile {
  const profile: Profile = {};
  for (const field of PROFILE_FIELDS) {
    const value = readField(field, text);
    if (value) Object.assign(profile, { [field]: value });
  }
  return profile;
}
