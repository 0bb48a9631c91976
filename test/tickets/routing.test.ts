import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/index.js';
import { loadRouting } from '../../src/tickets/index.js';

describe('the routing table', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'routing-'));
    await cp(path.resolve('knowledge'), dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const routing = async () => loadRouting(dir, await loadKnowledge(dir));

  it('sends a route to its programme team and everything else to the loket backoffice', async () => {
    const table = await routing();
    expect(table.destinationFor('studiereis-vlaanderen')).toMatchObject({ kind: 'programme', email: 'margriet@utrechtleert.nl' });
    expect(table.destinationFor('utrechtse-energie').email).toBe('patricia@utrechtleert.nl');
    expect(table.destinationFor('zij-instroom')).toMatchObject({ id: 'loket', kind: 'loket', email: 'welkom@utrechtleert.nl' });
    expect(table.destinationFor(undefined).email).toBe('welkom@utrechtleert.nl');
    expect(table.respondWithinWorkdays).toBe(2);
    expect(table.destinations[0]?.id).toBe('loket');
  });

  it.each([
    ['an address that is not an e-mail address', (t: string) => t.replace('email: margriet@utrechtleert.nl', 'email: margriet'), /routing\.yaml: destinations\.gespecialiseerd-onderwijs\.email: /],
    ['a route the knowledge does not have', (t: string) => t.replace('  utrechtse-energie: campagne', '  no-such-route: campagne'), /routing\.yaml: routes\.no-such-route: unknown topic/],
    ['an unknown destination', (t: string) => t.replace('  utrechtse-energie: campagne', '  utrechtse-energie: nobody'), /routing\.yaml: routes\.utrechtse-energie: unknown destination 'nobody'/],
    ['an unknown source', (t: string) => t.replace('doc: plan-onderwijsregio', 'doc: no-such-document'), /routing\.yaml: destinations\.campagne\.sources: unknown source/],
  ])('stops on %s with a message naming the field', async (_name, change, message) => {
    const file = path.join(dir, 'routing.yaml');
    await writeFile(file, change(await readFile(file, 'utf8')));
    await expect(routing()).rejects.toBeInstanceOf(KnowledgeError);
    await expect(routing()).rejects.toThrow(message);
  });
});
