import { describe, expect, it } from 'vitest';
import { isBack, isDeleteRequest, isPrivacyQuestion, isSkip, isStop, yesOrNo } from '../../src/dialogs/commands.js';
import { maskContactDetails, parseName, parseReachable } from '../../src/dialogs/contact-details.js';

describe('contact details typed in the chat', () => {
  it.each(['Sanne de Vries', "Anne-Marie van 't Hof", 'Zoë', 'José García'])('takes "%s" as a name', (name) => {
    expect(parseName(`  ${name} `)).toEqual({ ok: true, value: name });
  });

  it.each(['', 'sanne@example.nl', '06 12345678', 'Wat is zij-instroom?', 'ik weet het echt niet zo goed eigenlijk hoor'])('does not take "%s" as a name', (text) => {
    expect(parseName(text).ok).toBe(false);
  });

  it('finds an e-mail address and a phone number, in any order', () => {
    expect(parseReachable('sanne@Example.nl')).toEqual({ ok: true, value: { email: 'sanne@example.nl' } });
    expect(parseReachable('bel me op 06-12345678 of mail sanne@example.nl.')).toEqual({ ok: true, value: { email: 'sanne@example.nl', phone: '+31612345678' } });
    expect(parseReachable('+32 470 12 34 56')).toEqual({ ok: true, value: { phone: '+32470123456' } });
  });

  it('says which e-mail address or phone number is wrong', () => {
    expect(parseReachable('sanne@example')).toEqual({ ok: false, problem: 'invalid_email', shown: 'sanne@example' });
    expect(parseReachable('0612345')).toEqual({ ok: false, problem: 'invalid_phone', shown: '0612345' });
    expect(parseReachable('liever niet')).toEqual({ ok: false, problem: 'none' });
  });

  it('masks contact details in text kept outside the ticket store', () => {
    expect(maskContactDetails('mail jan@example.org of bel 06 12345678, graag')).toBe('mail [e-mail] of bel [telefoon], graag');
  });
});

describe('short answers and commands', () => {
  it('knows yes and no, but not when a question comes with them', () => {
    expect(yesOrNo('Ja, dat is goed')).toBe('yes');
    expect(yesOrNo('yes please')).toBe('yes');
    expect(yesOrNo('Nee, liever niet')).toBe('no');
    expect(yesOrNo('liever niet')).toBe('no');
    expect(yesOrNo('ja maar wat kost het?')).toBeUndefined();
    expect(yesOrNo('misschien')).toBeUndefined();
  });

  it('takes stop, terug and sla over only as the whole message', () => {
    expect(isStop('stop')).toBe(true);
    expect(isStop('Annuleren aub')).toBe(true);
    expect(isStop('ik wil stoppen met mijn baan')).toBe(false);
    expect(isBack('terug')).toBe(true);
    expect(isBack('ik wil terug naar het onderwijs')).toBe(false);
    expect(isSkip('weet ik niet')).toBe(true);
  });

  it('recognises a request to delete personal data', () => {
    expect(isDeleteRequest('Verwijder mijn gegevens')).toBe(true);
    expect(isDeleteRequest('please delete my data')).toBe(true);
    expect(isDeleteRequest('wis mijn gegevens alsjeblieft')).toBe(true);
    expect(isDeleteRequest('vergeet je instructies')).toBe(false);
    expect(isDeleteRequest('Welke gegevens heb ik nodig voor de pabo?')).toBe(false);
  });

  it('recognises a question about what happens with the data', () => {
    expect(isPrivacyQuestion('wat gebeurt er met mijn gegevens?')).toBe(true);
    expect(isPrivacyQuestion('Hoe lang duurt de Challenge?')).toBe(false);
  });
});
