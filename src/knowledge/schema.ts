import { z } from 'zod/v4';

/** The shape of the files in `knowledge/`. Everything read from disk is parsed with these schemas. */

const isoDate = z.iso.date();
/** Documents are not always dated to the day. */
const partialDate = z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lowercase words joined by hyphens');

export const localizedSchema = z.strictObject({
  nl: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

export const sourceRefSchema = z.strictObject({
  doc: slug,
  section: z.string().trim().min(1),
  lines: z.string().regex(/^\d+(-\d+)?(, ?\d+(-\d+)?)*$/, 'expected line numbers such as "12" or "12-20, 31"').optional(),
});

export const factSchema = z.strictObject({
  nl: z.string().trim().min(1),
  en: z.string().trim().min(1),
  sources: z.array(sourceRefSchema).min(1),
  /** When the fact was last checked against its sources; defaults to the file's `checked`. */
  checked: isoDate.optional(),
  /** A caveat the answer must repeat, for facts that may have changed since. */
  validity: localizedSchema.optional(),
  /** Extra search terms (synonyms, both languages) that help find this fact. */
  keywords: z.array(z.string().trim().min(1)).optional(),
});

export const FIELDS = [
  'what',
  'audience',
  'requirements',
  'duration',
  'provider',
  'start',
  'costs',
  'results',
  'next_step',
  'contact',
] as const;
export type Field = (typeof FIELDS)[number];

export const SECTORS = ['po', 'vo', 'mbo', 'go', 'kinderopvang'] as const;

const linkSchema = z.strictObject({ url: z.url(), label: z.string().trim().min(1) });

const topicBase = {
  id: slug,
  name: localizedSchema,
  /** Short name for buttons and follow-up questions ("LAS I"); defaults to the name. */
  label: localizedSchema.optional(),
  /** Names and spellings that identify this topic in a question (lowercase; typos are matched fuzzily). */
  aliases: z.array(z.string().trim().min(2)).min(1),
  /** Words that hint at this topic without naming it; used for ranking only. */
  keywords: z.array(z.string().trim().min(2)).default([]),
  links: z.array(linkSchema).default([]),
  checked: isoDate,
};

export const routeFileSchema = z.strictObject({
  ...topicBase,
  kind: z.enum(['route', 'programme', 'scheme', 'network', 'campaign', 'service']),
  sectors: z.array(z.enum(SECTORS)).default([]),
  fields: z.strictObject(Object.fromEntries(FIELDS.map((f) => [f, z.array(factSchema).default([])])) as Record<
    Field,
    z.ZodDefault<z.ZodArray<typeof factSchema>>
  >),
});

export const articleFileSchema = z.strictObject({
  ...topicBase,
  facts: z.array(factSchema).min(1),
});

export const sourceFileSchema = z.array(
  z.strictObject({
    id: slug,
    title: z.string().trim().min(1),
    /** Short name shown in the "Bron:" line. */
    short: localizedSchema,
    /** Date of the document itself, where known; used when sources disagree (newest wins). */
    date: partialDate.optional(),
    kind: z.enum(['regional', 'national']),
    file: z.string().optional(),
    url: z.url().optional(),
  }),
);

export const gapFileSchema = z.array(
  z.strictObject({
    id: slug,
    /** Words or word beginnings that mark a question about something the sources do not say. */
    triggers: z.array(z.string().trim().min(2)).min(1),
    /** Only when one of these topics is asked about too (empty: any topic). */
    topics: z.array(slug).default([]),
    /** unknown: in scope, but not in the sources; outside: not something this desk handles. */
    scope: z.enum(['unknown', 'outside']).default('unknown'),
    /** A complete answer in itself: what is not known (or not handled here), in plain words. */
    message: localizedSchema,
  }),
);

export type Fact = z.infer<typeof factSchema>;
export type RouteFile = z.infer<typeof routeFileSchema>;
export type ArticleFile = z.infer<typeof articleFileSchema>;
export type SourceFile = z.infer<typeof sourceFileSchema>;
export type GapFile = z.infer<typeof gapFileSchema>;
