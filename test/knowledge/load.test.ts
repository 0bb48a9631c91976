import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/index.js';

describe('loadKnowledge', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'knowledge-'));
    await cp(path.resolve('knowledge'), dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const edit = async (file: string, change: (text: string) => string) => {
    const full = path.join(dir, file);
    await writeFile(full, change(await readFile(full, 'utf8')));
  };

  it('gives every curated fact a source, a checked date and both languages', async () => {
    const knowledge = await loadKnowledge(dir);
    for (const p of knowledge.passages) {
      expect(p.citations.length, p.id).toBeGreaterThan(0);
      expect(p.checked, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.text.nl && p.text.en, p.id).toBeTruthy();
    }
  });

  it.each([
    ['a missing required field', (t: string) => t.replace(/^name: .*$/m, ''), /routes\/onderwijs-challenge\.yaml: name: /],
    ['an empty translation', (t: string) => t.replace(/en: A round lasts four months\..*$/m, 'en: ""'), /routes\/onderwijs-challenge\.yaml: fields\.duration\.0\.en: /],
    ['an unknown source', (t: string) => t.replace('doc: zelfevaluatie-2025', 'doc: no-such-document'), /onderwijs-challenge\.yaml: fields\.\w+\.\d+\.sources\.0\.doc: unknown source 'no-such-document'/],
    ['an unknown field', (t: string) => t.replace('  duration:', '  duratoin:'), /onderwijs-challenge\.yaml: fields: .*duratoin/],
    ['a wrong date', (t: string) => t.replace('checked: 2026-11-23', 'checked: 23-11-2026'), /onderwijs-challenge\.yaml: checked: /],
    ['broken YAML', (t: string) => `${t}\n  - [unclosed`, /onderwijs-challenge\.yaml: is not valid YAML/],
  ])('stops on %s with a message naming the file and field', async (_name, change, message) => {
    await edit('routes/onderwijs-challenge.yaml', change);
    const loading = loadKnowledge(dir);
    await expect(loading).rejects.toBeInstanceOf(KnowledgeError);
    await expect(loadKnowledge(dir)).rejects.toThrow(message);
  });

  it('stops when two files use the same id', async () => {
    await cp(path.join(dir, 'routes/onderwijs-challenge.yaml'), path.join(dir, 'routes/copy.yaml'));
    await expect(loadKnowledge(dir)).rejects.toThrow(/id 'onderwijs-challenge' is also used by .*(copy|onderwijs-challenge)\.yaml/);
  });

  it('stops when the folder is missing', async () => {
    await expect(loadKnowledge(path.join(dir, 'nothing-here'))).rejects.toThrow(KnowledgeError);
  });
});
