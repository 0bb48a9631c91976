import { phraseMatcher, type PhraseHit, type PhraseMatcher } from './phrases.js';
import type { Field } from './schema.js';

/**
 * What a question asks about a topic ("how long", "what does it cost"), read from trigger phrases in Dutch and
 * English. Strong phrases decide; weak ones ("hoeveel", "how much") only count when nothing strong was found.
 */
const PHRASES: Record<Field, { strong: string[]; weak: string[] }> = {
  what: {
    strong: ['wat is', 'wat zijn', 'wat doet', 'wat houdt', 'wat betekent', 'wat bedoel', 'bedoelen ze', 'bedoelen jullie', 'bedoelt men', 'wordt bedoeld', 'betekenis', 'staat voor', 'waar staat', 'uitleg', 'what is', 'whats', 'what are', 'what does', 'what exactly', 'stand for', 'mean', 'explain', 'hoe werkt', 'how does'],
    weak: ['wat', 'what'],
  },
  audience: {
    strong: [
      'voor wie', 'wie kan', 'wie kunnen', 'wie mag', 'wie mogen', 'doelgroep', 'bedoeld voor', 'kan ik meedoen', 'mag ik meedoen', 'kan ik ook meedoen', 'mag ik ook meedoen', 'for whom', 'who can',
      'who may', 'who is it for', 'alleen voor', 'ook voor', 'is it just for', 'is it only for', 'only for', 'just for', 'also for', 'aimed at', 'meant for', 'can i join', 'can i take part', 'can i participate', 'can i also join', 'am i allowed to join', 'who can take part',
    ],
    weak: [],
  },
  requirements: {
    strong: ['eis', 'voorwaard', 'toelat', 'toegelat', 'vooropleiding', 'vereist', 'nodig', 'leeftijd', 'maximumleeftijd', 'minimumleeftijd', 'te oud', 'vog', 'assessment', 'geschiktheid', 'diploma', 'erkend', 'erkenning', 'requirement', 'admission', 'admitted', 'eligib', 'qualif', 'need', 'age limit', 'too old', 'degree', 'recogni'],
    weak: ['mag ik', 'kan ik', 'can i', 'oud', 'old'],
  },
  duration: {
    strong: ['hoe lang', 'hoelang', 'hoeveel tijd', 'tijd kwijt', 'how much time', 'duur', 'duurt', 'per week', 'dagen', 'dagdel', 'uren', 'uur', 'maanden', 'weken', 'jaar duurt', 'tijdsinvestering', 'periode', 'looptijd', 'how long', 'duration', 'lasts', 'last for', 'does it last', 'days', 'hours', 'months', 'weeks', 'a week', 'time commitment', 'period', 'run from', 'runs from'],
    weak: [],
  },
  start: {
    strong: ['wanneer', 'start de', 'start het', 'start er', 'start een', 'startdatum', 'begint', 'beginnen', 'volgende', 'datum', 'deadline', 'uiterlijk', 'when', 'next', 'date', 'intake', 'instroommoment', 'nieuwe groep', 'nieuwe ronde', 'new group', 'new round', 'does it start'],
    weak: [],
  },
  costs: {
    strong: ['kost', 'prijs', 'betal', 'betaald', 'geld', 'gratis', 'vergoed', 'subsidie', 'financier', 'bekostig', 'collegegeld', 'lesgeld', 'euro', 'budget', 'cost', 'price', 'pay', 'paid', 'fee', 'free', 'fund', 'tuition', 'money', 'reimburs', 'subsid', 'grant'],
    weak: [],
  },
  provider: {
    strong: ['wie organiseert', 'wie regelt', 'regelt', 'welke school', 'welke scholen', 'welke mbo', 'welke hogeschool', 'bij welke', 'aanbieder', 'organiseert', 'samenwerk', 'partner', 'locatie', 'waar zit', 'waar zitten', 'adres', 'address', 'where is', 'where are', 'located', 'who runs', 'who organis', 'which school', 'which college', 'provider', 'offered by', 'does it work with', 'do they work with', 'does she work with', 'does he work with', 'organis', 'doen mee', 'doet mee', 'deelnemende', 'betrokken', 'involved', 'take part', 'participating'],
    weak: ['waar', 'where', 'wie', 'who'],
  },
  results: {
    strong: [
      'resultat', 'opbrengst', 'opgeleverd', 'evaluatie', 'geevalueerd', 'deelnemers', 'gecertificeerd', 'certificaat', 'geslaagd',
      'afgestudeerd', 'diploma-uitreiking', 'doorgaan', 'gaat door', 'toekomst', 'blijft', 'wordt voortgezet', 'voortgezet wordt', 'voortgezet worden', 'voortzetting', 'terugkomen',
      'komt terug', 'structureel', 'vast aangeboden', 'na 2025', 'eenmalig', 'result', 'outcome', 'evaluat', 'participant', 'turn out',
      'turned out', 'certified', 'graduat', 'continue', 'future', 'come back', 'after 2025', 'permanent', 'one-off',
    ],
    weak: ['hoeveel', 'how many', 'how much'],
  },
  next_step: {
    strong: ['daarna', 'na afloop', 'vervolg', 'volgende stap', 'wat gebeurt er na', 'wat gebeurt er als', 'wat gebeurt er dan', 'voorbij zijn', 'voorbij is', 'afgelopen is', 'afgelopen zijn', 'what happens after', 'what happens when', 'baan op', 'a job at', 'job afterwards', 'doorstro', 'blijven werken', 'blijf werken', 'afterwards', 'next step', 'follow-up', 'after that', 'stay on', 'keep working'],
    weak: [],
  },
  contact: {
    strong: ['aanmeld', 'meld ik', 'meld je je', 'meld me', 'inschrijv', 'schrijf ik me', 'schrijf je je', 'geef ik me op', 'geef je je op', 'opgeven', 'meedoen', 'hoe kan ik meedoen', 'hoe doe ik mee', 'how can i join', 'how do i join', 'how can i take part', 'how do i take part', 'mail', 'contact', 'bij wie', 'met wie', 'website', 'site', 'vraag kwijt', 'vragen kwijt', 'sign up', 'register', 'apply', 'enrol', 'who do i', 'who can i', 'where can i', 'reach', 'joining', 'to join', 'i join'],
    weak: [],
  },
};

/** Phrases that hold an aspect word but name a thing: "extra uren" are hours to be had, not how long it takes. */
const NOT_ASPECTS = phraseMatcher(['extra uren', 'extra tijd', 'meer uren', 'meer tijd', 'tijd tekort', 'extra hours', 'extra time', 'more hours', 'more time']);

const matchers = Object.entries(PHRASES).map(([field, { strong, weak }]) => ({
  field: field as Field,
  strong: phraseMatcher(strong),
  weak: phraseMatcher(weak),
})) satisfies { field: Field; strong: PhraseMatcher; weak: PhraseMatcher }[];

export interface AspectReading {
  fields: Field[];
  /** Whether the fields come from strong phrases ("hoe lang") rather than only weak ones ("kan ik"). */
  strong: boolean;
  /** Positions of the words that signalled an aspect: they say nothing about which fact answers. */
  hits: PhraseHit[];
}

/** The aspects a message asks about; words inside a topic's name ("anders organiseren") are not read as aspects. */
export function readAspects(words: readonly string[], isName: (position: number) => boolean = () => false): AspectReading {
  const strong = new Set<Field>();
  const weak = new Set<Field>();
  const hits: PhraseHit[] = [];
  const things = NOT_ASPECTS.matches(words);
  const outsideNames = (h: PhraseHit) => !Array.from({ length: h.end - h.start }, (_, i) => h.start + i).some((i) => isName(i) || things.some((t) => i >= t.start && i < t.end));
  const found = (kind: 'strong' | 'weak') => matchers.flatMap((m) => m[kind].matches(words).filter(outsideNames).map((hit) => ({ field: m.field, hit })));
  for (const { field, hit } of withoutOverlaps(found('strong'))) {
    strong.add(field);
    hits.push(hit);
  }
  for (const { field, hit } of withoutOverlaps(found('weak'))) {
    weak.add(field);
    hits.push(hit);
  }
  return { fields: strong.size ? [...strong] : [...weak], strong: strong.size > 0, hits };
}

/**
 * Phrases of different aspects that share words: the one that starts first reads the words ("met wie kan ik" asks
 * whom to contact, not who can take part), and at the same start the longer one.
 */
function withoutOverlaps<T extends { field: Field; hit: PhraseHit }>(found: T[]): T[] {
  const sorted = [...found].sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end);
  const kept: T[] = [];
  for (const f of sorted) {
    const overlapping = kept.some((k) => k.field !== f.field && f.hit.start < k.hit.end && k.hit.start < f.hit.end);
    if (!overlapping) kept.push(f);
  }
  return kept;
}
