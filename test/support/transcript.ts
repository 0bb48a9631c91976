import { expect } from 'vitest';
import type { FakeConversation, Turn } from './channel.js';

/** What a bot reply (its text and suggested actions) must, or with `not` must not, contain. */
export type Expectation = RegExp | string | { not: RegExp | string };

/** One line of a transcript: what the person says, what the bot's replies of that turn must show. */
export type Line = [says: string, expects: Expectation | Expectation[]];

function check(turn: Turn, says: string, expectation: Expectation): void {
  const visible = [turn.text, ...turn.suggestions.map((s) => `[${s}]`)].join('\n');
  const context = `reply to "${says}":\n${visible}`;
  if (typeof expectation === 'string') expect(visible, context).toContain(expectation);
  else if (expectation instanceof RegExp) expect(visible, context).toMatch(expectation);
  else if (typeof expectation.not === 'string') expect(visible, context).not.toContain(expectation.not);
  else expect(visible, context).not.toMatch(expectation.not);
}

/** Plays a transcript in one conversation, line by line; returns the turns for further checks. */
export async function play(conversation: FakeConversation, lines: readonly Line[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const [says, expects] of lines) {
    const turn = await conversation.say(says);
    expect(turn.status, `status for "${says}"`).toBe(200);
    for (const expectation of Array.isArray(expects) ? expects : [expects]) check(turn, says, expectation);
    turns.push(turn);
  }
  return turns;
}

/** The ticket reference shown in a turn. */
export function referenceIn(turn: Turn | undefined): string {
  const reference = turn?.text.match(/UL-[A-Z2-9]{6}/)?.[0];
  expect(reference, 'a ticket reference').toBeDefined();
  return reference ?? '';
}

/** The shortest way to a ticket: a visitor asks for a person and leaves name and e-mail. Returns the reference. */
export async function askForPerson(conversation: FakeConversation, question = 'Nee, verstuur maar'): Promise<string> {
  const turns = await play(conversation, [
    ['Praat met een medewerker', 'Vind je dat goed?'],
    ['ja', 'Hoe heet je?'],
    ['Sanne de Vries', 'bereiken'],
    ['sanne@example.nl', 'Wil je nog iets meegeven'],
    [question, 'Je referentienummer is UL-'],
  ]);
  return referenceIn(turns.at(-1));
}
