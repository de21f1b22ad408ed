import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

const PI_ORIGINS = ['https://*.minepi.com', 'https://minepi.com'];
const RECAPTCHA_ORIGINS = ['https://www.google.com', 'https://www.gstatic.com', 'https://www.recaptcha.net'];

/**
 * Strict headers by default. With PI_SANDBOX=true the app may be framed by Pi Browser
 * (Pi's sandbox runs apps in an iframe): no X-Frame-Options, Pi as frame ancestor, no
 * COOP/COEP/CORP, and the Payment Request permission for Pi.
 */
export default fp(
  async (app) => {
    const framedByPi = app.config.pi.sandbox;
    const production = app.config.env === 'production';
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", 'https://sdk.minepi.com', ...RECAPTCHA_ORIGINS],
          'frame-src': ["'self'", ...RECAPTCHA_ORIGINS, ...PI_ORIGINS],
          'connect-src': ["'self'", ...PI_ORIGINS, ...RECAPTCHA_ORIGINS],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'frame-ancestors': framedByPi ? ["'self'", ...PI_ORIGINS] : ["'self'"],
          'upgrade-insecure-requests': production ? [] : null,
        },
      },
      frameguard: framedByPi ? false : { action: 'sameorigin' },
      crossOriginOpenerPolicy: framedByPi ? false : { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: framedByPi ? false : { policy: 'same-site' },
      hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    });
    if (framedByPi) {
      app.addHook('onSend', async (_request, reply) => {
        reply.header('Permissions-Policy', 'payment=(self "https://*.minepi.com")');
        reply.header('X-Pi-Sandbox-MW', 'on');
      });
    }
  },
  { name: 'security-headers', dependencies: ['config'] },
);
