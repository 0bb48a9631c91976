import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  buildManifest,
  ConfigError,
  MANIFEST_DIR,
  PACKAGE_PATH,
  readIcons,
  validatePackage,
  type Env,
  type TeamsManifest,
} from '../../scripts/teams-manifest.mjs';

const SCRIPT = path.resolve('scripts/package-teams.mjs');
const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const APP_ID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const ENV: Env = { MicrosoftAppId: BOT_ID, TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'https://loket.example.org/', TEAMS_APP_VERSION: '1.4.2' };

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'teams-manifest-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function firstBot(manifest: TeamsManifest) {
  const bot = manifest.bots?.[0];
  if (!bot) throw new Error('the manifest declares no bot');
  return bot;
}

function commandTitles(manifest: TeamsManifest, scope: string): string[] {
  const list = firstBot(manifest).commandLists?.find((l) => l.scopes.join() === scope);
  return list ? list.commands.map((c) => c.title) : [];
}

function pngOf(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(await readFile(file), { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)));
  return entries;
}

async function runScript(env: Env, out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only PATH from this process: the developer's own bot settings must not leak into the run.
  const child = spawn(process.execPath, [SCRIPT, '--out', out], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

describe('the Teams manifest', () => {
  it('takes its ids and addresses from the environment', async () => {
    const manifest = await buildManifest(ENV);
    expect(manifest.id).toBe(APP_ID);
    expect(firstBot(manifest).botId).toBe(BOT_ID);
    expect(manifest.version).toBe('1.4.2');
    expect(manifest.developer.privacyUrl).toBe('https://loket.example.org/privacy');
    expect(manifest.validDomains).toEqual(['loket.example.org']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('defaults the app id to the bot id, the version to 1.0.0 and the privacy link to the website', async () => {
    const manifest = await buildManifest({ MicrosoftAppId: BOT_ID });
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.version).toBe('1.0.0');
    expect(manifest.developer.privacyUrl).toBe('https://www.utrechtleert.nl');
    expect(manifest.validDomains).toEqual([]);
  });

  it('uses schema 1.22 and declares the bot in personal and team scope with the staff commands', async () => {
    const manifest = await buildManifest(ENV);
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    expect(manifest.name).toEqual({ short: 'Onderwijsloket', full: 'Onderwijsloket Utrecht Leert' });
    expect(manifest.developer.name).toBe('Utrecht Leert');
    const bot = firstBot(manifest);
    expect(bot.scopes).toEqual(['personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(commandTitles(manifest, 'personal')).toEqual([
      'Welke route past bij mij?',
      'open aanvragen',
      'mijn aanvragen',
      'aanvraag UL-...',
      'pak UL-... op',
      'verwijder mijn gegevens',
    ]);
    expect(commandTitles(manifest, 'team')).toEqual(['koppel dit kanaal', 'koppel dit kanaal voor <route>', 'ontkoppel dit kanaal', 'open aanvragen']);
  });

  it.each([
    [{}, /MicrosoftAppId is not set/],
    [{ MicrosoftAppId: '  ' }, /MicrosoftAppId is not set/],
    [{ MicrosoftAppId: 'onderwijsloket-bot' }, /MicrosoftAppId must be a GUID/],
    [{ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: '1234' }, /TEAMS_APP_ID must be a GUID/],
    [{ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'http://localhost:3978' }, /PUBLIC_URL must start with https/],
    [{ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'loket.example.org' }, /PUBLIC_URL must be an absolute https address/],
    [{ MicrosoftAppId: BOT_ID, TEAMS_APP_VERSION: '1.0' }, /TEAMS_APP_VERSION must be major\.minor\.patch/],
  ])('refuses %j with a message naming the variable', async (env, message) => {
    await expect(buildManifest(env)).rejects.toThrow(ConfigError);
    await expect(buildManifest(env)).rejects.toThrow(message);
  });
});

describe('the icons', () => {
  it('colour icon: 192x192, opaque, its background the accent colour', async () => {
    const { colorPng } = await readIcons();
    expect(colorPng).toBeDefined();
    const png = PNG.sync.read(colorPng ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.data.filter((_, i) => i % 4 === 3 && png.data[i] !== 255).length).toBe(0);
    const corner = `#${[...png.data.subarray(0, 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    const manifest = await buildManifest(ENV);
    expect(manifest.accentColor.toLowerCase()).toBe(corner);
  });

  it('outline icon: 32x32, only opaque white on a transparent background', async () => {
    const { outlinePng } = await readIcons();
    const png = PNG.sync.read(outlinePng ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([32, 32]);
    const kinds = new Set<string>();
    for (let at = 0; at < png.data.length; at += 4) kinds.add([...png.data.subarray(at, at + 4)].join(','));
    // Transparent pixels may carry any colour channels; only their alpha counts.
    const opaque = [...kinds].filter((k) => !k.endsWith(',0'));
    expect(opaque).toEqual(['255,255,255,255']);
    expect(kinds.size).toBeGreaterThan(opaque.length);
  });
});

describe('validatePackage', () => {
  it('passes the real manifest and icons against the bundled schema, without the network', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      const problems = await validatePackage({ manifest: await buildManifest(ENV), ...(await readIcons()) });
      expect(problems).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  /** A package directory in a temp dir: the real manifest and icons, then `change` applied to it. */
  async function packageDir(change: (pkg: { dir: string; manifest: TeamsManifest }) => Promise<void> | void): Promise<string> {
    const dir = await tempDir();
    const manifest = await buildManifest(ENV);
    await copyFile(path.join(MANIFEST_DIR, 'color.png'), path.join(dir, 'color.png'));
    await copyFile(path.join(MANIFEST_DIR, 'outline.png'), path.join(dir, 'outline.png'));
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const before = JSON.stringify(manifest);
    await change({ dir, manifest });
    // Rewritten only when the change edited the object, so changes that write manifest.json themselves stay.
    if (JSON.stringify(manifest) !== before) await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    return dir;
  }

  it('passes an intact copy, so each failure below comes from its one change', async () => {
    expect(await validatePackage(await packageDir(() => undefined))).toEqual([]);
  });

  const red: [number, number, number, number] = [228, 0, 58, 255];
  const white: [number, number, number, number] = [255, 255, 255, 255];
  const clear: [number, number, number, number] = [0, 0, 0, 0];

  it.each<[string, (pkg: { dir: string; manifest: TeamsManifest }) => Promise<void> | void, RegExp]>([
    ['no outline icon', ({ dir }) => rm(path.join(dir, 'outline.png')), /^outline\.png is missing$/],
    ['no colour icon', ({ dir }) => rm(path.join(dir, 'color.png')), /^color\.png is missing$/],
    ['no manifest.json', ({ dir }) => rm(path.join(dir, 'manifest.json')), /^manifest\.json is missing$/],
    ['a colour icon of 96x96', ({ dir }) => writeFile(path.join(dir, 'color.png'), pngOf(96, 96, () => red)), /color\.png must be 192x192 pixels, not 96x96/],
    ['a 192x192 outline icon', ({ dir }) => copyFile(path.join(dir, 'color.png'), path.join(dir, 'outline.png')), /outline\.png must be 32x32 pixels, not 192x192/],
    [
      'an outline icon with a red pixel',
      ({ dir }) => writeFile(path.join(dir, 'outline.png'), pngOf(32, 32, (x, y) => (x === 5 && y === 5 ? red : x < 16 ? white : clear))),
      /outline\.png may hold only opaque white .*; 1 pixels are neither/,
    ],
    [
      'an outline icon with half-transparent edges',
      ({ dir }) => writeFile(path.join(dir, 'outline.png'), pngOf(32, 32, (x) => (x < 10 ? white : x < 12 ? [255, 255, 255, 128] : clear))),
      /outline\.png may hold only opaque white/,
    ],
    ['an outline icon without a transparent background', ({ dir }) => writeFile(path.join(dir, 'outline.png'), pngOf(32, 32, () => white)), /outline\.png needs a transparent background/],
    ['an icon that is not a PNG', ({ dir }) => writeFile(path.join(dir, 'color.png'), 'GIF89a'), /color\.png is not a readable PNG file/],
    ['manifest.json that is not JSON', ({ dir }) => writeFile(path.join(dir, 'manifest.json'), '{ "id": '), /manifest\.json is not valid JSON/],
    ['a bot id that is not a GUID', ({ manifest }) => {
        firstBot(manifest).botId = 'onderwijsloket-bot';
      }, /^manifest\.json \(schema v1\.22\): \/bots\/0\/botId must match pattern/],
    ['an app id that is not a GUID', ({ manifest }) => {
        manifest.id = 'onderwijsloket';
      }, /\(schema v1\.22\): \/id must match pattern/],
    ['a short name over 30 characters', ({ manifest }) => {
        manifest.name.short = 'Onderwijsloket van Utrecht Leert';
      }, /\/name\/short must NOT have more than 30 characters/],
    ['a property the schema does not know', ({ manifest }) => {
        Object.assign(manifest, { botEndpoint: 'https://loket.example.org/api/messages' });
      }, /must NOT have additional properties.*botEndpoint/],
    ['an accent colour that is not a hex colour', ({ manifest }) => {
        manifest.accentColor = 'red';
      }, /\/accentColor must match pattern/],
    [
      'a command title over 32 characters',
      ({ manifest }) => {
        firstBot(manifest).commandLists?.[0]?.commands.push({ title: 'koppel dit kanaal voor zij-instroom', description: 'x' });
      },
      /commands\/6: title "koppel dit kanaal voor zij-instroom" is longer than 32 characters/,
    ],
    [
      'eleven commands in one list',
      ({ manifest }) => {
        firstBot(manifest).commandLists?.[1]?.commands.push(...Array.from({ length: 7 }, (_, i) => ({ title: `opdracht ${i}`, description: 'x' })));
      },
      /\/bots\/0\/commandLists\/1\/commands must NOT have more than 10 items/,
    ],
    ['a placeholder left unfilled', ({ manifest }) => {
        manifest.version = '${{TEAMS_APP_VERSION}}';
      }, /placeholders not filled: \$\{\{TEAMS_APP_VERSION\}\}/],
    ['an icon path other than the packaged file', ({ manifest }) => {
        manifest.icons.color = 'icons/color.png';
      }, /icons\.color must be "color\.png"/],
  ])('fails on %s', async (_name, change, problem) => {
    const problems = await validatePackage(await packageDir(change));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});

describe('npm run package:teams (scripts/package-teams.mjs)', () => {
  it('writes manifest/build/onderwijsloket-teams.zip by default', () => {
    expect(path.relative(path.resolve('.'), PACKAGE_PATH)).toBe(path.join('manifest', 'build', 'onderwijsloket-teams.zip'));
  });

  it('stops with exit code 1 and names MicrosoftAppId when it is missing, writing nothing', async () => {
    const out = path.join(await tempDir(), 'package.zip');
    const run = await runScript({}, out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId is not set/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops with exit code 1 when the bot id is not a GUID', async () => {
    const out = path.join(await tempDir(), 'package.zip');
    const run = await runScript({ MicrosoftAppId: 'onderwijsloket-bot' }, out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId must be a GUID/);
    expect(existsSync(out)).toBe(false);
  });

  it('builds a zip holding exactly manifest.json and both icons at its root', async () => {
    const out = path.join(await tempDir(), 'package.zip');
    const run = await runScript(ENV, out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const entries = await readZip(out);
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestJson = entries.get('manifest.json');
    const manifest: unknown = JSON.parse(manifestJson?.toString('utf8') ?? 'null');
    expect(manifest).toMatchObject({ id: APP_ID, version: '1.4.2', bots: [{ botId: BOT_ID }], validDomains: ['loket.example.org'] });
    const icons = await readIcons();
    expect(entries.get('color.png')).toEqual(icons.colorPng);
    expect(entries.get('outline.png')).toEqual(icons.outlinePng);
    expect(await validatePackage({ manifest, colorPng: entries.get('color.png'), outlinePng: entries.get('outline.png') })).toEqual([]);
  });
});
