import path from 'node:path';
import { z } from 'zod/v4';
import { KnowledgeError, localizedSchema, parseWith, readYaml, sourceRefSchema, type Knowledge } from '../knowledge/index.js';

export const DELIVERY_CHANNELS = ['teams', 'email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

const destinationSchema = z.strictObject({
  kind: z.enum(['loket', 'programme', 'board']),
  name: localizedSchema,
  email: z.email(),
  /** How tickets reach this destination: the linked Teams channels, its e-mail address, the ticket-system webhook. */
  deliver: z.array(z.enum(DELIVERY_CHANNELS)).min(1).default(['teams', 'email']),
  sources: z.array(sourceRefSchema).min(1),
});

const routingFileSchema = z.strictObject({
  respond_within_workdays: z.number().int().min(1).max(30),
  default: z.string().min(1),
  destinations: z.record(z.string().min(1), destinationSchema),
  routes: z.record(z.string().min(1), z.string().min(1)).default({}),
});

export type DestinationKind = z.infer<typeof destinationSchema>['kind'];

/** Who receives a ticket: a school board, a programme team or the loket backoffice. */
export interface Destination {
  id: string;
  kind: DestinationKind;
  name: { nl: string; en: string };
  email: string;
  deliver: DeliveryChannel[];
}

export interface Routing {
  /** The destination for a route or programme; the loket backoffice when none is set (or no route is known). */
  destinationFor(routeId?: string): Destination;
  /** Within how many working days the person hears back. */
  respondWithinWorkdays: number;
  /** Every destination, the default first. */
  destinations: readonly Destination[];
}

/** Reads `routing.yaml` from the knowledge folder; a broken file stops start-up with a message naming the field. */
export async function loadRouting(knowledgeDir: string, knowledge: Pick<Knowledge, 'topicById' | 'sources'>): Promise<Routing> {
  const file = path.join(knowledgeDir, 'routing.yaml');
  const data = parseWith(routingFileSchema, await readYaml(file), file);
  const destinations = new Map(Object.entries(data.destinations).map(([id, d]) => [id, { id, kind: d.kind, name: d.name, email: d.email, deliver: d.deliver }]));
  const fallback = destinations.get(data.default);
  if (!fallback) throw new KnowledgeError(`${file}: default: unknown destination '${data.default}'`);
  for (const [id, d] of Object.entries(data.destinations)) {
    const unknown = d.sources.find((s) => !knowledge.sources.has(s.doc));
    if (unknown) throw new KnowledgeError(`${file}: destinations.${id}.sources: unknown source '${unknown.doc}' (see sources.yaml)`);
  }
  for (const [routeId, destinationId] of Object.entries(data.routes)) {
    if (!knowledge.topicById.has(routeId)) throw new KnowledgeError(`${file}: routes.${routeId}: unknown topic '${routeId}'`);
    if (!destinations.has(destinationId)) throw new KnowledgeError(`${file}: routes.${routeId}: unknown destination '${destinationId}'`);
  }
  return {
    respondWithinWorkdays: data.respond_within_workdays,
    destinations: [fallback, ...[...destinations.values()].filter((d) => d !== fallback)],
    destinationFor: (routeId) => destinations.get(data.routes[routeId ?? ''] ?? '') ?? fallback,
  };
}
