// The Teams app package: the manifest filled from the environment, its validation and the zip.
// Shared by scripts/package-teams.mjs and test/manifest/manifest.test.ts, so the test checks exactly what the script ships.
// Types for TypeScript callers: teams-manifest.d.mts.
import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import pngjs from 'pngjs';
import yazl from 'yazl';

export const MANIFEST_DIR = fileURLToPath(new URL('../manifest/', import.meta.url));
export const TEMPLATE_PATH = path.join(MANIFEST_DIR, 'manifest.template.json');
export const PACKAGE_PATH = path.join(MANIFEST_DIR, 'build', 'onderwijsloket-teams.zip');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// The 1.22 schema only limits the version's length; Teams and the store want plain major.minor.patch.
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

// Limits Teams documents for bot commands but the schema sets far higher (128 and 4000).
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;
const COLOR_SIZE = 192;
const OUTLINE_SIZE = 32;

/** A setting in the environment is missing or wrong; the message names the variable. */
export class ConfigError extends Error {
  name = 'ConfigError';
}

function setting(env, name) {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The ids and addresses the manifest needs, from the environment only (no .env file: one source of truth). */
export function readSettings(env) {
  const botId = setting(env, 'MicrosoftAppId');
  if (!botId) {
    throw new ConfigError('MicrosoftAppId is not set. Set it to the app id (a GUID) of the bot registration, e.g. MicrosoftAppId=00000000-0000-0000-0000-000000000000 npm run package:teams');
  }
  if (!GUID.test(botId)) throw new ConfigError(`MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${botId}".`);
  const appId = setting(env, 'TEAMS_APP_ID') ?? botId;
  if (!GUID.test(appId)) throw new ConfigError(`TEAMS_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${appId}".`);
  const version = setting(env, 'TEAMS_APP_VERSION') ?? '1.0.0';
  if (!VERSION.test(version)) throw new ConfigError(`TEAMS_APP_VERSION must be major.minor.patch, such as 1.0.0, not "${version}".`);
  const rawUrl = setting(env, 'PUBLIC_URL');
  if (rawUrl === undefined) return { botId, appId, version };
  let url;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute https address such as https://bot.example.org, not "${rawUrl}".`);
  }
  // Teams reaches bots over https only, and the privacy link in the app details must not point at a dev address.
  if (url.protocol !== 'https:') throw new ConfigError(`PUBLIC_URL must start with https://, not "${rawUrl}".`);
  return { botId, appId, version, publicUrl: rawUrl.replace(/\/+$/, '') };
}

function fill(value, values) {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_, name) => {
      if (!(name in values)) throw new Error(`manifest template: unknown placeholder \${{${name}}}`);
      return values[name];
    });
  }
  if (Array.isArray(value)) {
    // An optional value (PUBLIC_HOST) that is not set leaves an empty string: drop it rather than ship [""].
    return value.map((item) => fill(item, values)).filter((item) => item !== '');
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  }
  return value;
}

/** The manifest: the template with its ${{...}} placeholders filled from `env`. Throws ConfigError on a bad setting. */
export async function buildManifest(env, templatePath = TEMPLATE_PATH) {
  const settings = readSettings(env);
  const template = JSON.parse(await readFile(templatePath, 'utf8'));
  return fill(template, {
    MicrosoftAppId: settings.botId,
    TEAMS_APP_ID: settings.appId,
    TEAMS_APP_VERSION: settings.version,
    PRIVACY_URL: settings.publicUrl ? `${settings.publicUrl}/privacy` : 'https://www.utrechtleert.nl',
    PUBLIC_HOST: settings.publicUrl ? new URL(settings.publicUrl).host : '',
  });
}

async function readOptional(file) {
  try {
    return await readFile(file);
  } catch (error) {
    if (error?.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The committed icons (or those in `dir`); a missing file comes back undefined so validation can name it. */
export async function readIcons(dir = MANIFEST_DIR) {
  return { colorPng: await readOptional(path.join(dir, 'color.png')), outlinePng: await readOptional(path.join(dir, 'outline.png')) };
}

/** A package laid out as a directory (manifest.json, color.png, outline.png), with what kept it from being read. */
async function readPackageDir(dir) {
  const text = await readOptional(path.join(dir, 'manifest.json'));
  const icons = await readIcons(dir);
  if (text === undefined) return { files: { manifest: undefined, ...icons }, problems: [] };
  try {
    return { files: { manifest: JSON.parse(text.toString('utf8')), ...icons }, problems: [] };
  } catch (error) {
    return { files: { manifest: undefined, ...icons }, problems: [`manifest.json is not valid JSON: ${error.message}`] };
  }
}

function schemaPath(manifestVersion) {
  // The validator package ships every published schema; reading the file ourselves means validation never goes online.
  const packageMain = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return path.join(path.dirname(packageMain), 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

async function schemaProblems(manifest) {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) return [`manifest.json: manifestVersion must be a version such as "1.22", not ${JSON.stringify(version)}`];
  const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const problems = [];
  if (manifest.$schema !== expectedSchemaUrl) problems.push(`manifest.json: $schema must be ${expectedSchemaUrl} to match manifestVersion ${version}`);
  const schemaText = await readOptional(schemaPath(version));
  if (schemaText === undefined) return [...problems, `manifest.json: manifestVersion ${version} has no schema bundled with @microsoft/app-manifest`];
  // Some published schemas contain \a and \v escapes, which JSON does not allow; the package cleans them the same way.
  const schema = JSON.parse(schemaText.toString('utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  return [...problems, ...errors.map((error) => `manifest.json (schema v${version}): ${error.trim()}`)];
}

function teamsRuleProblems(manifest) {
  const problems = [];
  const text = JSON.stringify(manifest);
  const left = text.match(PLACEHOLDER);
  if (left) problems.push(`manifest.json: placeholders not filled: ${[...new Set(left)].join(', ')}`);
  if (typeof manifest.version === 'string' && !VERSION.test(manifest.version)) problems.push(`manifest.json: version must be major.minor.patch, not "${manifest.version}"`);
  if (manifest.icons?.color !== 'color.png') problems.push('manifest.json: icons.color must be "color.png", the file the package holds');
  if (manifest.icons?.outline !== 'outline.png') problems.push('manifest.json: icons.outline must be "outline.png", the file the package holds');
  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  bots.forEach((bot, b) => {
    const lists = Array.isArray(bot?.commandLists) ? bot.commandLists : [];
    lists.forEach((list, l) => {
      const commands = Array.isArray(list?.commands) ? list.commands : [];
      commands.forEach((command, c) => {
        const where = `manifest.json: /bots/${b}/commandLists/${l}/commands/${c}`;
        if (typeof command?.title === 'string' && command.title.length > COMMAND_TITLE_MAX) {
          problems.push(`${where}: title "${command.title}" is longer than ${COMMAND_TITLE_MAX} characters`);
        }
        if (typeof command?.description === 'string' && command.description.length > COMMAND_DESCRIPTION_MAX) {
          problems.push(`${where}: description is longer than ${COMMAND_DESCRIPTION_MAX} characters`);
        }
      });
    });
  });
  return problems;
}

async function manifestProblems(manifest) {
  if (manifest === undefined) return ['manifest.json is missing'];
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return ['manifest.json must hold a JSON object'];
  return [...(await schemaProblems(manifest)), ...teamsRuleProblems(manifest)];
}

function decodePng(name, buffer) {
  if (buffer === undefined) return { problem: `${name} is missing` };
  try {
    return { png: pngjs.PNG.sync.read(buffer) };
  } catch (error) {
    return { problem: `${name} is not a readable PNG file: ${error.message}` };
  }
}

function colorIconProblems(buffer) {
  const { png, problem } = decodePng('color.png', buffer);
  if (problem) return [problem];
  if (png.width !== COLOR_SIZE || png.height !== COLOR_SIZE) return [`color.png must be ${COLOR_SIZE}x${COLOR_SIZE} pixels, not ${png.width}x${png.height}`];
  return [];
}

function outlineIconProblems(buffer) {
  const { png, problem } = decodePng('outline.png', buffer);
  if (problem) return [problem];
  if (png.width !== OUTLINE_SIZE || png.height !== OUTLINE_SIZE) return [`outline.png must be ${OUTLINE_SIZE}x${OUTLINE_SIZE} pixels, not ${png.width}x${png.height}`];
  // Teams tints the outline icon itself, so it must be white on transparent with no colour and no partial alpha.
  let white = 0;
  let transparent = 0;
  let other = 0;
  for (let at = 0; at < png.data.length; at += 4) {
    const [r, g, b, a] = png.data.subarray(at, at + 4);
    if (a === 0) transparent++;
    else if (a === 255 && r === 255 && g === 255 && b === 255) white++;
    else other++;
  }
  const problems = [];
  if (other > 0) problems.push(`outline.png may hold only opaque white (#FFFFFF) and fully transparent pixels; ${other} pixels are neither`);
  if (white === 0) problems.push('outline.png has no white pixels');
  if (transparent === 0) problems.push('outline.png needs a transparent background');
  return problems;
}

/**
 * Everything Teams would reject in the package: the manifest against the official schema of its manifestVersion
 * (bundled with @microsoft/app-manifest, checked offline), the limits Teams documents beyond the schema, and both icons.
 * `source` is a directory with manifest.json, color.png and outline.png, or those contents.
 * Returns one line per problem; an empty list means the package is valid.
 */
export async function validatePackage(source) {
  const { files, problems } = typeof source === 'string' ? await readPackageDir(source) : { files: source, problems: [] };
  // JSON that did not parse is already reported; there is nothing to check it against.
  if (problems.length === 0) problems.push(...(await manifestProblems(files.manifest)));
  problems.push(...colorIconProblems(files.colorPng), ...outlineIconProblems(files.outlinePng));
  return problems;
}

/**
 * Writes the zip: manifest.json, color.png and outline.png at its root and nothing else, the layout Teams accepts.
 * It goes through a temporary file, so a failed run leaves no half-written zip behind.
 */
export async function writePackage({ manifest, colorPng, outlinePng }, outPath = PACKAGE_PATH) {
  if (colorPng === undefined || outlinePng === undefined) throw new Error('writePackage needs both icons');
  const zip = new yazl.ZipFile();
  // A fixed date makes the same input give the same bytes.
  const options = { mtime: new Date(2020, 0, 1) };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), 'manifest.json', options);
  zip.addBuffer(colorPng, 'color.png', options);
  zip.addBuffer(outlinePng, 'outline.png', options);
  zip.end();
  await mkdir(path.dirname(outPath), { recursive: true });
  const partial = `${outPath}.partial`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    await rename(partial, outPath);
  } finally {
    await rm(partial, { force: true });
  }
}
