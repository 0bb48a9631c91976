import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('runs with embedded defaults and no credentials', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.credentials).toBeUndefined();
    expect(config.knowledgeDir).toBe(path.resolve('knowledge'));
    expect(config.dataDir).toBe(path.resolve('data'));
  });

  it('reads the standard Bot Framework settings', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' });
    expect(config.credentials).toEqual({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' });
  });

  it('reads the optional model and website chat settings', () => {
    expect(loadConfig({}).openai).toBeUndefined();
    expect(loadConfig({ OPENAI_API_KEY: 'key' }).openai).toEqual({ apiKey: 'key', model: 'gpt-4o-mini', timeoutMs: 8000 });
    expect(loadConfig({ EMBED_ORIGINS: 'https://www.utrechtleert.nl/, https://utrechtleert.nl' }).embedOrigins).toEqual(['https://www.utrechtleert.nl', 'https://utrechtleert.nl']);
    expect(loadConfig({})).toMatchObject({ chatsPerHour: 60, trustProxy: false });
    expect(loadConfig({ WEBCHAT_CHATS_PER_HOUR: '0', TRUST_PROXY: 'true' })).toMatchObject({ chatsPerHour: 0, trustProxy: true });
    expect(loadConfig({ AZURE_DIRECTLINE_SECRET: 's' }).azureDirectLine).toEqual({ url: 'https://directline.botframework.com/v3/directline', secret: 's' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MicrosoftAppId: 'app' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppPassword: 'secret' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
    [{ OPENAI_TIMEOUT_MS: 'soon' }, 'OPENAI_TIMEOUT_MS'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ DIRECTLINE_SECRET: 'short' }, 'DIRECTLINE_SECRET'],
    [{ EMBED_ORIGINS: 'utrechtleert.nl' }, 'EMBED_ORIGINS'],
    [{ WEBCHAT_CHATS_PER_HOUR: 'many' }, 'WEBCHAT_CHATS_PER_HOUR'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${variable}\\b`));
  });
});
