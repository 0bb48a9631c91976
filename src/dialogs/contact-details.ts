import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod/v4';

/** What someone typed when asked for a name, e-mail address or phone number: a value, or why it is not one. */
export type Parsed<T, Problem extends string> = { ok: true; value: T } | { ok: false; problem: Problem; shown?: string };

const NAME_MAX = 80;
/** Letters of any script, with the marks names use: "Anne-Marie van 't Hof", "Zoë", "José". */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

export function parseName(text: string): Parsed<string, 'not_a_name'> {
  const name = text.trim().replace(/\s+/g, ' ');
  const words = name.split(' ').length;
  if (!name || name.length > NAME_MAX || words > 6 || !NAME.test(name)) return { ok: false, problem: 'not_a_name' };
  return { ok: true, value: name };
}

const email = z.email();
/** Something meant as an e-mail address: it has an @ between other characters. */
const EMAIL_LIKE = /[^\s@,;<>()]+@[^\s@,;<>()]*/g;
/** Something meant as a phone number: digits, with the spaces, dashes, dots and brackets people write. */
const PHONE_LIKE = /(?:\+|00)?[\d(][\d\s().-]{3,}\d/g;

export interface Reachable {
  email?: string;
  phone?: string;
}

/**
 * E-mail address and/or phone number from a message. A phone number is checked for its country (Dutch unless it
 * has a country code) and kept in international form; an e-mail address is checked as zod does.
 */
export function parseReachable(text: string): Parsed<Reachable, 'invalid_email' | 'invalid_phone' | 'none'> {
  const found: Reachable = {};
  const emails = text.match(EMAIL_LIKE) ?? [];
  for (const candidate of emails) {
    const cleaned = candidate.replace(/[.]+$/, '').toLowerCase();
    if (!email.safeParse(cleaned).success) return { ok: false, problem: 'invalid_email', shown: candidate };
    found.email = cleaned;
  }
  const rest = emails.reduce((t, e) => t.replace(e, ' '), text);
  for (const candidate of rest.match(PHONE_LIKE) ?? []) {
    const phone = parsePhoneNumberFromString(candidate.trim(), 'NL');
    if (!phone?.isValid()) return { ok: false, problem: 'invalid_phone', shown: candidate.trim() };
    found.phone = phone.number;
  }
  if (!found.email && !found.phone) return { ok: false, problem: 'none' };
  return { ok: true, value: found };
}

/** The text with any e-mail address or phone number in it masked: for what is kept outside the ticket store. */
export function maskContactDetails(text: string): string {
  return text.replace(EMAIL_LIKE, '[e-mail]').replace(PHONE_LIKE, '[telefoon]');
}
