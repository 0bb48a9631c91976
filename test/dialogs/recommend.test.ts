import { beforeAll, describe, expect, it } from 'vitest';
import { readProfile, type Profile } from '../../src/dialogs/profile.js';
import { isClear, nextQuestion, recommend, RULES } from '../../src/dialogs/recommend.js';
import { keyFact, reasonText } from '../../src/dialogs/recommendation-text.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/index.js';

describe('reading a profile from free text', () => {
  it.each([
    ['ik ben 42, accountant met een hbo-diploma en wil voor de klas', { diploma: 'hbo', situation: 'other_sector', goal: 'teach' }],
    ['ben 24, net klaar met bedrijfskunde aan de universiteit en wil juf worden op een basisschool', { diploma: 'wo', sector: 'po', goal: 'teach' }],
    ['Ik sta nu 8 jaar voor groep 6 en wil graag directeur worden', { situation: 'teacher', goal: 'lead' }],
    ['Ik werk als onderwijsassistent op een SO-school en wil me verder ontwikkelen richting hbo', { situation: 'support_staff', sector: 'go' }],
    ["I'm taking a gap year after my bachelor. Could I try out teaching at a primary school for a few months?", { diploma: 'hbo', situation: 'student', sector: 'po', goal: 'explore', time: 'short' }],
    ['I work in IT and would love to help out at a school one day a week without quitting my job', { situation: 'other_sector', goal: 'support', time: 'alongside' }],
    ['Ik heb tien jaar lesgegeven maar ben gestopt', { situation: 'returner' }],
    ['I have a teaching diploma from Spain', { diploma: 'foreign' }],
    ['Ik werk op de bso en zou in de klas graag ondersteuner zijn', { sector: 'kinderopvang', goal: 'support' }],
  ] satisfies [string, Profile][])('%s', (text, expected) => {
    expect(readProfile(text)).toMatchObject(expected);
  });

  it('does not take where someone wants to go for the diploma they have', () => {
    expect(readProfile('ik wil richting hbo').diploma).toBeUndefined();
  });

  it('does not read a wish to teach into working next to teachers, or a diploma into a trip abroad', () => {
    expect(readProfile('I would love to do my internship at a primary school, working alongside teachers').goal).toBeUndefined();
    expect(readProfile('looking for inspiration abroad').diploma).toBeUndefined();
  });
});

describe('the route rules', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge('knowledge');
  });

  it('only name routes and programmes the knowledge has', () => {
    for (const id of Object.keys(RULES)) expect(knowledge.topicById.has(id), id).toBe(true);
  });

  it('point each profile value to a fact of the route that the knowledge still holds', () => {
    for (const [routeId, rule] of Object.entries(RULES)) {
      for (const term of rule.terms ?? []) {
        if (!term.show) continue;
        const fact = keyFact(knowledge, { routeId, score: 1, because: [], show: term.show });
        expect(fact?.text.nl?.toLowerCase(), `${routeId}: ${term.show}`).toContain(term.show.toLowerCase());
      }
    }
  });

  it.each([
    [{ diploma: 'hbo', situation: 'other_sector', goal: 'teach' }, 'zij-instroom'],
    [{ diploma: 'havo', goal: 'teach', sector: 'po' }, 'pabo-deeltijd'],
    [{ situation: 'support_staff', goal: 'support', sector: 'go' }, 'ad-pep'],
    [{ situation: 'student', diploma: 'mbo', sector: 'kinderopvang' }, 'pedagogisch-verbinder'],
    [{ situation: 'student', goal: 'explore', time: 'short' }, 'onderwijs-challenge'],
    [{ situation: 'other_sector', goal: 'support', time: 'alongside' }, 'onderwijsambassadeur'],
    [{ sector: 'mbo', goal: 'teach', diploma: 'wo' }, 'pdg'],
    [{ situation: 'teacher', goal: 'lead' }, 'las-1'],
    [{ situation: 'leader', goal: 'lead' }, 'las-2'],
    [{ situation: 'teacher', goal: 'support' }, 'ib-kc'],
    [{ situation: 'student', sector: 'go' }, 'minor-go'],
    [{ situation: 'returner' }, 'herintreders'],
    [{ diploma: 'foreign', goal: 'teach' }, 'landelijk-onderwijsloket'],
  ] satisfies [Profile, string][])('%j -> %s', (profile, route) => {
    expect(recommend(profile)[0]?.routeId).toBe(route);
    expect(isClear(profile)).toBe(true);
  });

  it('give no route where none fits, and never more than three', () => {
    expect(recommend({})).toEqual([]);
    expect(recommend({ diploma: 'other', goal: 'lead' }).length).toBeLessThanOrEqual(3);
  });

  it('give the reason in the words of the answers', () => {
    const [top] = recommend({ diploma: 'hbo', goal: 'teach', sector: 'po' });
    expect(reasonText(top?.because ?? [], 'nl')).toBe('je hebt een hbo-diploma, je wilt lesgeven en je wilt werken in het basisonderwijs.');
    expect(reasonText(top?.because ?? [], 'en')).toBe("you have a bachelor's degree (hbo), you want to teach and you want to work in primary education.");
  });
});

describe('what the qualification asks next', () => {
  it('starts with what someone wants, when nothing is known', () => {
    expect(nextQuestion({})).toBe('goal');
  });

  it('asks only what still tells the routes apart', () => {
    // Wanting to teach and working elsewhere: the diploma decides between side entry and the pabo.
    expect(nextQuestion({ goal: 'teach', situation: 'other_sector' })).toBe('diploma');
    // A teacher who wants to lead: LAS I, whatever the diploma or sector.
    expect(nextQuestion({ goal: 'lead', situation: 'teacher' })).toBeUndefined();
  });

  it('does not ask again what was skipped', () => {
    expect(nextQuestion({ goal: 'teach', situation: 'other_sector' }, ['diploma'])).not.toBe('diploma');
  });
});
