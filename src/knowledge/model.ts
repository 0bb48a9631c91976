import type { Field } from './schema.js';

/** The knowledge as the rest of the program sees it: validated, resolved and ready to search. */

export type Lang = 'nl' | 'en';
export type Localized = Record<Lang, string>;

export interface Source {
  id: string;
  title: string;
  short: Localized;
  date?: string;
  kind: 'regional' | 'national' | 'ingested';
  url?: string;
}

export interface Citation {
  source: Source;
  section: string;
  lines?: string;
}

/** One retrievable statement: a curated fact or a passage of an ingested document. */
export interface Passage {
  id: string;
  topicId: string | null;
  field: Field | 'facts' | 'document';
  /** Curated facts have both languages; ingested passages only have the language they were written in. */
  text: Partial<Localized>;
  citations: Citation[];
  checked: string;
  validity?: Localized;
  keywords: string[];
  curated: boolean;
}

export type TopicKind = 'route' | 'programme' | 'scheme' | 'network' | 'campaign' | 'service' | 'article';

export interface Topic {
  id: string;
  kind: TopicKind;
  name: Localized;
  /** Short name for buttons and follow-up questions. */
  label: Localized;
  aliases: string[];
  keywords: string[];
  links: { url: string; label: string }[];
  sectors: string[];
  /** Facts per field; articles keep theirs under `facts`. */
  fields: Partial<Record<Field | 'facts', Passage[]>>;
}

export interface Gap {
  id: string;
  triggers: string[];
  topics: string[];
  scope: 'unknown' | 'outside';
  message: Localized;
}

export interface Knowledge {
  topics: Topic[];
  topicById: ReadonlyMap<string, Topic>;
  passages: Passage[];
  gaps: Gap[];
  sources: ReadonlyMap<string, Source>;
}
