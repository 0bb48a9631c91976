import { fold } from './text.js';

/**
 * Words that mean the same in this domain (folded, single words). A question with one finds facts with another:
 * "basisonderwijs" finds "primair onderwijs (po)", "juf" finds "leraar", "directeur" finds "schoolleider".
 */
const GROUPS: readonly string[][] = [
  ['po', 'primair', 'basisonderwijs', 'basisschool', 'basisscholen', 'primary'],
  ['groei', 'gegroeid', 'gestegen', 'toegenomen', 'stijging', 'grown', 'growth', 'risen', 'rise', 'increase', 'increased'],
  ['uitval', 'uitvallen', 'uitvallers', 'afhaken', 'haken', 'afhakers', 'dropout', 'uitstromen'],
  ['2', 'twee', 'two'],
  ['3', 'drie', 'three'],
  ['4', 'vier', 'four'],
  ['5', 'vijf', 'five'],
  ['vo', 'voortgezet', 'middelbare', 'secondary'],
  ['gespecialiseerd', 'speciaal', 'special', 'sbo', 'vso'],
  ['leraar', 'leraren', 'leerkracht', 'leerkrachten', 'docent', 'docenten', 'juf', 'meester', 'onderwijzer', 'teacher', 'teachers'],
  ['schoolleider', 'schoolleiders', 'directeur', 'directeuren', 'leidinggevende', 'principal', 'headteacher'],
  ['tekort', 'tekorten', 'lerarentekort', 'personeelstekort', 'shortage', 'shortages'],
  ['ziekteverzuim', 'verzuim', 'ziek', 'sick', 'absence'],
  ['salaris', 'salarissen', 'loon', 'verdienen', 'verdien', 'salary', 'salaries', 'wage', 'wages', 'earn'],
  ['mensen', 'medewerkers', 'personeel', 'werknemers', 'people', 'staff', 'employees'],
  ['oud', 'leeftijd', 'age', 'old'],
  ['geld', 'financiering', 'subsidie', 'bekostiging', 'money', 'funding', 'subsidy'],
  ['idee', 'ideeen', 'suggestie', 'suggesties', 'idea', 'ideas', 'suggestion'],
  ['kosten', 'kost', 'prijs', 'cost', 'costs', 'price', 'fee'],
  ['nieuwkomer', 'nieuwkomers', 'newcomer', 'newcomers'],
  ['onderwijsassistent', 'onderwijsassistenten', 'klassenassistent', 'assistant', 'assistants'],
  ['lesgeven', 'lesgeeft', 'onderwijzen', 'teach', 'teaching'],
  ['student', 'studenten', 'students', 'studeren', 'studeert', 'studying', 'stagiair', 'stagiairs', 'stagiaire', 'intern', 'interns'],
  ['aanmelden', 'inschrijven', 'opgeven', 'register', 'enrol', 'enroll'],
  ['instroom', 'instromer', 'instromers', 'inflow'],
  ['uitstroom', 'uitstromer', 'uitstromers', 'outflow'],
  ['bestaat', 'bestaan', 'opgezet', 'opgericht', 'ontstaan', 'exist', 'exists', 'existed', 'founded', 'established'],
  ['inhuren', 'inhuur', 'huren', 'ingehuurd', 'hire', 'hiring', 'hired'],
  ['uitval', 'uitvallen', 'stoppen', 'stoppers', 'verlaten', 'dropout', 'drop', 'leave', 'quit'],
];

const byWord = new Map<string, readonly string[]>();
for (const group of GROUPS) for (const word of group) byWord.set(fold(word), group);

/** The other words with the same meaning (empty when there are none). */
export function synonymsOf(word: string): readonly string[] {
  return (byWord.get(word) ?? []).filter((w) => w !== word);
}
