import { PROFILE_VALUES, type Profile, type ProfileField } from './profile.js';

/**
 * Which routes fit a profile, as plain rules kept as data. Each route (a topic id of the knowledge) may require
 * some answers, is ruled out by others, and gains weight for each answer that speaks for it; what a rule rewards
 * follows what the sources say the route is for. The answers that made a route fit are its reason.
 */
type Values<F extends ProfileField> = readonly (typeof PROFILE_VALUES)[F][number][];
type Condition = { [F in ProfileField]?: Values<F> };
type Term = { [F in ProfileField]: { field: F; values: Values<F>; weight: number; show?: string } }[ProfileField];

interface RouteRule {
  /** Every listed field must have one of its values. */
  requires?: Condition;
  /** Any listed value rules the route out. */
  excludes?: Condition;
  /** Weight the route has once it is not ruled out. */
  base?: number;
  terms?: Term[];
}

/** A profile value that counts for a route; `show` names a word of the fact that explains the route best for it. */
const term = <F extends ProfileField>(field: F, values: Values<F>, weight: number, show?: string): Term =>
  ({ field, values, weight, ...(show ? { show } : {}) }) as Term;

export const RULES: Readonly<Record<string, RouteRule>> = {
  'zij-instroom': {
    excludes: {
      diploma: ['mbo', 'havo', 'vwo', 'foreign', 'other'],
      sector: ['mbo', 'kinderopvang'],
      goal: ['lead', 'support'],
      situation: ['teacher', 'leader', 'returner'],
      time: ['short', 'alongside'],
    },
    base: 0.1,
    terms: [
      term('goal', ['teach'], 0.35),
      term('goal', ['explore'], 0.2, 'oriëntatiefase'),
      term('diploma', ['hbo', 'wo'], 0.35),
      term('situation', ['other_sector', 'support_staff'], 0.2),
      term('sector', ['po'], 0.1),
      // Utrecht Leert's own track is for primary schools; for secondary ones the sources only state a wish.
      term('sector', ['vo'], 0, 'voortgezet onderwijs (vo)'),
    ],
  },
  'pabo-deeltijd': {
    requires: { goal: ['teach'] },
    excludes: { diploma: ['foreign', 'other'], situation: ['teacher', 'leader'], sector: ['vo', 'mbo', 'kinderopvang'], time: ['short'] },
    base: 0.4,
    terms: [term('sector', ['po'], 0.2), term('diploma', ['mbo', 'havo', 'vwo'], 0.3, 'toelatingstoetsen')],
  },
  'ad-pep': {
    excludes: { diploma: ['hbo', 'wo', 'foreign'], goal: ['lead'], situation: ['teacher', 'leader'] },
    terms: [
      term('situation', ['support_staff'], 0.45),
      term('goal', ['support'], 0.3),
      term('diploma', ['mbo', 'havo'], 0.25, 'mbo-4'),
      term('sector', ['go'], 0.15),
    ],
  },
  'pedagogisch-verbinder': {
    excludes: { diploma: ['hbo', 'wo', 'foreign'], situation: ['teacher', 'leader'], goal: ['lead'] },
    terms: [term('situation', ['student'], 0.2), term('diploma', ['mbo'], 0.2), term('sector', ['kinderopvang'], 0.45), term('goal', ['support'], 0.15)],
  },
  'onderwijs-challenge': {
    excludes: { situation: ['teacher', 'leader', 'returner', 'support_staff', 'other_sector'], goal: ['lead'], time: ['alongside', 'full'] },
    terms: [term('situation', ['student'], 0.3), term('goal', ['explore'], 0.35), term('time', ['short'], 0.35)],
  },
  onderwijsambassadeur: {
    excludes: { situation: ['teacher', 'leader', 'student', 'support_staff', 'returner'], goal: ['lead'] },
    terms: [term('situation', ['other_sector'], 0.3), term('goal', ['explore', 'support'], 0.25), term('time', ['alongside'], 0.45)],
  },
  pdg: { requires: { sector: ['mbo'] }, base: 0.55, terms: [term('goal', ['teach'], 0.3), term('diploma', ['hbo', 'wo'], 0.15)] },
  'las-1': { requires: { goal: ['lead'] }, base: 0.5, terms: [term('situation', ['teacher'], 0.4), term('situation', ['leader'], 0.1)] },
  'las-2': { requires: { situation: ['leader'] }, base: 0.5, terms: [term('goal', ['lead'], 0.35)] },
  'ib-kc': { requires: { situation: ['teacher'], goal: ['support'] }, base: 0.85 },
  'minor-go': { requires: { situation: ['student'], sector: ['go'] }, base: 0.85 },
  herintreders: { requires: { situation: ['returner'] }, base: 0.9 },
  // The national desk advises on what the regional programmes do not cover: foreign diplomas, secondary education.
  'landelijk-onderwijsloket': { terms: [term('diploma', ['foreign'], 0.85), term('sector', ['vo'], 0.6)] },
};

/** One answer of the profile that speaks for a route. */
export interface ReasonPart {
  field: ProfileField;
  value: string;
}

export interface Recommendation {
  routeId: string;
  score: number;
  /** The answers that made the route fit, in the order of the profile fields. */
  because: ReasonPart[];
  /** A word of the route's fact that explains it best for this person, if any. */
  show?: string;
}

/** A route is suggested from this score on, and when it is not far below the best. */
const SUGGEST = 0.5;
const NEAR_BEST = 0.6;
const MAX_ROUTES = 3;
/** Sure enough to recommend without asking more. */
const CONFIDENT = 0.8;

const holds = (profile: Profile, condition: Condition | undefined, field: ProfileField) => {
  const value = profile[field];
  const values = condition?.[field] as readonly string[] | undefined;
  return value !== undefined && values !== undefined && values.includes(value);
};
const FIELDS = Object.keys(PROFILE_VALUES) as ProfileField[];
/** The order in which a reason names the answers: "je hebt een hbo-diploma en je wilt lesgeven in ...". */
const REASON_ORDER: readonly ProfileField[] = ['diploma', 'situation', 'goal', 'sector', 'time'];

function score(routeId: string, rule: RouteRule, profile: Profile): Recommendation {
  const none = { routeId, score: 0, because: [] };
  if (FIELDS.some((f) => holds(profile, rule.excludes, f))) return none;
  const required = FIELDS.filter((f) => rule.requires?.[f]);
  if (!required.every((f) => holds(profile, rule.requires, f))) return none;
  const matched = (rule.terms ?? []).filter((t) => holds(profile, { [t.field]: t.values }, t.field));
  const total = Math.min(1, matched.reduce((sum, t) => sum + t.weight, rule.base ?? 0));
  const reasonFields = new Set([...required, ...matched.map((t) => t.field)]);
  const because = REASON_ORDER.filter((f) => reasonFields.has(f)).map((field) => ({ field, value: profile[field] ?? '' }));
  const show = matched.find((t) => t.show)?.show;
  return { routeId, score: total, because, ...(show ? { show } : {}) };
}

/** The routes that fit a profile, best first (at most three). */
export function recommend(profile: Profile, available: (routeId: string) => boolean = () => true): Recommendation[] {
  const scored = Object.entries(RULES)
    .filter(([id]) => available(id))
    .map(([id, rule]) => score(id, rule, profile))
    .sort((a, b) => b.score - a.score);
  const top = scored[0]?.score ?? 0;
  return scored.filter((r) => r.score >= SUGGEST && r.score >= top * NEAR_BEST).slice(0, MAX_ROUTES);
}

/** Whether a profile already points to one route clearly enough to recommend it at once. */
export function isClear(profile: Profile, available?: (routeId: string) => boolean): boolean {
  const [best, second] = recommend(profile, available);
  return best !== undefined && best.score >= CONFIDENT && (second?.score ?? 0) < best.score;
}

/** The order in which the qualification asks. */
export const ASK_ORDER: readonly ProfileField[] = ['goal', 'situation', 'diploma', 'sector', 'time'];

/**
 * The next thing to ask: the first open field whose answer would change the advice. Undefined when the advice is
 * clear or nothing left would change it. Rare answers (a foreign diploma) are no reason to ask: they come up by
 * themselves.
 */
export function nextQuestion(profile: Profile, skipped: readonly ProfileField[] = [], available?: (routeId: string) => boolean): ProfileField | undefined {
  if (isClear(profile, available)) return undefined;
  const best = recommend(profile, available)[0]?.routeId ?? 'none';
  return ASK_ORDER.find((field) => {
    if (profile[field] !== undefined || skipped.includes(field)) return false;
    const values = PROFILE_VALUES[field].filter((v) => v !== 'foreign' && v !== 'other');
    return values.some((value) => (recommend({ ...profile, [field]: value }, available)[0]?.routeId ?? 'none') !== best);
  });
}

/** A field still open that may sharpen the advice, for "verfijn mijn advies". */
export function refineQuestion(profile: Profile, skipped: readonly ProfileField[] = []): ProfileField | undefined {
  return ASK_ORDER.find((field) => profile[field] === undefined && !skipped.includes(field));
}
