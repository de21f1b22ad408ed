import { Link } from 'react-router-dom';
import { useCookieConsent } from '../lib/consent';

/** Asks once; the choice is remembered in this browser. Sits in the page flow and covers nothing. */
export function CookieConsent() {
  const { choice, choose } = useCookieConsent();
  if (choice) return null;
  return (
    <section className="border-top bg-body-tertiary" aria-label="Cookie consent">
      <div className="container py-3 d-flex flex-wrap align-items-center gap-2">
        <p className="mb-0 me-auto">
          We use a session cookie to keep you signed in, and nothing else without your consent. <Link to="/cookies">Cookie policy</Link>
        </p>
        <button className="btn btn-outline-secondary" onClick={() => choose('necessary')}>Only necessary</button>
        <button className="btn btn-primary" onClick={() => choose('all')}>Accept all</button>
      </div>
    </section>
  );
}
