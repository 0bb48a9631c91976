import { describe, expect, it } from 'vitest';
import { readAspects } from '../../src/knowledge/aspects.js';
import { tokenize } from '../../src/knowledge/text.js';

const fieldsOf = (text: string) => readAspects(tokenize(text)).fields.sort();

describe('reading what a question asks about', () => {
  it('reads words two aspect phrases share only once, for the phrase that starts first', () => {
    expect(fieldsOf('Met wie kan ik contact opnemen?')).toEqual(['contact']);
    expect(fieldsOf('Voor wie is de opleiding?')).toEqual(['audience']);
  });

  it('does not read "working with kids" as asking who provides it', () => {
    expect(fieldsOf('Both are about working with kids')).toEqual([]);
    expect(fieldsOf('Which schools does it work with?')).toContain('provider');
    expect(fieldsOf('Who does it work with?')).toContain('provider');
    expect(fieldsOf('The school works with De Vreedzame School.')).toEqual([]);
  });

  it('reads "can I join" as asking who it is for, and "how can I join" as how to sign up', () => {
    expect(fieldsOf('Who can take part in it?')).toEqual(['audience']);
    expect(fieldsOf('Kan ik meedoen als ik geen student ben?')).toEqual(['audience']);
    expect(fieldsOf('Hoe kan ik meedoen?')).toEqual(['contact']);
    expect(fieldsOf('How can I join?')).toEqual(['contact']);
    expect(fieldsOf('Is de Academie ook voor het vo?')).toEqual(['audience']);
    expect(fieldsOf('Or is it just for primary?')).toEqual(['audience']);
  });

  it('reads "wat bedoelen ze met" as asking what something is', () => {
    expect(fieldsOf('Wat bedoelen ze met die aanpak?')).toEqual(['what']);
  });

  it('keeps aspects asked in different words', () => {
    expect(fieldsOf('Hoe lang duurt het en wat kost het?')).toEqual(['costs', 'duration']);
  });
});
