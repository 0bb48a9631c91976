import type { Lang } from './model.js';

/** Words common in one language and rare in the other: enough to tell Dutch from English in a chat message. */
const MARKERS: Record<Lang, ReadonlySet<string>> = {
  nl: new Set(
    `de het een en ik je jij u wat hoe hoeveel hoelang welke wanneer waar waarom wie van voor met zijn niet kan kun kunt wil
    graag ook er bij naar dat die dit deze ben heb heeft moet mag over op aan uit nog al wel geen mijn jullie ons zou
    worden wordt hallo hoi bedankt dank dag doei goedemorgen goedemiddag leraar leerkracht basisschool opleiding onderwijs`.split(/\s+/),
  ),
  en: new Set(
    `the a an and i you what how which when where why who of for with are not can could would should will do does did my
    your our there this that these to in on at from about is it be have has want like please thanks thank hello hi hey
    yes no any teacher teaching school training education become`.split(/\s+/),
  ),
};

/**
 * The language of a message: the side with more marker words wins; a tie falls back to the channel's locale
 * (or the language used before in the conversation), then to Dutch.
 */
export function detectLanguage(words: readonly string[], fallback?: Lang): Lang {
  let nl = 0;
  let en = 0;
  for (const token of words) {
    if (MARKERS.nl.has(token)) nl++;
    if (MARKERS.en.has(token)) en++;
  }
  if (nl !== en) return nl > en ? 'nl' : 'en';
  return fallback ?? 'nl';
}

export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const prefix = locale.toLowerCase().slice(0, 2);
  return prefix === 'nl' ? 'nl' : prefix === 'en' ? 'en' : undefined;
}
