export { azureDirectLineGrant, type AzureDirectLineSettings, type PageGrant } from './azure-direct-line.js';
export { chatPage, TRANSCRIPT_HOURS } from './page.js';
