import type { Delivery, TicketText } from '../delivery/index.js';
import type { Ticket, TicketEvent, TicketStatus } from '../tickets/index.js';
import type { FilterQuery } from './filters.js';

/** The backoffice pages as HTML strings (Dutch, for the loket staff). No scripts: forms and links only. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const when = (d: Date | undefined) => (d ? d.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }) : '');

export const STATUS_LABELS: Record<Exclude<TicketStatus, 'draft'>, string> = {
  open: 'Open',
  claimed: 'Opgepakt',
  contacted: 'Contact gehad',
  closed: 'Afgesloten',
};
const statusLabel = (s: TicketStatus) => (s === 'draft' ? 'Concept' : STATUS_LABELS[s]);

const DELIVERY_LABELS: Record<Delivery['status'], string> = { pending: 'Wordt verstuurd', delivered: 'Afgeleverd', skipped: 'Niet verstuurd' };
const CHANNEL_LABELS: Record<Delivery['channel'], string> = { teams: 'Teams', email: 'E-mail', webhook: 'Ticketsysteem' };

function layout(title: string, body: string, signedIn?: { name: string; formToken: string }): string {
  const who = signedIn
    ? `<form method="post" action="/backoffice/logout" class="who">Ingelogd als ${escape(signedIn.name)} <input type="hidden" name="formToken" value="${escape(signedIn.formToken)}"><button>Uitloggen</button></form>`
    : '';
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Onderwijsloket backoffice</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;line-height:1.4}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
form.filters,form.who{display:flex;gap:.75rem;align-items:end;flex-wrap:wrap}.who{justify-content:flex-end}
.error{color:#b00020}dt{font-weight:600}dd{margin:0 0 .5rem 0;white-space:pre-line}
</style></head>
<body>
${who}
<h1>${escape(title)}</h1>
${body}
</body>
</html>
`;
}

/** How one can sign in here: with the access code, with Microsoft, or both. */
export interface SignInOptions {
  code: boolean;
  microsoft: boolean;
}

export function loginPage(options: SignInOptions, error?: string): string {
  const microsoft = options.microsoft ? '<p><a href="/backoffice/signin">Inloggen met Microsoft</a></p>' : '';
  const code = options.code
    ? `<form method="post" action="/backoffice/login">
<p><label>Je naam (voor de historie)<br><input name="name" required maxlength="80" autocomplete="name"></label></p>
<p><label>Toegangscode<br><input name="token" type="password" required autocomplete="current-password"></label></p>
<p><button>Inloggen</button></p>
</form>`
    : '';
  const closed = !options.code && !options.microsoft ? '<p>De backoffice is niet ingesteld.</p>' : '';
  return layout('Inloggen', `${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}${microsoft}${code}${closed}`);
}

/** After signing in with Microsoft: a same-site step, so that the browser sends the new (strict) session cookie. */
export function signedInPage(): string {
  return layout('Ingelogd', '<meta http-equiv="refresh" content="0; url=/backoffice"><p><a href="/backoffice">Verder naar de aanvragen</a></p>');
}

export interface ListPage {
  tickets: readonly Ticket[];
  query: FilterQuery;
  routes: readonly { id: string; label: string }[];
  routeLabel: (routeId: string | undefined) => string;
  signedIn: { name: string; formToken: string };
}

export function listPage({ tickets, query, routes, routeLabel, signedIn }: ListPage): string {
  const option = (value: string, label: string, selected: boolean) => `<option value="${escape(value)}"${selected ? ' selected' : ''}>${escape(label)}</option>`;
  const statuses = [option('active', 'Nog niet afgesloten', query.status === 'active'), option('', 'Alle', query.status === undefined), ...Object.entries(STATUS_LABELS).map(([v, l]) => option(v, l, query.status === v))];
  const filters = `<form class="filters" method="get" action="/backoffice">
<label>Status<br><select name="status">${statuses.join('')}</select></label>
<label>Route<br><select name="route">${[option('', 'Alle routes', !query.route), ...routes.map((r) => option(r.id, r.label, query.route === r.id))].join('')}</select></label>
<label>Ouder dan (dagen)<br><input name="olderThanDays" type="number" min="0" value="${query.olderThanDays ?? ''}"></label>
<button>Filter</button>
</form>`;
  const rows = tickets
    .map(
      (t) =>
        `<tr><td><a href="/backoffice/tickets/${escape(t.id)}">${escape(t.reference)}</a></td><td>${escape(routeLabel(t.routeId))}</td><td>${statusLabel(t.status)}</td><td>${when(t.submittedAt)}</td><td>${escape(t.claimedBy?.name ?? '')}</td></tr>`,
    )
    .join('\n');
  const table = tickets.length
    ? `<table><thead><tr><th>Referentie</th><th>Route</th><th>Status</th><th>Ontvangen</th><th>Opgepakt door</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : '<p>Geen aanvragen met deze filters.</p>';
  return layout('Aanvragen', `${filters}\n<p>${tickets.length} aanvragen</p>\n${table}`, signedIn);
}

export interface DetailPage {
  ticket: Ticket;
  text: TicketText;
  deliveries: readonly Delivery[];
  events: readonly TicketEvent[];
  signedIn: { name: string; formToken: string };
  notice?: string;
}

export function detailPage({ ticket, text, deliveries, events, signedIn, notice }: DetailPage): string {
  const facts = `<dl>${text.facts.map((f) => `<dt>${escape(f.label)}</dt><dd>${escape(f.value)}</dd>`).join('')}</dl>`;
  const status = `<form method="post" action="/backoffice/tickets/${escape(ticket.id)}/status">
<input type="hidden" name="formToken" value="${escape(signedIn.formToken)}">
<label>Status<br><select name="status">${Object.entries(STATUS_LABELS)
    .map(([v, l]) => `<option value="${v}"${ticket.status === v ? ' selected' : ''}>${l}</option>`)
    .join('')}</select></label>
<label>Notitie<br><input name="note" maxlength="1000" size="40"></label>
<button>Opslaan</button>
</form>`;
  const deliveryRows = deliveries
    .map(
      (d) =>
        `<tr><td>${CHANNEL_LABELS[d.channel]}${d.purpose === 'reminder' ? ' (herinnering)' : ''}</td><td>${escape(d.target)}</td><td>${DELIVERY_LABELS[d.status]}</td><td>${d.attempts}</td><td>${when(d.deliveredAt)}</td><td>${escape(d.lastError ?? '')}</td></tr>`,
    )
    .join('\n');
  const retry = deliveries.some((d) => d.status === 'pending')
    ? `<form method="post" action="/backoffice/tickets/${escape(ticket.id)}/retry"><input type="hidden" name="formToken" value="${escape(signedIn.formToken)}"><button>Nu opnieuw versturen</button></form>`
    : '';
  const eventRows = events
    .map(
      (e) =>
        `<tr><td>${when(e.at)}</td><td>${escape(e.actor.name)}</td><td>${escape(e.action)}</td><td>${e.fromStatus ? statusLabel(e.fromStatus) : ''} → ${e.toStatus ? statusLabel(e.toStatus) : ''}</td><td>${escape(e.note ?? '')}</td></tr>`,
    )
    .join('\n');
  return layout(
    text.title,
    `<p><a href="/backoffice">← Alle aanvragen</a></p>
${notice ? `<p role="status">${escape(notice)}</p>` : ''}
<p>Status: <strong>${statusLabel(ticket.status)}</strong>${ticket.claimedBy ? ` · opgepakt door ${escape(ticket.claimedBy.name)}` : ''}</p>
${status}
<h2>Aanvraag</h2>
${ticket.personalDataDeletedAt ? `<p>De persoonsgegevens zijn gewist op ${when(ticket.personalDataDeletedAt)}.</p>` : ''}
${facts}
<h2>Bezorging</h2>
<table><thead><tr><th>Kanaal</th><th>Naar</th><th>Status</th><th>Pogingen</th><th>Afgeleverd</th><th>Laatste fout</th></tr></thead><tbody>
${deliveryRows}
</tbody></table>
${retry}
<h2>Historie</h2>
<table><thead><tr><th>Wanneer</th><th>Wie</th><th>Wat</th><th>Status</th><th>Notitie</th></tr></thead><tbody>
${eventRows}
</tbody></table>`,
    signedIn,
  );
}
