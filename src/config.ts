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
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: optionalText,
  })
  .superRefine((env, ctx) => {
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
    ...(credentials ? { credentials } : {}),
  };
}
