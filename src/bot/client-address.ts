import type { Request } from 'restify';

/**
 * The address a request came from. Behind one proxy (Azure App Service, Front Door, a reverse proxy), `trustProxy`
 * takes the entry that proxy added last to X-Forwarded-For: earlier entries are the client's to choose.
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.header('x-forwarded-for')?.split(',').pop()?.trim() : undefined;
  const address = forwarded || req.socket.remoteAddress || 'unknown';
  // App Service writes "203.0.113.7:51234" and "[2001:db8::1]:51234": the port is not part of the address.
  return address.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
}
