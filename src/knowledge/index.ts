export { createAnswerer, type Answerer, type Question } from './answerer.js';
export type { Intent, Reply } from './compose.js';
export { langFromLocale } from './language.js';
export { ingestFolder, loadDocuments } from './documents.js';
export { KnowledgeError, loadKnowledge } from './load.js';
export { MESSAGES } from './messages.js';
export type { Citation, Knowledge, Lang, Passage } from './model.js';
