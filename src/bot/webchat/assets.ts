import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

/** A file served as it is, compressed once, with an ETag. */
export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

const compress = promisify(gzip);

export async function loadAsset(file: string, type: string): Promise<Asset> {
  const body = await readFile(file);
  return { type, body, gzipped: await compress(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** Sends an asset: 304 when the browser has it, gzip when it accepts it. */
export function sendAsset(req: Request, res: Response, asset: Asset, cacheControl: string): void {
  const headers: Record<string, string> = { 'content-type': asset.type, etag: asset.etag, 'cache-control': cacheControl, vary: 'accept-encoding' };
  if (req.header('if-none-match') === asset.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
  res.end(body);
}
