import { ActionTypes, ActivityTypes, type Activity, type Entity, type TurnContext } from 'botbuilder';
import type { Reply } from '../knowledge/index.js';

export const TURN_TRACE_NAME = 'onderwijsloket.turn';

/** The ids a log line carries about a turn: never its text. */
export function activityIds(context: TurnContext) {
  const a = context.activity;
  return { activityId: a.id, conversationId: a.conversation?.id, channelId: a.channelId };
}

const ABSTRACT_MAX = 160;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The schema.org Message entity with a citation list, the form Teams and Web Chat render. */
function citationEntity(reply: Reply<string>): Entity {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    // Teams and Web Chat show "AI generated" on a reply a language model wrote.
    ...(reply.generated ? { additionalType: ['AIGeneratedContent'] } : {}),
    citation: reply.citations.map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: c.source.short[reply.lang],
        abstract: clip(`${c.source.title}: ${c.section}${c.lines ? ` (${reply.lang === 'nl' ? 'regels' : 'lines'} ${c.lines})` : ''}`, ABSTRACT_MAX),
        ...(c.source.url ? { url: c.source.url } : {}),
      },
    })),
  };
}

/** A reply as a Bot Framework message activity: text, suggested actions and, when it has sources, citations. */
export function replyActivity(reply: Reply<string>): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: reply.text,
    textFormat: 'plain',
    locale: reply.lang === 'nl' ? 'nl-NL' : 'en-US',
    inputHint: 'acceptingInput',
    ...(reply.suggestions.length
      ? { suggestedActions: { to: [], actions: reply.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s, value: s })) } }
      : {}),
    ...(reply.citations.length ? { entities: [citationEntity(reply)] } : {}),
  };
}

/**
 * The decision record of a turn (intent, routes, sources, confidence, dialog), as a trace activity: botbuilder
 * delivers it only on the Emulator channel. It never holds what the person typed.
 */
export function traceActivity(replies: readonly Reply<string>[], dialog?: string): Partial<Activity> {
  const last = replies.at(-1);
  const unique = <T>(items: T[]) => [...new Set(items)];
  return {
    type: ActivityTypes.Trace,
    name: TURN_TRACE_NAME,
    label: 'Decision record of this turn',
    valueType: 'https://utrechtleert.nl/schemas/onderwijsloket-turn',
    value: {
      intent: last?.intent,
      ...(dialog ? { dialog } : {}),
      routes: unique(replies.flatMap((r) => r.routeIds)),
      topics: unique(replies.flatMap((r) => r.topicIds)),
      sources: replies.flatMap((r) => r.citations.map((c) => ({ doc: c.source.id, section: c.section, ...(c.lines ? { lines: c.lines } : {}) }))),
      confidence: Math.round(Math.min(...replies.map((r) => r.confidence)) * 100) / 100,
      lang: last?.lang,
      ...(replies.some((r) => r.generated) ? { generated: true } : {}),
    },
  };
}
