import type { Lang } from './model.js';

/** Words common in one language and rare in the other ("in" and "is" are both): enough to tell Dutch from English in a chat message. */
const MARKERS: Record<Lang, ReadonlySet<string>> = {
  nl: new Set(
    `de het een en ik je jij u wat hoe hoeveel hoelang welke wanneer waar waarom wie van voor met zijn niet kan kun kunt wil
    graag ook er bij naar dat die dit deze ben heb heeft moet mag over op aan uit nog al wel geen mijn jullie ons zou
    worden wordt hallo hoi bedankt dank dag doei goedemorgen goedemiddag leraar leerkracht basisschool opleiding onderwijs
    leraren leerkrachten scholen veel eigenlijk echt erg als maar om te hebben kunnen moeten gaat komt`.split(/\s+/),
  ),
  en: new Set(
    `the a an and i you what how which when where why who of for with are not can could would should will do does did my
    your our there this that these to on at from about it be have has want like please thanks thank hello hi hey
    yes no any teacher teaching school training education become`.split(/\s+/),
  ),
};

/**
 * The language of a message: the side with at least `margin` more marker words wins; otherwise the fallback (the
 * conversation's language, or the channel's locale), then Dutch. A conversation keeps its language unless a
 * message is clearly in the other one ("Breng me in contact" is not English).
 */
export function detectLanguage(words: readonly string[], fallback?: Lang, margin = 1): Lang {
  let nl = 0;
  let en = 0;
  for (const token of words) {
    if (MARKERS.nl.has(token)) nl++;
    if (MARKERS.en.has(token)) en++;
  }
  if (Math.abs(nl - en) >= margin) return nl > en ? 'nl' : 'en';
  return fallback ?? 'nl';
}

export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const prefix = locale.toLowerCase().slice(0, 2);
  return prefix === 'nl' ? 'nl' : prefix === 'en' ? 'en' : undefined;
}
