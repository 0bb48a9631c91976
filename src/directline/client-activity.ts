import { z } from 'zod/v4';

/**
 * What a Direct Line client may post: a message (typed text, a suggested action, an Action.Submit value), an event
 * or a typing indicator. Who sent it, to whom and in which conversation is not the client's to say: the server
 * fills that in from the token.
 */
export const clientActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(10_000, 'is longer than 10,000 characters').optional(),
  value: z.unknown().optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(20).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted here').optional(),
  channelData: z.object({ clientActivityID: z.string().min(1).max(100).optional() }).loose().optional(),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** A readable list of what is wrong with a posted activity. */
export function clientActivityProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
