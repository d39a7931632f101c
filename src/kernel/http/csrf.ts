import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { Forbidden } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOGIN = '/api/v1/auth/login';

/** `scheme://host[:port]` of a URL, default ports dropped, as browsers write an Origin header. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether an Origin header names this server: the configured public URL's origin, or the host the
 * request was sent to (Host, or X-Forwarded-Host behind a trusted proxy) — a browser cannot forge either.
 */
function sameOrigin(req: FastifyRequest, origin: string, publicOrigin: string | null): boolean {
  if (origin === publicOrigin) return true;
  const given = originOf(origin);
  if (!given) return false;
  const own = originOf(`${req.protocol}://${req.host}`);
  if (given === own) return true;
  // Behind a TLS-terminating proxy that is not trusted, the request arrives as http but the page is https.
  const u = new URL(given);
  return own !== null && u.host === new URL(own).host;
}

/**
 * Cross-site request forgery guard for the API, run before the body is read (docs/security.md,
 * "Cross-site requests"). It applies to state-changing requests that carry the session cookie (the
 * browser attaches it on its own) and to login: such a request must be `application/json` (which a
 * form cannot send without a CORS preflight, never granted here) — multipart uploads excepted — and,
 * where the browser says where it comes from (Origin, Sec-Fetch-Site), come from this origin. A
 * multipart upload must say so. Bearer-token clients without the cookie and the public Open311 POST
 * (under /open311/v2, keyed by api_key) are not forged by a browser and are not checked.
 */
export function csrfGuard(publicUrl: string) {
  const publicOrigin = originOf(publicUrl);
  return async (req: FastifyRequest): Promise<void> => {
    if (!UNSAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    const path = req.url.split('?')[0];
    if (!req.cookies?.[SESSION_COOKIE] && path !== LOGIN) return;
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const multipart = type === 'multipart/form-data';
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const fromHere =
      (origin === undefined || sameOrigin(req, origin, publicOrigin)) &&
      (site === undefined || site === 'same-origin' || site === 'none');
    if (!fromHere || (multipart && origin === undefined && site === undefined)) {
      throw new Forbidden(
        'csrf.cross_origin',
        multipart && origin === undefined && site === undefined
          ? 'an upload must come from this site’s own pages (Origin or Sec-Fetch-Site)'
          : `a state-changing request from another origin (${origin ?? site}) is refused`,
      );
    }
    if (type !== 'application/json' && !multipart) {
      throw new Forbidden(
        'csrf.content_type',
        'a state-changing request must be sent as application/json (an empty body included)',
      );
    }
  };
}
