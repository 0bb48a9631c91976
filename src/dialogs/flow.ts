import type { Lang, Reply } from '../knowledge/index.js';

/** What a dialog turn is about, in the decision record. */
export type DialogIntent = 'qualify' | 'recommendation' | 'handoff' | 'ticket' | 'declined' | 'stopped' | 'forgotten';
export type DialogReply = Reply<DialogIntent>;

/** What the person said this turn, with what the dialogs need to know about the turn. */
export interface Input {
  text: string;
  lang: Lang;
  /** `channel:conversation:activity`: creating a ticket is idempotent on it, as channels retry slow requests. */
  activityKey: string;
  conversationKey: string;
  userKey: string;
}

/**
 * The outcome of a dialog step: go on (with the state to keep), end (maybe handing over to the warm handoff, or
 * leaving the message to the rest of the bot), or "unclear": the message was no answer, so the bot may treat it
 * as a question before the dialog asks again.
 */
export type Step<S, Next = never> =
  | { kind: 'continue'; state: S; replies: DialogReply[] }
  | { kind: 'end'; replies: DialogReply[]; next?: Next; passOn?: boolean }
  | { kind: 'unclear'; state: S };

/** A step that needs nothing more from the caller. */
export type Settled<S, Next = never> = Exclude<Step<S, Next>, { kind: 'unclear' }>;

export interface ReplyExtras {
  suggestions?: string[];
  citations?: DialogReply['citations'];
  routeIds?: string[];
}

/** A dialog reply; dialogs speak with certainty, so their confidence is 1. */
export function say(lang: Lang, intent: DialogIntent, text: string, extras: ReplyExtras = {}): DialogReply {
  const routeIds = extras.routeIds ?? [];
  return { lang, intent, text, citations: extras.citations ?? [], suggestions: extras.suggestions ?? [], topicIds: routeIds, routeIds, confidence: 1 };
}

/** Matches a typed or clicked answer to one of the labels, in either language. */
export function pick<V extends string>(text: string, labels: readonly Record<V, string>[]): V | undefined {
  const said = text.trim().toLowerCase();
  for (const set of labels) {
    const hit = (Object.entries(set) as [V, string][]).find(([, label]) => label.toLowerCase() === said);
    if (hit) return hit[0];
  }
  return undefined;
}

/**
 * A conversation flow as plain logic: state in, replies and the next state out. The bot wraps each one in a
 * botbuilder-dialogs Dialog, which keeps the state between turns.
 */
export interface Flow<S, Options, Next = never> {
  /** Stored state is parsed, never trusted. */
  readonly stateSchema: { parse(data: unknown): S };
  begin(options: Options, input: Input): Promise<Settled<S, Next>>;
  continue(state: S, input: Input): Promise<Step<S, Next>>;
  /** Asks again after a message that was no answer; `answered`: the bot answered it as a question. */
  reprompt(state: S, input: Input, answered: boolean): Promise<Settled<S, Next>>;
  /** The person asked for a person ("medewerker") while in this flow. */
  onHumanRequest(state: S, input: Input): Promise<Settled<S, Next>>;
  /** The person stopped ("stop"): undo what the flow started. */
  stop(state: S, input: Input): Promise<DialogReply[]>;
}
