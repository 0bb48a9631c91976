import { z } from 'zod/v4';
import { MESSAGES, type Knowledge, type Lang } from '../knowledge/index.js';
import type { Routing } from '../tickets/index.js';
import { isBack, isSkip, yesOrNo } from './commands.js';
import { pick, say, type DialogReply, type Flow, type Input, type Settled, type Step } from './flow.js';
import type { HandoffRequest } from './handoff.js';
import { DIALOG_MESSAGES } from './messages.js';
import { PROFILE_FIELDS, profileSchema, readProfile, type Profile, type ProfileField } from './profile.js';
import { nextQuestion, recommend, refineQuestion, type Recommendation } from './recommend.js';
import { reasonText, recommendationText } from './recommendation-text.js';

const fieldSchema = profileSchema.keyof();

const stateSchema = z.object({
  phase: z.enum(['asking', 'recommended']),
  profile: profileSchema,
  asked: fieldSchema.optional(),
  /** Fields in the order they were answered, so "terug" can undo the last one. */
  answered: z.array(fieldSchema),
  skipped: z.array(fieldSchema),
  misses: z.number().int(),
});
export type QualifyState = z.infer<typeof stateSchema>;
type Settles = Settled<QualifyState, HandoffRequest>;

export interface QualifyOptions {
  /** What the person already told in free text. */
  profile: Profile;
}

export interface QualifyDeps {
  knowledge: Knowledge;
  routing: Routing;
  /** Reads a profile from free text with a language model, when one is configured; its own reading comes first. */
  readProfile?: (text: string) => Promise<Profile>;
}

/** Fewer words than this are a button or a short answer, not a description of oneself. */
const WORDS_OF_A_DESCRIPTION = 4;

/** Twice in a row an answer that is not understood: the question is skipped. */
const MAX_MISSES = 2;

export function createQualifyFlow({ knowledge, routing, readProfile: modelReading }: QualifyDeps): Flow<QualifyState, QualifyOptions, HandoffRequest> {
  const available = (routeId: string) => knowledge.topicById.has(routeId);
  const label = (routeId: string, lang: Lang) => knowledge.topicById.get(routeId)?.label[lang] ?? routeId;

  const question = (field: ProfileField, lang: Lang, before = ''): DialogReply => {
    const m = DIALOG_MESSAGES[lang];
    const choices: string[] = Object.values(m.choices[field]);
    return say(lang, 'qualify', [before, m.questions[field]].filter(Boolean).join(' '), { suggestions: [...choices, m.skip] });
  };

  const preview = (recs: readonly Recommendation[], lang: Lang): DialogReply => {
    const { text, citations } = recommendationText(knowledge, recs, lang, DIALOG_MESSAGES[lang].maybe);
    return say(lang, 'recommendation', text, { citations, routeIds: recs.map((r) => r.routeId) });
  };

  const ask = (state: QualifyState, field: ProfileField, lang: Lang, before: DialogReply[] = [], intro = ''): Settles => ({
    kind: 'continue',
    state: { ...state, phase: 'asking', asked: field, misses: 0 },
    replies: [...before, question(field, lang, intro)],
  });

  const advise = (state: QualifyState, lang: Lang): Settles => {
    const m = DIALOG_MESSAGES[lang];
    const recs = recommend(state.profile, available);
    const done: QualifyState = { phase: 'recommended', profile: state.profile, answered: state.answered, skipped: state.skipped, misses: 0 };
    if (!recs.length) {
      return { kind: 'continue', state: done, replies: [say(lang, 'recommendation', m.nothingFits, { suggestions: [m.introduce, MESSAGES[lang].talkToPerson] })] };
    }
    const top = recs[0]?.routeId;
    const { text, citations } = recommendationText(knowledge, recs, lang, m.fits);
    const more = recs.slice(0, 2).map((r) => `${label(r.routeId, lang)}: ${MESSAGES[lang].followUp.what}`);
    const refine = refineQuestion(state.profile, state.skipped) ? [m.refine] : [];
    return {
      kind: 'continue',
      state: done,
      replies: [
        say(lang, 'recommendation', text, { citations, routeIds: recs.map((r) => r.routeId) }),
        say(lang, 'recommendation', m.nextSteps(routing.destinationFor(top).name[lang]), { suggestions: [m.introduce, ...more, ...refine], routeIds: recs.map((r) => r.routeId) }),
      ],
    };
  };

  /** After an answer: ask what still tells the routes apart, or advise. */
  const proceed = (state: QualifyState, lang: Lang, before: DialogReply[] = []): Settles => {
    const field = nextQuestion(state.profile, state.skipped, available);
    if (!field) {
      const advice = advise(state, lang);
      return { ...advice, replies: [...before, ...advice.replies] };
    }
    return ask(state, field, lang, before);
  };

  /** What the ticket gets: the answers as values, and the advice in Dutch, for the staff who read it. */
  const handoff = (state: QualifyState): HandoffRequest => {
    const recs = recommend(state.profile, available);
    const top = recs[0];
    const profile = Object.keys(state.profile).length ? { profile: { ...state.profile } } : {};
    if (!top) return { kind: 'escalation', reason: 'asked', ...profile };
    return {
      kind: 'introduction',
      reason: 'recommendation',
      routeId: top.routeId,
      ...profile,
      recommendation: recs.map((r) => ({ routeId: r.routeId, reason: reasonText(r.because, 'nl') })),
    };
  };

  const whileRecommended = (state: QualifyState, input: Input): Settles => {
    const { text, lang } = input;
    const buttons = (l: Lang) => ({ introduce: DIALOG_MESSAGES[l].introduce, refine: DIALOG_MESSAGES[l].refine });
    const choice = pick(text, [buttons('nl'), buttons('en')]);
    if (choice === 'introduce' || yesOrNo(text) === 'yes') return { kind: 'end', replies: [], next: handoff(state) };
    const refine = choice === 'refine' ? refineQuestion(state.profile, state.skipped) : undefined;
    if (refine) return ask(state, refine, lang);
    // Anything else (a question, "Welke route past bij mij?" to start over) is a new message for the rest of the bot.
    return { kind: 'end', replies: [], passOn: true };
  };

  /** What free text tells: the rules' own reading first, the model's (if any) for what they missed. */
  const reading = async (text: string, own: Profile = readProfile(text)): Promise<Profile> => {
    const clicked = [MESSAGES.nl.whichRoute, MESSAGES.en.whichRoute].includes(text.trim());
    if (!modelReading || clicked || text.trim().split(/\s+/).length < WORDS_OF_A_DESCRIPTION) return own;
    return { ...(await modelReading(text)), ...own };
  };

  const whileAsking = async (state: QualifyState, input: Input): Promise<Step<QualifyState, HandoffRequest>> => {
    const { text, lang } = input;
    const field = state.asked;
    if (!field) return proceed(state, lang);
    if (isSkip(text)) return proceed({ ...state, skipped: [...state.skipped, field] }, lang);
    const labels = (l: Lang) => Object.fromEntries(Object.entries(DIALOG_MESSAGES[l].choices[field]));
    const chosen = pick(text, [labels('nl'), labels('en')]);
    const told: Profile = chosen ? profileSchema.parse({ [field]: chosen }) : await reading(text);
    const fields = PROFILE_FIELDS.filter((f) => told[f] !== undefined);
    if (!fields.length) return { kind: 'unclear', state };
    const answered = [...state.answered.filter((f) => !fields.includes(f)), ...fields];
    return proceed({ ...state, profile: { ...state.profile, ...told }, answered }, lang);
  };

  return {
    stateSchema,

    async begin(options, input) {
      // Triage has read the message with the rules already.
      const profile = await reading(input.text, options.profile);
      const state: QualifyState = { phase: 'asking', profile, answered: PROFILE_FIELDS.filter((f) => profile[f] !== undefined), skipped: [], misses: 0 };
      const field = nextQuestion(profile, [], available);
      if (!field) return advise(state, input.lang);
      const recs = recommend(profile, available);
      const m = DIALOG_MESSAGES[input.lang];
      return recs.length ? ask(state, field, input.lang, [preview(recs, input.lang)], m.oneMore) : ask(state, field, input.lang, [], m.qualifyStart);
    },

    async continue(state, input) {
      if (isBack(input.text)) {
        const last = state.answered.at(-1);
        if (!last) return ask(state, state.asked ?? 'goal', input.lang, [], DIALOG_MESSAGES[input.lang].nothingToGoBackTo);
        const profile = profileSchema.parse(Object.fromEntries(Object.entries(state.profile).filter(([field]) => field !== last)));
        return ask({ ...state, profile, answered: state.answered.slice(0, -1), skipped: state.skipped.filter((f) => f !== last) }, last, input.lang);
      }
      return state.phase === 'recommended' ? whileRecommended(state, input) : whileAsking(state, input);
    },

    async reprompt(state, input, answered) {
      const m = DIALOG_MESSAGES[input.lang];
      const field = state.asked;
      if (!field) return advise(state, input.lang);
      if (!answered && state.misses + 1 >= MAX_MISSES) return proceed({ ...state, skipped: [...state.skipped, field] }, input.lang);
      const step = ask(state, field, input.lang, [], answered ? m.resume : m.notUnderstood);
      return step.kind === 'continue' ? { ...step, state: { ...step.state, misses: state.misses + 1 } } : step;
    },

    async onHumanRequest(state) {
      const request = handoff(state);
      return { kind: 'end', replies: [], next: { ...request, kind: 'escalation', reason: 'asked' } };
    },

    async stop(_state, input) {
      return [say(input.lang, 'stopped', DIALOG_MESSAGES[input.lang].qualifyStopped)];
    },
  };
}
