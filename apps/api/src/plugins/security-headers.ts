import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

const PI_SDK_ORIGINS = ['https://*.minepi.com', 'https://minepi.com'];
const RECAPTCHA_ORIGINS = ['https://www.google.com', 'https://www.gstatic.com', 'https://www.recaptcha.net'];

/**
 * Strict headers, the same in every mode. Pi Browser shows apps inside a frame of its own
 * pages, so the CSP lets 'self' and PI_FRAME_ANCESTORS (default Pi's app hosts) frame the
 * app and nobody else; there is no X-Frame-Options (it cannot name several origins, and
 * browsers would let it veto the CSP), and no COOP/CORP, which break cross-origin frames.
 * FORCE_HTTPS adds HSTS and upgrade-insecure-requests.
 */
export default fp(
  async (app) => {
    const { forceHttps } = app.config;
    const ancestors = app.config.pi.frameAncestors;
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", 'https://sdk.minepi.com', ...RECAPTCHA_ORIGINS],
          'frame-src': ["'self'", ...RECAPTCHA_ORIGINS, ...PI_SDK_ORIGINS],
          'connect-src': ["'self'", ...PI_SDK_ORIGINS, ...RECAPTCHA_ORIGINS],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'frame-ancestors': ["'self'", ...ancestors],
          'upgrade-insecure-requests': forceHttps ? [] : null,
        },
      },
      frameguard: false,
      crossOriginOpenerPolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: false,
      hsts: forceHttps ? { maxAge: 31536000, includeSubDomains: true } : false,
    });
    // The Pi SDK asks for payments from inside the frame.
    const permissions = `payment=(self ${ancestors.map((a) => `"${a}"`).join(' ')})`;
    app.addHook('onSend', async (_request, reply) => {
      reply.header('Permissions-Policy', permissions);
    });
  },
  { name: 'security-headers', dependencies: ['config'] },
);
