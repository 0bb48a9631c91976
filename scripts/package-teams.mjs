// npm run package:teams: builds manifest/build/onderwijsloket-teams.zip, the app package to upload to Teams.
// Settings come from the environment only: MicrosoftAppId (required), TEAMS_APP_ID, PUBLIC_URL, TEAMS_APP_VERSION.
// `--out <file>` writes the zip elsewhere (the test uses it, so it never overwrites a package built for real).
// See manifest/README.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildManifest, ConfigError, PACKAGE_PATH, readIcons, validatePackage, writePackage } from './teams-manifest.mjs';

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? path.resolve(values.out) : PACKAGE_PATH;
  const manifest = await buildManifest(process.env);
  const files = { manifest, ...(await readIcons()) };
  // The check the test runs, on the manifest and icons that go into the zip: an invalid package is never written.
  const problems = await validatePackage(files);
  if (problems.length > 0) {
    console.error(`The Teams app package is not valid, nothing written:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    return 1;
  }
  await writePackage(files, out);
  console.log(`Wrote ${path.relative(process.cwd(), out)} (Teams app ${manifest.id} version ${manifest.version}, bot ${manifest.bots[0].botId}).`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Cannot build the Teams app package: ${error.message}`);
  process.exitCode = 1;
}
