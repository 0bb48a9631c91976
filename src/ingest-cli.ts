import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { ingestFolder } from './knowledge/documents.js';

/** `npm run ingest -- <folder>`: adds the .txt, .md and .pdf files of a folder as searchable passages. */
async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    console.error('Usage: npm run ingest -- <folder with .txt, .md or .pdf files>');
    process.exit(2);
  }
  const config = loadConfig();
  const results = await ingestFolder(path.resolve(folder), config.dataDir);
  for (const r of results) console.log(r.skipped ? `skipped  ${r.file}: ${r.skipped}` : `ingested ${r.file}: ${r.passages} passages`);
  console.log(`stored in ${path.join(config.dataDir, 'documents.json')}; restart the bot to use them`);
  if (results.some((r) => r.skipped)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Ingest failed: ${(error as Error).message}`);
  process.exit(1);
});
