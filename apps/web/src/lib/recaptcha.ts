/** reCAPTCHA v3: a token per action, or undefined when the server has it turned off. */
interface Grecaptcha {
  ready(cb: () => void): void;
  execute(siteKey: string, options: { action: string }): Promise<string>;
}

declare global {
  interface Window {
    grecaptcha?: Grecaptcha;
  }
}

let loading: Promise<Grecaptcha> | null = null;

function load(siteKey: string): Promise<Grecaptcha> {
  loading ??= new Promise<Grecaptcha>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `https://www.google.com/recaptcha/api.js?render=${encodeURIComponent(siteKey)}`;
    script.onload = () => window.grecaptcha!.ready(() => resolve(window.grecaptcha!));
    script.onerror = () => reject(new Error('reCAPTCHA could not be loaded'));
    document.head.appendChild(script);
  });
  return loading;
}

export async function recaptchaToken(siteKey: string | null | undefined, action: string): Promise<string | undefined> {
  if (!siteKey) return undefined;
  const grecaptcha = await load(siteKey);
  return grecaptcha.execute(siteKey, { action });
}
