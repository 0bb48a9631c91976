// Types for teams-manifest.mjs, so the TypeScript test can use the same functions as the package script.
import type { TeamsManifestV1D22 } from '@microsoft/app-manifest';

export type TeamsManifest = TeamsManifestV1D22.TeamsManifestV1D22;
export type Env = Readonly<Record<string, string | undefined>>;

/** The contents of a package; `manifest` is unknown because validation is also meant for broken ones. */
export interface PackageFiles {
  manifest: unknown;
  colorPng?: Buffer | undefined;
  outlinePng?: Buffer | undefined;
}

export interface Settings {
  botId: string;
  appId: string;
  version: string;
  publicUrl?: string;
}

export declare const MANIFEST_DIR: string;
export declare const TEMPLATE_PATH: string;
export declare const PACKAGE_PATH: string;

export declare class ConfigError extends Error {}

export declare function readSettings(env: Env): Settings;
export declare function buildManifest(env: Env, templatePath?: string): Promise<TeamsManifest>;
export declare function readIcons(dir?: string): Promise<{ colorPng: Buffer | undefined; outlinePng: Buffer | undefined }>;
export declare function validatePackage(source: string | PackageFiles): Promise<string[]>;
export declare function writePackage(files: PackageFiles, outPath?: string): Promise<void>;
