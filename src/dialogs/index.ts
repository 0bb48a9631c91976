export { isDeleteRequest, isStop } from './commands.js';
export { maskContactDetails } from './contact-details.js';
export { say, type DialogIntent, type DialogReply, type Flow, type Input, type Step } from './flow.js';
export { createHandoffFlow, type HandoffRequest, type HandoffState } from './handoff.js';
export { HANDOFF_MESSAGES } from './handoff-messages.js';
export { readProfile, type Profile } from './profile.js';
export { createQualifyFlow, type QualifyState } from './qualify.js';
export { isClear, recommend, RULES } from './recommend.js';
export { summarize, type TurnNote } from './summary.js';
