import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer, ingestFolder, KnowledgeError, loadDocuments, loadKnowledge } from '../../src/knowledge/index.js';
import { pdfWithText } from '../support/pdf.js';

const SEEDS = path.resolve('../shared/seeds');

describe('ingesting documents', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'ingest-'));
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it('adds the seed documents as passages, each with its file and line numbers', async () => {
    const results = await ingestFolder(SEEDS, path.join(work, 'data'));
    expect(results.map((r) => r.file)).toEqual(expect.arrayContaining(['001_72de74c21017153e.txt', 'FACTS-INDEX.md']));
    expect(results.every((r) => !r.skipped && r.passages > 0)).toBe(true);

    const passages = await loadDocuments(path.join(work, 'data'));
    expect(passages.length).toBeGreaterThan(100);
    for (const p of passages) {
      expect(p.curated).toBe(false);
      expect(p.citations[0]?.section).toMatch(/^regels \d+(-\d+)?$/);
      expect((p.text.nl ?? p.text.en ?? '').length).toBeGreaterThan(0);
    }
    const challenge = passages.find((p) => p.citations[0]?.source.title === '001_72de74c21017153e.txt' && /Onderwijs Challenge 2 komt eraan/.test(p.text.nl ?? ''));
    expect(challenge?.citations[0]?.section).toMatch(/^regels 3\d\d-3\d\d$/);
  });

  it('reads text from a PDF, page by page', async () => {
    const docs = path.join(work, 'docs');
    await mkdir(docs);
    await writeFile(path.join(docs, 'folder.pdf'), pdfWithText(['Het zwembad van de Rafaelschool is op woensdag open voor leerkrachten.', 'Neem een handdoek mee.']));
    const [result] = await ingestFolder(docs, path.join(work, 'data'));
    expect(result).toEqual({ file: 'folder.pdf', passages: 1 });
    const [passage] = await loadDocuments(path.join(work, 'data'));
    expect(passage?.text.nl).toMatch(/zwembad van de Rafaelschool is op woensdag open/);
    expect(passage?.citations[0]?.section).toBe('pagina 1');
  });

  it('skips a broken file with a message and keeps the others', async () => {
    const docs = path.join(work, 'docs');
    await mkdir(docs);
    await writeFile(path.join(docs, 'broken.pdf'), 'this is not a pdf');
    await writeFile(path.join(docs, 'notes.md'), '# Notities\n\nDe klankbordgroep komt in het najaar weer bij elkaar om de rapportage te bespreken.\n');
    const results = await ingestFolder(docs, path.join(work, 'data'));
    expect(results.find((r) => r.file === 'broken.pdf')?.skipped).toBeTruthy();
    expect(results.find((r) => r.file === 'notes.md')).toEqual({ file: 'notes.md', passages: 1 });
  });

  it('stops with a clear message when the stored documents are damaged', async () => {
    await mkdir(path.join(work, 'data'));
    await writeFile(path.join(work, 'data', 'documents.json'), '{"version": 1, "documents": [{"file": 3}]}');
    await expect(loadDocuments(path.join(work, 'data'))).rejects.toThrow(KnowledgeError);
    await expect(loadDocuments(path.join(work, 'data'))).rejects.toThrow(/documents\.json: documents\.0\.file/);
  });

  it('answers from a document when the curated knowledge has nothing, but never overrides a curated fact', async () => {
    const docs = path.join(work, 'docs');
    await mkdir(docs);
    await writeFile(
      path.join(docs, 'memo.txt'),
      'De Onderwijs Challenge duurt zes maanden.\n\nHet zwembad van de Rafaelschool is op woensdag open voor leerkrachten van Utrechtse scholen.\n',
    );
    await ingestFolder(docs, path.join(work, 'data'));
    const curated = await loadKnowledge(path.resolve('knowledge'));
    const documents = await loadDocuments(path.join(work, 'data'));
    const answerer = createAnswerer({ ...curated, passages: [...curated.passages, ...documents] });

    const duration = answerer.answer({ text: 'Hoe lang duurt de Onderwijs Challenge?' });
    expect(duration.text).toMatch(/vier maanden/);
    expect(duration.text).not.toMatch(/zes maanden/);

    const pool = answerer.answer({ text: 'Wanneer is het zwembad van de Rafaelschool open?' });
    expect(pool.intent).toBe('document');
    expect(pool.text).toMatch(/woensdag/);
    expect(pool.text).toMatch(/Bron: memo\.txt, regels 1-3/);
  });
});
