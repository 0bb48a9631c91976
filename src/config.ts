import path from 'node:path';
import { z } from 'zod/v4';

/** A setting that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
    DATA_DIR: z.string().trim().min(1).default('data'),
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// connection URL' }).optional()),
    DATABASE_SCHEMA: optionalText.pipe(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'expected a lowercase schema name').optional()),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    STAFF_TENANT_IDS: optionalText.pipe(
      z
        .string()
        .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
        .pipe(z.array(z.guid({ error: 'expected Microsoft 365 tenant ids (GUIDs), separated by commas' })))
        .optional(),
    ),
    STAFF_GROUP_ID: optionalText.pipe(z.guid().optional()),
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: 'expected smtp://user:password@host:port or smtps://...' }).optional()),
    MAIL_FROM: optionalText,
    WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    BACKOFFICE_TOKEN: optionalText.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
    BACKOFFICE_ENTRA_TENANT_ID: optionalText.pipe(z.guid().optional()),
    BACKOFFICE_ENTRA_CLIENT_ID: optionalText.pipe(z.guid().optional()),
    BACKOFFICE_ENTRA_CLIENT_SECRET: optionalText,
    BACKOFFICE_ENTRA_GROUP_ID: optionalText.pipe(z.guid().optional()),
    BACKOFFICE_ENTRA_AUTHORITY: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DIRECTLINE_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    AZURE_DIRECTLINE_SECRET: optionalText,
    AZURE_DIRECTLINE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    WEBCHAT_CHATS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(60),
    TRUST_PROXY: z.enum(['true', 'false'], { error: 'expected true or false' }).default('false'),
    EMBED_ORIGINS: optionalText.pipe(
      z
        .string()
        .transform((v) => v.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean))
        .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, 'expected origins such as https://www.utrechtleert.nl, separated by commas')))
        .optional(),
    ),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    OPENAI_MODEL: optionalText,
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set' });
    if (env.MAIL_FROM && !/^[^<>]*<?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(env.MAIL_FROM)) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'expected an e-mail address, optionally as "Name <address>"' });
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' });
    if (env.STAFF_GROUP_ID) {
      for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when STAFF_GROUP_ID is set (the group is checked in Microsoft Graph with the bot\'s app registration)' });
      }
    }
    const entra = ['BACKOFFICE_ENTRA_TENANT_ID', 'BACKOFFICE_ENTRA_CLIENT_ID', 'BACKOFFICE_ENTRA_CLIENT_SECRET'] as const;
    if (entra.some((name) => env[name])) {
      for (const name of entra) if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required for Entra ID sign-in to the backoffice' });
    }
    if (!env.MicrosoftAppId) {
      for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const) {
        if (env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is set, but MicrosoftAppId is not' });
      }
      return;
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType && env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for MicrosoftAppType ${env.MicrosoftAppType}` });
    }
  });

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  knowledgeDir: string;
  dataDir: string;
  /** PostgreSQL when a URL is set; the embedded database in dataDir otherwise. */
  database: { url?: string; schema?: string };
  /** Days that personal data of tickets (and idle conversation state) is kept. */
  retentionDays: number;
  /** Where people reach the bot's own pages, such as the privacy statement; default: the address it listens on. */
  publicUrl?: string;
  /** Microsoft 365 tenants whose people are staff in Teams: ticket commands and card actions. */
  staffTenantIds: string[];
  /** An Entra ID group staff must also be in (checked in Microsoft Graph), when set. */
  staffGroupId?: string;
  /** E-mail delivery of tickets, when set. */
  smtp?: { url: string; from: string };
  /** The ticket-system webhook, when set. */
  webhook?: { url: string; secret: string };
  /** The access code of the backoffice page and API; without it they are closed. */
  backofficeToken?: string;
  /** Sign-in to the backoffice page with Microsoft Entra ID, when set. */
  backofficeEntra?: { tenantId: string; clientId: string; clientSecret: string; groupId?: string; authority?: string };
  /** The secret of the bot's own Direct Line, for servers that want tokens (the bot's own page needs none). */
  directLineSecret?: string;
  /** When set, the website chat uses Azure Direct Line instead of the bot's own. */
  azureDirectLine?: { url: string; secret: string };
  /** Origins that may show the chat page in a frame. */
  embedOrigins: string[];
  /** New website chats one address may start per hour; 0: no limit. */
  chatsPerHour: number;
  /** The bot runs behind one proxy that adds the client's address to X-Forwarded-For. */
  trustProxy: boolean;
  /** A language model for the answers (OpenAI, Azure OpenAI or a compatible server); absent: fully offline. */
  openai?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number };
  /** Absent: local development mode, requests are not authenticated (as botbuilder does without an app id). */
  credentials?: BotCredentials;
}

/** Reads every setting once; nothing else in the program looks at the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`Invalid setting. ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const credentials: BotCredentials | undefined = e.MicrosoftAppId
    ? {
        appId: e.MicrosoftAppId,
        appType: e.MicrosoftAppType ?? 'MultiTenant',
        ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
        ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
      }
    : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: path.resolve(e.KNOWLEDGE_DIR),
    dataDir: path.resolve(e.DATA_DIR),
    database: { ...(e.DATABASE_URL ? { url: e.DATABASE_URL } : {}), ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) },
    retentionDays: e.RETENTION_DAYS,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/$/, '') } : {}),
    staffTenantIds: e.STAFF_TENANT_IDS ?? [],
    ...(e.STAFF_GROUP_ID ? { staffGroupId: e.STAFF_GROUP_ID } : {}),
    ...(e.SMTP_URL && e.MAIL_FROM ? { smtp: { url: e.SMTP_URL, from: e.MAIL_FROM } } : {}),
    ...(e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } } : {}),
    ...(e.BACKOFFICE_TOKEN ? { backofficeToken: e.BACKOFFICE_TOKEN } : {}),
    ...(e.BACKOFFICE_ENTRA_TENANT_ID && e.BACKOFFICE_ENTRA_CLIENT_ID && e.BACKOFFICE_ENTRA_CLIENT_SECRET
      ? {
          backofficeEntra: {
            tenantId: e.BACKOFFICE_ENTRA_TENANT_ID,
            clientId: e.BACKOFFICE_ENTRA_CLIENT_ID,
            clientSecret: e.BACKOFFICE_ENTRA_CLIENT_SECRET,
            ...(e.BACKOFFICE_ENTRA_GROUP_ID ? { groupId: e.BACKOFFICE_ENTRA_GROUP_ID } : {}),
            ...(e.BACKOFFICE_ENTRA_AUTHORITY ? { authority: e.BACKOFFICE_ENTRA_AUTHORITY } : {}),
          },
        }
      : {}),
    ...(e.DIRECTLINE_SECRET ? { directLineSecret: e.DIRECTLINE_SECRET } : {}),
    ...(e.AZURE_DIRECTLINE_SECRET
      ? { azureDirectLine: { url: (e.AZURE_DIRECTLINE_URL ?? 'https://directline.botframework.com/v3/directline').replace(/\/$/, ''), secret: e.AZURE_DIRECTLINE_SECRET } }
      : {}),
    embedOrigins: e.EMBED_ORIGINS ?? [],
    chatsPerHour: e.WEBCHAT_CHATS_PER_HOUR,
    trustProxy: e.TRUST_PROXY === 'true',
    ...(e.OPENAI_API_KEY
      ? { openai: { apiKey: e.OPENAI_API_KEY, ...(e.OPENAI_BASE_URL ? { baseUrl: e.OPENAI_BASE_URL } : {}), model: e.OPENAI_MODEL ?? 'gpt-4o-mini', timeoutMs: e.OPENAI_TIMEOUT_MS } }
      : {}),
    ...(credentials ? { credentials } : {}),
  };
}
