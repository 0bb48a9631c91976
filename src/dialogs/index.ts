export { isDeleteRequest, isStop } from './commands.js';
export type { DialogIntent, DialogReply, Flow, Input, Step } from './flow.js';
export { createHandoffFlow, type HandoffRequest, type HandoffState } from './handoff.js';
export { dataDeleted } from './handoff-messages.js';
export { createQualifyFlow, type QualifyOptions, type QualifyState } from './qualify.js';
export { memorySchema, rememberTurn, type Memory } from './memory.js';
export { triage } from './triage.js';
export { describeTicket, profileText, type TicketDescription } from './ticket-description.js';
