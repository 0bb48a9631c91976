import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod/v4';
import type { Citation, Gap, Knowledge, Passage, Source, Topic } from './model.js';
import {
  articleFileSchema,
  FIELDS,
  gapFileSchema,
  routeFileSchema,
  sourceFileSchema,
  type Fact,
  type Field,
} from './schema.js';

/** A knowledge file that cannot be used; the message names the file and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

export async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new KnowledgeError(`${file}: is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

export function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new KnowledgeError(`${file}: ${problems.join('; ')}`);
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => {
    throw new KnowledgeError(`${dir}: folder not found`);
  });
  return names.filter((n) => n.endsWith('.yaml')).sort().map((n) => path.join(dir, n));
}

/** Loads and validates every knowledge file in `dir`; throws a KnowledgeError naming the first broken file. */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  const sourcesFile = path.join(dir, 'sources.yaml');
  const sources = new Map<string, Source>();
  for (const s of parseWith(sourceFileSchema, await readYaml(sourcesFile), sourcesFile)) {
    if (sources.has(s.id)) throw new KnowledgeError(`${sourcesFile}: source id '${s.id}' is used twice`);
    sources.set(s.id, { id: s.id, title: s.title, short: s.short, kind: s.kind, ...(s.date ? { date: s.date } : {}), ...(s.url ? { url: s.url } : {}) });
  }

  const topics: Topic[] = [];
  const passages: Passage[] = [];
  const fileOfTopic = new Map<string, string>();

  const toPassage = (fact: Fact, file: string, where: string, topicId: string, field: Field | 'facts', index: number, checked: string): Passage => {
    const citations: Citation[] = fact.sources.map((ref, i) => {
      const source = sources.get(ref.doc);
      if (!source) throw new KnowledgeError(`${file}: ${where}.sources.${i}.doc: unknown source '${ref.doc}' (see sources.yaml)`);
      return { source, section: ref.section, ...(ref.lines ? { lines: ref.lines } : {}) };
    });
    return {
      id: `${topicId}/${field}/${index}`,
      topicId,
      field,
      text: { nl: fact.nl, en: fact.en },
      citations,
      checked: fact.checked ?? checked,
      ...(fact.validity ? { validity: fact.validity } : {}),
      keywords: fact.keywords ?? [],
      curated: true,
    };
  };

  const addTopic = (topic: Topic, file: string) => {
    const other = fileOfTopic.get(topic.id);
    if (other) throw new KnowledgeError(`${file}: id '${topic.id}' is also used by ${other}`);
    fileOfTopic.set(topic.id, file);
    topics.push(topic);
    for (const list of Object.values(topic.fields)) passages.push(...list);
  };

  for (const file of await yamlFiles(path.join(dir, 'routes'))) {
    const route = parseWith(routeFileSchema, await readYaml(file), file);
    const fields: Topic['fields'] = {};
    for (const field of FIELDS) {
      fields[field] = route.fields[field].map((fact, i) => toPassage(fact, file, `fields.${field}.${i}`, route.id, field, i, route.checked));
    }
    addTopic({ id: route.id, kind: route.kind, name: route.name, label: route.label ?? route.name, aliases: route.aliases, keywords: route.keywords, links: route.links, sectors: route.sectors, fields }, file);
  }

  for (const file of await yamlFiles(path.join(dir, 'articles'))) {
    const article = parseWith(articleFileSchema, await readYaml(file), file);
    const facts = article.facts.map((fact, i) => toPassage(fact, file, `facts.${i}`, article.id, 'facts', i, article.checked));
    addTopic({ id: article.id, kind: 'article', name: article.name, label: article.label ?? article.name, aliases: article.aliases, keywords: article.keywords, links: article.links, sectors: [], fields: { facts } }, file);
  }

  const gapsFile = path.join(dir, 'gaps.yaml');
  const gaps: Gap[] = parseWith(gapFileSchema, await readYaml(gapsFile), gapsFile);
  for (const [i, gap] of gaps.entries()) {
    const unknown = gap.topics.find((id) => !topics.some((t) => t.id === id));
    if (unknown) throw new KnowledgeError(`${gapsFile}: ${i}.topics: unknown topic '${unknown}'`);
  }

  return { topics, topicById: new Map(topics.map((t) => [t.id, t])), passages, gaps, sources };
}
