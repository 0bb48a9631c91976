import type { Gap, Passage } from './model.js';
import type { Field } from './schema.js';

export type Smalltalk = 'greeting' | 'thanks' | 'goodbye' | 'identity' | 'language' | 'howAreYou';

/** What the bot has decided to say, before it is put into words. */
export type Decision =
  | { kind: 'facts'; topicIds: string[]; passages: Passage[]; confidence: number }
  | { kind: 'advice'; groups: { topicId: string; passages: Passage[] }[]; confidence: number }
  | { kind: 'document'; passages: Passage[]; confidence: number }
  | { kind: 'unknown'; topicId?: string; field?: Field; gaps: Gap[]; related: Passage[]; confidence: number }
  | { kind: 'clarify'; topicIds: string[] }
  | { kind: 'handoff'; topicId?: string; related: Passage[] }
  | { kind: 'unhappy' }
  | { kind: 'smalltalk'; which: Smalltalk }
  | { kind: 'route_help'; topicIds: string[] }
  | { kind: 'refusal'; then?: Decision }
  | { kind: 'out_of_scope' };
