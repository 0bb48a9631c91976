import type { Request } from 'restify';
import type { Lang } from '../knowledge/index.js';

/** The language of a page: `?lang=` when given, else English for browsers that ask for it first, else Dutch. */
export function pageLang(req: Request): Lang {
  const asked = (req.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'nl') return asked;
  return /^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'nl';
}
