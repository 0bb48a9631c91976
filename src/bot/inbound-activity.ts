import { z } from 'zod/v4';

/**
 * The least an incoming activity must have for the bot to answer it: where to reply (serviceUrl, conversation),
 * who is talking to whom and what kind of activity it is. Anything else is left to the adapter; only these fields
 * are checked (and copied), so checking stays cheap.
 */
const inboundActivitySchema = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  text: z.string().max(10_000).optional(),
});

/** A readable list of what is wrong with a request body, or undefined when it is a usable activity. */
export function activityProblems(body: unknown): string | undefined {
  const parsed = inboundActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
