import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEntra } from '../support/fake-entra.js';
import { startTestService } from '../support/service.js';

const GROUP = randomUUID();

describe('signing in to the backoffice with Entra ID', () => {
  let entra: FakeEntra;
  let service: Awaited<ReturnType<typeof startTestService>>;

  beforeAll(async () => {
    entra = await new FakeEntra().start();
    service = await startTestService({
      BACKOFFICE_ENTRA_TENANT_ID: entra.tenantId,
      BACKOFFICE_ENTRA_CLIENT_ID: entra.clientId,
      BACKOFFICE_ENTRA_CLIENT_SECRET: entra.clientSecret,
      BACKOFFICE_ENTRA_GROUP_ID: GROUP,
      BACKOFFICE_ENTRA_AUTHORITY: entra.issuer,
    });
  });
  afterAll(async () => {
    await service.close();
    await entra.stop();
  });

  const cookieFrom = (response: Response, name: string) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1) ?? '';

  /** Goes to Microsoft and back as the given person; returns the final response. */
  const signIn = async (claims: Record<string, unknown>, tamper?: (callback: string) => string) => {
    const start = await fetch(`${service.url}/backoffice/signin`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = start.headers.get('location') ?? '';
    expect(location.startsWith(`${entra.issuer}/authorize?`)).toBe(true);
    const callback = entra.authorize(location, claims);
    const back = new URL(tamper ? tamper(callback) : callback);
    return fetch(`${service.url}${back.pathname}${back.search}`, { redirect: 'manual', headers: { cookie: cookieFrom(start, 'backoffice_signin') } });
  };

  it('offers the Microsoft sign-in on the closed page', async () => {
    const closed = await fetch(`${service.url}/backoffice`);
    expect(closed.status).toBe(401);
    expect(await closed.text()).toContain('Inloggen met Microsoft');
  });

  it('lets a member of the staff group in, under their own name', async () => {
    const back = await signIn({ name: 'Karin Smit', oid: randomUUID(), groups: [GROUP] });
    expect(back.status).toBe(200);
    const session = cookieFrom(back, 'backoffice_session');
    expect(session).not.toBe('');
    const page = await fetch(`${service.url}/backoffice`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ingelogd als Karin Smit');
  });

  it('refuses someone outside the group, and a callback with another state', async () => {
    const outsider = await signIn({ name: 'Iemand Anders', oid: randomUUID(), groups: [randomUUID()] });
    expect(outsider.status).toBe(401);
    expect(await outsider.text()).toContain('mag de backoffice niet gebruiken');
    expect(cookieFrom(outsider, 'backoffice_session')).toBe('');

    const forged = await signIn({ name: 'Karin Smit', oid: randomUUID(), groups: [GROUP] }, (url) => url.replace(/state=[^&]+/, 'state=forged'));
    expect(forged.status).toBe(401);
    expect(cookieFrom(forged, 'backoffice_session')).toBe('');
  });

  it('keeps the API closed without its bearer token', async () => {
    expect((await fetch(`${service.url}/api/tickets`)).status).toBe(401);
  });
});
