/**
 * Checks on what a model wrote, against what it was given. Each returns the reason to discard the answer, or
 * undefined when it passes.
 */

/** Digit runs: "€ 20.000" gives 20 and 000, which "20.000" in a passage also gives. */
const digitRuns = (text: string) => text.match(/\d+/g) ?? [];
/** E-mail and web addresses, which must come from the passages as they are. */
const addresses = (text: string) => text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s)]+/gi) ?? [];

/** A number or address in the sentence that none of its passages holds. */
export function inventedDetail(sentence: string, passages: readonly string[]): string | undefined {
  const source = passages.join('\n');
  const known = new Set(digitRuns(source));
  const number = digitRuns(sentence).find((run) => !known.has(run));
  if (number) return `number ${number} is not in the cited passages`;
  const lower = source.toLowerCase();
  const address = addresses(sentence).find((a) => !lower.includes(a.replace(/[.,;:]+$/, '').toLowerCase()));
  return address ? 'an address is not in the cited passages' : undefined;
}

/** Any line of the instructions repeated in the answer: the model was talked into revealing them. */
export function revealsInstructions(answer: string, instructions: string): boolean {
  const said = answer.toLowerCase().replace(/\s+/g, ' ');
  return instructions
    .split('\n')
    .map((line) => line.replace(/^\s*\d+\.\s*/, '').trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((line) => line.length >= 24)
    .some((line) => said.includes(line.slice(0, 48)));
}
