import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

export const CSP_REPORT_PATH = '/csp-report';

/** 'https://{s}.tile.example.org/{z}/{x}/{y}.png' → 'https://*.tile.example.org', for img-src. */
export function tileSource(template: string | null): string | null {
  if (!template) return null;
  const m = /^(https?:\/\/[^/?#]+)/.exec(template);
  return m ? m[1].replace(/\{[^}]*\}/g, '*') : null;
}

/**
 * The standard response headers (docs/security.md, "Headers"), on every reply, the console's files
 * included: a Content-Security-Policy that lets only this origin's scripts run, nosniff, no framing,
 * the referrer kept in the site, HSTS when the public URL is https; and the endpoint browsers send CSP
 * violation reports to, which logs them.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const tiles = tileSource(config.mapTileUrl);
  const https = config.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Ant Design writes its CSS-in-JS into <style> elements and Leaflet positions with style attributes.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // report-uri alone: a browser that knows report-to ignores report-uri when both are given, and
        // batches report-to reports for up to a minute.
        'report-uri': [CSP_REPORT_PATH],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    // Open311 clients and the API's integrations are servers; nothing here is meant to be embedded elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // Reports come as application/csp-report (report-uri) or application/reports+json (Reporting API).
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/csp-report', 'application/reports+json'],
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(null, body);
        }
      },
    );
    scope.post(
      CSP_REPORT_PATH,
      { bodyLimit: 16 * 1024, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (req, reply) => {
        req.log.warn({ cspReport: req.body }, 'content security policy violation');
        return reply.code(204).send();
      },
    );
  });
}
