import type { Knowledge } from '../knowledge/index.js';
import type { Ticket } from '../tickets/index.js';
import { DIALOG_MESSAGES } from './messages.js';
import { PROFILE_FIELDS, type ProfileField } from './profile.js';

/** A ticket in words for the staff who act on it (always Dutch): Teams card, e-mail, backoffice page. */
export interface TicketDescription {
  title: string;
  routeLabel: string;
  /** Label and value, in the order staff read them; empty values are left out. */
  facts: { label: string; value: string }[];
}

const FIELD_LABELS: Record<ProfileField, string> = {
  goal: 'Wil',
  situation: 'Nu',
  diploma: 'Hoogste diploma',
  sector: 'Soort onderwijs',
  time: 'Tijd',
};

const REASONS: Record<Ticket['reason'], string> = {
  recommendation: 'wil kennismaken met de aanbevolen route',
  asked: 'vroeg om een medewerker',
  unanswered: 'de chatbot kon de vraag niet beantwoorden',
  unhappy: 'was niet tevreden over de hulp van de chatbot',
};

const dateTime = (d: Date) => d.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });

/** What someone told about themselves, in the words of the choices they had. */
export function profileText(profile: Record<string, string> | undefined): string {
  if (!profile) return '';
  const choices = DIALOG_MESSAGES.nl.choices as Record<ProfileField, Record<string, string>>;
  return PROFILE_FIELDS.filter((f) => profile[f])
    .map((f) => `${FIELD_LABELS[f]}: ${choices[f][profile[f] ?? ''] ?? profile[f]}`)
    .join(' · ');
}

export function describeTicket(ticket: Ticket, knowledge: Pick<Knowledge, 'topicById'>): TicketDescription {
  const routeLabel = ticket.routeId ? (knowledge.topicById.get(ticket.routeId)?.label.nl ?? ticket.routeId) : 'Algemene vraag';
  const contactWay = ticket.preferredContact === 'phone' ? `telefonisch${ticket.preferredTime ? ` (${ticket.preferredTime})` : ''}` : ticket.preferredContact === 'email' ? 'per e-mail' : '';
  const advice = (ticket.recommendation ?? []).map((r) => `${knowledge.topicById.get(r.routeId)?.label.nl ?? r.routeId}: ${r.reason}`).join('\n');
  const facts = [
    { label: 'Referentie', value: ticket.reference },
    { label: 'Route', value: routeLabel },
    { label: 'Waarom', value: REASONS[ticket.reason] },
    { label: 'Naam', value: ticket.name ?? '' },
    { label: 'E-mail', value: ticket.email ?? '' },
    { label: 'Telefoon', value: ticket.phone ?? '' },
    { label: 'Contact', value: contactWay },
    { label: 'Vraag', value: ticket.question ?? '' },
    { label: 'Situatie', value: profileText(ticket.profile) },
    { label: 'Advies van de chatbot', value: advice },
    { label: 'Samenvatting van het gesprek', value: ticket.summary ?? '' },
    { label: 'Taal', value: ticket.lang === 'en' ? 'Engels' : 'Nederlands' },
    { label: 'Toestemming', value: `gegeven op ${dateTime(ticket.consentAt)}` },
    { label: 'Ontvangen', value: ticket.submittedAt ? dateTime(ticket.submittedAt) : '' },
  ];
  return { title: `Aanvraag ${ticket.reference} · ${routeLabel}`, routeLabel, facts: facts.filter((f) => f.value) };
}
