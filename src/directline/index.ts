export { createDirectLine, MESSAGES_PER_MINUTE, watermarkOf, type BotTurn, type DirectLine, type Result, type StreamUrl } from './direct-line.js';
export { createDirectLineTokens, keyFromSecret, tokenSigningKey, TOKEN_LIFETIME_S, type DirectLineTokens } from './tokens.js';
export { createTranscriptStore, type ActivitySet, type StoredActivity, type TranscriptStore } from './transcript-store.js';
