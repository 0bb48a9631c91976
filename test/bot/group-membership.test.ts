import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupCheck } from '../../src/bot/teams/group-membership.js';
import { isStaff } from '../../src/bot/teams/staff.js';

const GROUP = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const MEMBER = 'aaaaaaaa-0000-4000-8000-000000000001';
const TENANT = '6b0f3c7e-2d41-4c55-9b7a-1f2e3d4c5b6a';

/** Microsoft's token endpoint and Graph's checkMemberGroups, locally; counts the calls. */
function fakeMicrosoft() {
  const calls = { token: 0, graph: 0 };
  let graphUp = true;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.url === `/${TENANT}/oauth2/v2.0/token`) {
        calls.token++;
        const form = new URLSearchParams(body);
        return form.get('client_secret') === 'bot-secret' && form.get('grant_type') === 'client_credentials' ? send(200, { access_token: 'graph-token', expires_in: 3600 }) : send(401, {});
      }
      const match = req.url?.match(/^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/);
      if (match && req.headers.authorization === 'Bearer graph-token') {
        calls.graph++;
        if (!graphUp) return send(503, {});
        const asked = (JSON.parse(body) as { groupIds: string[] }).groupIds;
        return send(200, { value: decodeURIComponent(match[1] ?? '') === MEMBER ? asked : [] });
      }
      send(404, {});
    });
  });
  return { server, calls, down: () => (graphUp = false) };
}

describe('staff recognised by an Entra ID group', () => {
  const microsoft = fakeMicrosoft();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => microsoft.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(microsoft.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => microsoft.server.close(() => resolve())));

  const activity = (aadObjectId: string, tenant = TENANT) => ({ channelId: 'msteams', from: { id: '29:x', name: 'Medewerker', aadObjectId }, channelData: { tenant: { id: tenant } } });

  it('asks Graph once per person and keeps the answer a while; no tenant, no question', async () => {
    const inGroup = createGroupCheck({ tenantId: TENANT, clientId: 'bot', clientSecret: 'bot-secret', groupId: GROUP, loginUrl: url, graphUrl: url });
    const policy = { tenantIds: [TENANT], inGroup };
    expect(await isStaff(activity(MEMBER), policy)).toBe(true);
    expect(await isStaff(activity(MEMBER), policy)).toBe(true);
    expect(await isStaff(activity('bbbbbbbb-0000-4000-8000-000000000002'), policy)).toBe(false);
    expect(await isStaff(activity(MEMBER, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), policy)).toBe(false);
    expect(microsoft.calls).toEqual({ token: 1, graph: 2 });
  });

  it('keeps staff features closed when Graph cannot be asked', async () => {
    microsoft.down();
    const inGroup = createGroupCheck({ tenantId: TENANT, clientId: 'bot', clientSecret: 'bot-secret', groupId: GROUP, loginUrl: url, graphUrl: url });
    expect(await isStaff(activity(MEMBER), { tenantIds: [TENANT], inGroup })).toBe(false);
  });
});
