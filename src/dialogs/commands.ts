import { tokenize } from '../knowledge/index.js';

/**
 * Short answers and commands that steer a dialog. They count only when they are (nearly) the whole message:
 * "stop" stops, but "ik wil stoppen met mijn baan" is a message about something else.
 */
const WHOLE: Record<'stop' | 'back' | 'skip', readonly string[]> = {
  stop: ['stop', 'stoppen', 'ik wil stoppen', 'annuleer', 'annuleren', 'afbreken', 'laat maar', 'cancel', 'quit', 'exit', 'stop it'],
  back: ['terug', 'ga terug', 'vorige', 'vorige vraag', 'back', 'go back', 'previous', 'previous question', 'undo'],
  skip: ['sla over', 'overslaan', 'weet ik niet', 'weet niet', 'geen idee', 'skip', 'pass', 'dont know', 'i dont know', 'no idea', 'not sure'],
};
const COURTESY = new Set(['aub', 'svp', 'alsjeblieft', 'alstublieft', 'graag', 'please', 'even', 'maar', 'nu', 'now', 'just']);

const YES_START = new Set(['ja', 'jazeker', 'jawel', 'yes', 'yep', 'yeah', 'sure', 'ok', 'oke', 'okay', 'okee', 'prima', 'akkoord', 'graag', 'goed', 'agree', 'agreed', 'natuurlijk']);
const NO_START = new Set(['nee', 'neen', 'nope', 'no', 'nah']);
const NO_PHRASES = ['liever niet', 'niet nodig', 'hoeft niet', 'not now', 'rather not', 'no thanks', 'do not', 'dont'];

const DELETE_VERBS = new Set(['verwijder', 'verwijderen', 'wis', 'wissen', 'vergeet', 'delete', 'remove', 'erase', 'forget']);
const DELETE_OBJECTS = new Set(['gegevens', 'data', 'details', 'informatie', 'info', 'me', 'mij']);

const words = (text: string) => tokenize(text).filter((w) => !COURTESY.has(w));

function isWhole(kind: keyof typeof WHOLE, text: string): boolean {
  const said = words(text).join(' ');
  return said.length > 0 && WHOLE[kind].some((p) => tokenize(p).join(' ') === said);
}

export const isStop = (text: string) => isWhole('stop', text);
export const isBack = (text: string) => isWhole('back', text);
export const isSkip = (text: string) => isWhole('skip', text);

/** A yes or no to a yes/no question; undefined for anything else (a question is not an answer). */
export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const all = tokenize(text);
  if (!all.length || all.length > 6 || text.includes('?')) return undefined;
  const joined = all.join(' ');
  if (NO_START.has(all[0] ?? '') || NO_PHRASES.some((p) => joined.startsWith(p))) return 'no';
  if (YES_START.has(all[0] ?? '')) return 'yes';
  return undefined;
}

/** "Verwijder mijn gegevens", "delete my data", "vergeet mij": the person wants their data gone. */
export function isDeleteRequest(text: string): boolean {
  const all = tokenize(text);
  return all.length <= 12 && all.some((w) => DELETE_VERBS.has(w)) && all.some((w) => DELETE_OBJECTS.has(w));
}

const PRIVACY_WORDS = new Set(['gegevens', 'privacy', 'data', 'details', 'bewaren', 'bewaard', 'opgeslagen', 'avg', 'gdpr', 'stored', 'store', 'keep', 'kept']);

/** "Wat gebeurt er met mijn gegevens?": a question about what happens with one's data. */
export function isPrivacyQuestion(text: string): boolean {
  return text.includes('?') && tokenize(text).some((w) => PRIVACY_WORDS.has(w));
}
