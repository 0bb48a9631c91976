import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v4';
import { detectLanguage } from './language.js';
import { tokenize } from './text.js';
import { KnowledgeError } from './load.js';
import type { Passage, Source } from './model.js';
import { pdfPages } from './pdf-text.js';

/**
 * Documents added with `npm run ingest`: split into passages that are searched next to the curated knowledge
 * (which always wins). Stored as one JSON file in DATA_DIR; the source of a passage is its file and position.
 */

const STORE_FILE = 'documents.json';
const EXTENSIONS = new Set(['.txt', '.md', '.pdf']);
const MIN_CHARS = 250;
const MAX_CHARS = 900;

const storedPassageSchema = z.object({ text: z.string().min(1), lang: z.enum(['nl', 'en']), position: z.string().min(1) });
const storedDocumentSchema = z.object({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ingestedAt: z.iso.datetime(),
  passages: z.array(storedPassageSchema),
});
const storeSchema = z.object({ version: z.literal(1), documents: z.array(storedDocumentSchema) });
type StoredDocument = z.infer<typeof storedDocumentSchema>;
type StoredPassage = z.infer<typeof storedPassageSchema>;

interface Block {
  text: string;
  unit: 'regels' | 'pagina';
  from: number;
  to: number;
}

const position = (b: Block) => (b.from === b.to ? `${b.unit} ${b.from}` : `${b.unit} ${b.from}-${b.to}`);

/** Blank-line paragraphs of a text, with the lines they came from (or the page, for PDFs). */
function paragraphs(text: string, page?: number): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let first = 0;
  const flush = (last: number) => {
    const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) blocks.push(page ? { text: joined, unit: 'pagina', from: page, to: page } : { text: joined, unit: 'regels', from: first, to: last });
    lines = [];
  };
  const all = text.split(/\r?\n/);
  all.forEach((line, i) => {
    if (line.trim() === '') return flush(i);
    if (!lines.length) first = i + 1;
    lines.push(line);
  });
  flush(all.length);
  return blocks;
}

/** Paragraphs merged until a passage says something on its own, and cut at sentence ends when too long. */
function passagesOf(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const push = (b: Block) => {
    if (b.text.length <= MAX_CHARS) return void out.push(b);
    let chunk = '';
    for (const sentence of b.text.match(/[^.!?]+[.!?]*\s*/g) ?? [b.text]) {
      if (chunk && chunk.length + sentence.length > MAX_CHARS) {
        out.push({ ...b, text: chunk.trim() });
        chunk = '';
      }
      chunk += sentence;
    }
    if (chunk.trim()) out.push({ ...b, text: chunk.trim() });
  };
  let current: Block | undefined;
  for (const block of blocks) {
    current = current ? { ...current, text: `${current.text} ${block.text}`, to: block.to } : { ...block };
    if (current.text.length >= MIN_CHARS) {
      push(current);
      current = undefined;
    }
  }
  if (current) push(current);
  return out;
}

/** Splits one file into passages; PDFs by page, text files by line numbers. */
export async function readDocument(file: string): Promise<StoredPassage[]> {
  const data = await readFile(file);
  const blocks =
    path.extname(file).toLowerCase() === '.pdf'
      ? (await pdfPages(new Uint8Array(data))).flatMap((page, i) => paragraphs(page, i + 1))
      : paragraphs(data.toString('utf8'));
  return passagesOf(blocks).map((b) => ({ text: b.text, lang: detectLanguage(tokenize(b.text), 'nl'), position: position(b) }));
}

async function readStore(dataDir: string): Promise<StoredDocument[]> {
  const file = path.join(dataDir, STORE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new KnowledgeError(`${file}: is not valid JSON; run npm run ingest again`);
  }
  const parsed = storeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}; run npm run ingest again`);
  }
  return parsed.data.documents;
}

export interface IngestResult {
  file: string;
  passages: number;
  skipped?: string;
}

/** Adds (or replaces) every .txt, .md and .pdf file of a folder in the document store. */
export async function ingestFolder(folder: string, dataDir: string, now = new Date()): Promise<IngestResult[]> {
  const names = (await readdir(folder)).filter((n) => EXTENSIONS.has(path.extname(n).toLowerCase())).sort();
  const documents = new Map((await readStore(dataDir)).map((d) => [d.file, d]));
  const results: IngestResult[] = [];
  for (const name of names) {
    try {
      const passages = await readDocument(path.join(folder, name));
      const sha256 = createHash('sha256').update(await readFile(path.join(folder, name))).digest('hex');
      documents.set(name, { file: name, sha256, ingestedAt: now.toISOString(), passages });
      results.push({ file: name, passages: passages.length });
    } catch (error) {
      results.push({ file: name, passages: 0, skipped: (error as Error).message });
    }
  }
  await mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, STORE_FILE);
  await writeFile(`${target}.tmp`, JSON.stringify({ version: 1, documents: [...documents.values()] }));
  await rename(`${target}.tmp`, target);
  return results;
}

/** The stored documents as passages, ready to search. */
export async function loadDocuments(dataDir: string): Promise<Passage[]> {
  return (await readStore(dataDir)).flatMap((doc) => {
    const source: Source = { id: `document:${doc.file}`, title: doc.file, short: { nl: doc.file, en: doc.file }, kind: 'ingested' };
    return doc.passages.map((p, i) => ({
      id: `${source.id}#${i}`,
      topicId: null,
      field: 'document' as const,
      text: { [p.lang]: p.text },
      citations: [{ source, section: p.position }],
      checked: doc.ingestedAt.slice(0, 10),
      keywords: [],
      curated: false,
    }));
  });
}
