import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { clientKey } from '../../domain/throttle/client-key';

/** The header the reporter's site sends its shared secret in, beside `X-Forwarded-For` with the reporter's address. */
export const PROXY_KEY_HEADER = 'x-intake-proxy-key';

export interface ClientRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Whom intake's public limits count: the socket's address, or, for a request of the reporter's site (which submits
 * and logs in on behalf of every reporter from one address), the reporter's address the site forwards. The site
 * proves it is the site with `INTAKE_PROXY_SECRET`; `X-Forwarded-For` from anyone else is ignored, so a caller
 * cannot pick a fresh address per request to escape the limits. Without the secret configured, no one is trusted.
 */
@Injectable()
export class ClientAddresses {
  private readonly proxyKey?: Buffer;

  constructor(@Inject(PLATFORM) platform: Platform) {
    const secret = platform.config.INTAKE_PROXY_SECRET;
    this.proxyKey = secret ? digest(secret) : undefined;
  }

  /** Whether the request comes from the reporter's site: it presents `INTAKE_PROXY_SECRET` (compared in constant time). */
  fromSite(req: ClientRequest): boolean {
    const presented = req.headers[PROXY_KEY_HEADER];
    return this.proxyKey !== undefined && typeof presented === 'string' && timingSafeEqual(digest(presented), this.proxyKey);
  }

  /** The throttle key of the request's client (IPv6 by its /64; see clientKey). */
  keyOf(req: ClientRequest): string {
    const forwarded = req.headers['x-forwarded-for'];
    const presented = req.headers[PROXY_KEY_HEADER];
    if (
      this.proxyKey &&
      typeof presented === 'string' &&
      typeof forwarded === 'string' &&
      timingSafeEqual(digest(presented), this.proxyKey)
    ) {
      const address = forwarded.trim();
      if (isIP(address)) return clientKey(address);
    }
    return clientKey(req.ip);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
