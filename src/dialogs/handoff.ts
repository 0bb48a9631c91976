import { z } from 'zod/v4';
import type { ContactDetails, Routing, TicketStore } from '../tickets/index.js';
import { isBack, isPrivacyQuestion, yesOrNo } from './commands.js';
import { parseName, parseReachable } from './contact-details.js';
import { pick, say, type DialogReply, type Flow, type Input, type Settled, type Step } from './flow.js';
import { HANDOFF_MESSAGES } from './handoff-messages.js';

export const handoffRequestSchema = z.object({
  kind: z.enum(['introduction', 'escalation']),
  reason: z.enum(['recommendation', 'asked', 'unanswered', 'unhappy']),
  routeId: z.string().optional(),
  profile: z.record(z.string(), z.string()).optional(),
  recommendation: z.array(z.object({ routeId: z.string(), reason: z.string() })).optional(),
  /** The open question, already without contact details. */
  question: z.string().optional(),
  /** A summary of the conversation so far, sent only with consent. */
  summary: z.string().optional(),
});
export type HandoffRequest = z.infer<typeof handoffRequestSchema>;

const STEPS = ['offer', 'consent', 'summary', 'name', 'reachable', 'way', 'time', 'question'] as const;
type HandoffStep = (typeof STEPS)[number];

/** The dialog state holds no personal data: what the person types goes straight into the ticket draft. */
const stateSchema = z.object({
  request: handoffRequestSchema,
  step: z.enum(STEPS),
  history: z.array(z.enum(STEPS)),
  ticketId: z.string().optional(),
  way: z.enum(['email', 'phone']).optional(),
});
export type HandoffState = z.infer<typeof stateSchema>;

export interface HandoffDeps {
  tickets: TicketStore;
  routing: Routing;
  /** The privacy statement the consent links to (known once the server listens). */
  privacyUrl: () => string;
  retentionDays: number;
}

const QUESTION_MAX = 2000;
const TIME_MAX = 100;

export function createHandoffFlow({ tickets, routing, privacyUrl, retentionDays }: HandoffDeps): Flow<HandoffState, HandoffRequest> {
  const destination = (state: HandoffState) => routing.destinationFor(state.request.routeId);

  /** The question of the current step; asked `again`, the consent is asked in short. */
  const prompt = (state: HandoffState, lang: Input['lang'], again = false): DialogReply => {
    const m = HANDOFF_MESSAGES[lang];
    const ask = (text: string, suggestions: string[] = []) => say(lang, 'handoff', text, { suggestions });
    switch (state.step) {
      case 'offer':
        return ask(state.request.reason === 'unhappy' ? m.offerUnhappy : m.offerUnanswered, [m.offerYes, m.offerNo]);
      case 'consent':
        if (again) return ask(m.consentAgain(destination(state).name[lang]), [m.yes, m.no]);
        return ask(m.consent({ destination: destination(state).name[lang], email: destination(state).email, withProfile: Boolean(state.request.profile), retentionDays, privacyUrl: privacyUrl() }), [m.yes, m.no]);
      case 'summary':
        return ask(m.summary, [m.summaryYes, m.summaryNo]);
      case 'name':
        return ask(m.name);
      case 'reachable':
        return ask(m.reachable);
      case 'way':
        return ask(m.way, Object.values(m.ways));
      case 'time':
        return ask(m.time, Object.values(m.times));
      case 'question':
        return ask(state.request.question ? m.questionWithOpen(state.request.question) : m.question, [m.sendNow]);
    }
  };

  const go = (state: HandoffState, step: HandoffStep, lang: Input['lang'], before: DialogReply[] = []): Step<HandoffState> => {
    const next = { ...state, step, history: [...state.history, state.step] };
    return { kind: 'continue', state: next, replies: [...before, prompt(next, lang)] };
  };
  /** The same step again, after a word on why. */
  const stay = (state: HandoffState, lang: Input['lang'], problem: string): Settled<HandoffState> => ({
    kind: 'continue',
    state,
    replies: [say(lang, 'handoff', problem), prompt(state, lang, true)],
  });
  const end = (lang: Input['lang'], intent: DialogReply['intent'], text: string): Step<HandoffState> => ({ kind: 'end', replies: [say(lang, intent, text)] });

  const add = async (state: HandoffState, details: ContactDetails) => {
    if (state.ticketId) await tickets.addDetails(state.ticketId, details);
  };

  const submit = async (state: HandoffState, lang: Input['lang']): Promise<Step<HandoffState>> => {
    const m = HANDOFF_MESSAGES[lang];
    const sent = state.ticketId ? await tickets.submit(state.ticketId) : undefined;
    if (!sent) return end(lang, 'stopped', m.gone);
    const done = m.done({ reference: sent.reference, destination: destination(state).name[lang], workdays: routing.respondWithinWorkdays, ...(state.way ? { way: state.way } : {}) });
    return { kind: 'end', replies: [say(lang, 'ticket', done, { routeIds: state.request.routeId ? [state.request.routeId] : [] })] };
  };

  const answer = async (state: HandoffState, input: Input): Promise<Step<HandoffState>> => {
    const { text, lang } = input;
    const m = HANDOFF_MESSAGES[lang];
    const asksSomething = text.includes('?');
    switch (state.step) {
      case 'offer':
      case 'consent': {
        const said = yesOrNo(text);
        if (said === 'no') {
          if (state.ticketId) await tickets.discard(state.ticketId);
          return end(lang, 'declined', m.declined);
        }
        if (said !== 'yes') return { kind: 'unclear', state };
        if (state.step === 'offer') return go(state, 'consent', lang);
        // Back at the consent after "terug": the draft made the first time is still there.
        const draft = state.ticketId ? { id: state.ticketId } : await tickets.openDraft({
          idempotencyKey: input.activityKey,
          kind: state.request.kind,
          reason: state.request.reason,
          ...(state.request.routeId ? { routeId: state.request.routeId } : {}),
          destination: destination(state),
          lang,
          conversationKey: input.conversationKey,
          userKey: input.userKey,
          ...(state.request.profile ? { profile: state.request.profile } : {}),
          ...(state.request.recommendation ? { recommendation: state.request.recommendation } : {}),
          ...(state.request.question ? { question: state.request.question } : {}),
        });
        const withTicket = { ...state, ticketId: draft.id };
        return go(withTicket, state.request.summary ? 'summary' : 'name', lang);
      }
      case 'summary': {
        const said = yesOrNo(text);
        if (!said) return { kind: 'unclear', state };
        if (said === 'yes') await add(state, { summary: state.request.summary });
        return go(state, 'name', lang);
      }
      case 'name': {
        const name = parseName(text);
        if (!name.ok) return asksSomething ? { kind: 'unclear', state } : stay(state, lang, m.invalidName);
        await add(state, { name: name.value });
        return go(state, 'reachable', lang);
      }
      case 'reachable': {
        const found = parseReachable(text);
        if (!found.ok) {
          if (found.problem === 'invalid_email') return stay(state, lang, m.invalidEmail(found.shown ?? ''));
          if (found.problem === 'invalid_phone') return stay(state, lang, m.invalidPhone(found.shown ?? ''));
          return asksSomething ? { kind: 'unclear', state } : stay(state, lang, m.noReachable);
        }
        const { email, phone } = found.value;
        const way = email && phone ? undefined : email ? 'email' : 'phone';
        await add(state, { ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(way ? { preferredContact: way } : {}) });
        const next: HandoffState = way ? { ...state, way } : state;
        return go(next, !way ? 'way' : way === 'phone' ? 'time' : 'question', lang);
      }
      case 'way': {
        const way = pick(text, [HANDOFF_MESSAGES.nl.ways, HANDOFF_MESSAGES.en.ways]) ?? (/mail/i.test(text) ? 'email' : /bel|telefo|phone|call/i.test(text) ? 'phone' : undefined);
        if (!way) return { kind: 'unclear', state };
        await add(state, { preferredContact: way });
        return go({ ...state, way }, way === 'phone' ? 'time' : 'question', lang);
      }
      case 'time': {
        if (asksSomething || text.trim().length > TIME_MAX) return { kind: 'unclear', state };
        await add(state, { preferredTime: text.trim() });
        return go(state, 'question', lang);
      }
      case 'question': {
        const done = pick(text, [{ send: HANDOFF_MESSAGES.nl.sendNow }, { send: HANDOFF_MESSAGES.en.sendNow }]) ?? (yesOrNo(text) === 'no' ? 'send' : undefined);
        if (!done) {
          const added = text.trim().slice(0, QUESTION_MAX);
          await add(state, { question: state.request.question ? `${state.request.question}\n\n${added}` : added });
        }
        return submit(state, lang);
      }
    }
  };

  return {
    stateSchema,

    async begin(request, input) {
      const first: HandoffStep = request.reason === 'unanswered' || request.reason === 'unhappy' ? 'offer' : 'consent';
      const state: HandoffState = { request, step: first, history: [] };
      return { kind: 'continue', state, replies: [prompt(state, input.lang)] };
    },

    async continue(state, input) {
      if (isPrivacyQuestion(input.text)) {
        const m = HANDOFF_MESSAGES[input.lang];
        return stay(state, input.lang, m.privacy({ destination: destination(state).name[input.lang], retentionDays, privacyUrl: privacyUrl() }));
      }
      if (isBack(input.text)) {
        const previous = state.history.at(-1);
        if (!previous) return { kind: 'continue', state, replies: [prompt(state, input.lang)] };
        const back = { ...state, step: previous, history: state.history.slice(0, -1) };
        return { kind: 'continue', state: back, replies: [prompt(back, input.lang)] };
      }
      return answer(state, input);
    },

    async reprompt(state, input, answered) {
      const m = HANDOFF_MESSAGES[input.lang];
      return stay(state, input.lang, answered ? m.resume : m.notUnderstood);
    },

    async onHumanRequest(state, input) {
      return stay(state, input.lang, HANDOFF_MESSAGES[input.lang].busy);
    },

    async stop(state, input) {
      if (state.ticketId) await tickets.discard(state.ticketId);
      return [say(input.lang, 'stopped', HANDOFF_MESSAGES[input.lang].stopped)];
    },
  };
}
