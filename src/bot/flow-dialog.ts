import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Flow, Input, Step } from '../dialogs/index.js';
import type { Reply } from '../knowledge/index.js';

/** What the dialogs of one turn share with the message handler: the input, the answerer's reply, the output. */
export interface Turn {
  input: Input;
  /** What the answerer makes of the message, for a question asked in the middle of a dialog. */
  answer: Reply;
  replies: Reply<string>[];
}

const TURN_KEY = Symbol('onderwijsloket.turn');

export function startTurn(context: TurnContext, turn: Turn): Turn {
  context.turnState.set(TURN_KEY, turn);
  return turn;
}

function turnOf(context: TurnContext): Turn {
  const turn = context.turnState.get(TURN_KEY) as Turn | undefined;
  if (!turn) throw new Error('The turn was not started before a dialog ran');
  return turn;
}

/** Replies that answer a question, so that a dialog interrupted by one resumes instead of saying it did not understand. */
function answersQuestion(answer: Reply): boolean {
  return answer.intent === 'answer' || answer.intent === 'advice' || answer.intent === 'document' || (answer.intent === 'unknown' && answer.topicIds.length > 0);
}

/**
 * A botbuilder-dialogs Dialog around a pure flow: the dialog stack keeps the flow's state between turns (in
 * conversation state, so in the database), the flow decides. A flow may hand over to the next dialog.
 */
export class FlowDialog<S, Options extends object, Next extends object> extends Dialog<Options> {
  constructor(
    id: string,
    private readonly flow: Flow<S, Options, Next>,
    private readonly nextDialogId?: string,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: Options): Promise<DialogTurnResult> {
    if (!options) throw new Error(`Dialog ${this.id} needs options`);
    return this.settle(dc, await this.flow.begin(options, turnOf(dc.context).input));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const turn = turnOf(dc.context);
    const state = this.stateOf(dc);
    // State that can no longer be read (an older version): the dialog ends and the message is handled as new.
    if (state === undefined) return dc.endDialog({ passOn: true });
    let step = await this.flow.continue(state, turn.input);
    if (step.kind === 'unclear') {
      const answered = answersQuestion(turn.answer);
      if (answered) turn.replies.push(turn.answer);
      step = await this.flow.reprompt(step.state, turn.input, answered);
    }
    return this.settle(dc, step);
  }

  /** The person asked for a person ("medewerker") in the middle of this dialog. */
  async onHumanRequest(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    if (state === undefined) return dc.endDialog({ passOn: true });
    return this.settle(dc, await this.flow.onHumanRequest(state, turnOf(dc.context).input));
  }

  /** "Stop": the flow undoes what it started, and the dialog stack is cleared. */
  async stop(dc: DialogContext): Promise<void> {
    const state = this.stateOf(dc);
    if (state !== undefined) turnOf(dc.context).replies.push(...(await this.flow.stop(state, turnOf(dc.context).input)));
    await dc.cancelAllDialogs();
  }

  private stateOf(dc: DialogContext): S | undefined {
    try {
      return this.flow.stateSchema.parse((dc.activeDialog?.state as { flow?: unknown } | undefined)?.flow);
    } catch {
      return undefined;
    }
  }

  private async settle(dc: DialogContext, step: Step<S, Next>): Promise<DialogTurnResult> {
    const turn = turnOf(dc.context);
    const settled = step.kind === 'unclear' ? await this.flow.reprompt(step.state, turn.input, false) : step;
    turn.replies.push(...settled.replies);
    if (settled.kind === 'continue') {
      if (dc.activeDialog) dc.activeDialog.state = { flow: settled.state };
      return Dialog.EndOfTurn;
    }
    if (settled.kind === 'end' && settled.next && this.nextDialogId) return dc.replaceDialog(this.nextDialogId, settled.next);
    return dc.endDialog({ passOn: settled.kind === 'end' && settled.passOn === true });
  }
}

/** A property of a plain state object (teams-ai conversation state) as botbuilder-dialogs wants to read it. */
export class ObjectProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    private readonly scope: Record<string, unknown>,
    private readonly name: string,
  ) {}

  async get(_context: TurnContext, defaultValue?: T): Promise<T> {
    if (this.scope[this.name] === undefined && defaultValue !== undefined) this.scope[this.name] = structuredClone(defaultValue);
    return this.scope[this.name] as T;
  }

  async set(_context: TurnContext, value: T): Promise<void> {
    this.scope[this.name] = value;
  }

  async delete(): Promise<void> {
    this.scope[this.name] = undefined;
  }
}
