import { useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../lib/session';
import { useUnreadCount } from '../lib/unread-count';
import { usePrefersDark } from '../lib/use-media-query';
import { CookieConsent } from './cookie-consent';

/** Bootstrap's colour modes follow the system's light or dark scheme. */
function useColorScheme() {
  const dark = usePrefersDark();
  useEffect(() => {
    document.documentElement.dataset.bsTheme = dark ? 'dark' : 'light';
  }, [dark]);
}

export function Layout() {
  const { user, signOut } = useSession();
  const unread = useUnreadCount(!!user);
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const menuId = useId();
  useColorScheme();
  // A followed link closes the phone menu.
  useEffect(() => setOpen(false), [location.pathname]);
  const unreadCount = unread.data?.unread ?? 0;

  return (
    <>
      <a className="visually-hidden-focusable skip-link" href="#main">Skip to content</a>
      <nav className="navbar navbar-expand-md navbar-dark bg-dark mb-4" aria-label="Main">
        <div className="container">
          <Link className="navbar-brand" to="/">Pi Services Studio</Link>
          <button
            className="navbar-toggler"
            type="button"
            aria-controls={menuId}
            aria-expanded={open}
            aria-label={open ? 'Close menu' : 'Open menu'}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="navbar-toggler-icon" />
            {unreadCount > 0 && !open && <span className="badge rounded-pill text-bg-primary toggler-badge">{unreadCount}</span>}
          </button>
          <div className={`collapse navbar-collapse ${open ? 'show' : ''}`} id={menuId}>
            <div className="navbar-nav me-auto">
              <NavLink className="nav-link" to="/services">Services</NavLink>
              <NavLink className="nav-link" to="/projects">Projects</NavLink>
              <NavLink className="nav-link" to="/blog">Blog</NavLink>
            </div>
            <div className="navbar-nav">
              {user ? (
                <>
                  <NavLink className="nav-link" to="/orders">Orders</NavLink>
                  <NavLink className="nav-link" to="/inbox">
                    Messages{unreadCount ? <span className="badge text-bg-primary ms-1" aria-label={`${unreadCount} unread messages`}>{unreadCount}</span> : null}
                  </NavLink>
                  <NavLink className="nav-link" to="/profile">{user.displayName || user.username}</NavLink>
                  <button className="btn btn-link nav-link text-start" onClick={() => void signOut()}>Sign out</button>
                </>
              ) : (
                <NavLink className="nav-link" to="/login">Sign in</NavLink>
              )}
            </div>
          </div>
        </div>
      </nav>
      <main id="main" className="container pb-5">
        <Outlet />
      </main>
      <footer className="container border-top py-3 small text-body-secondary d-flex flex-wrap gap-3 footer-links">
        <Link to="/privacy">Privacy</Link>
        <Link to="/terms">Terms</Link>
        <Link to="/cookies">Cookies</Link>
      </footer>
      <CookieConsent />
    </>
  );
}
