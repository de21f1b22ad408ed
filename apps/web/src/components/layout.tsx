import { Link, NavLink, Outlet } from 'react-router-dom';
import { useSession } from '../lib/session';
import { useUnreadCount } from '../lib/unread-count';

export function Layout() {
  const { user, signOut } = useSession();
  const unread = useUnreadCount(!!user);
  return (
    <>
      <nav className="navbar navbar-expand navbar-dark bg-dark mb-4">
        <div className="container">
          <Link className="navbar-brand" to="/">Pi Services Studio</Link>
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
                  Messages{unread.data?.unread ? <span className="badge text-bg-primary ms-1" aria-label="unread messages">{unread.data.unread}</span> : null}
                </NavLink>
                <NavLink className="nav-link" to="/profile">{user.displayName || user.username}</NavLink>
                <button className="btn btn-link nav-link" onClick={() => void signOut()}>Sign out</button>
              </>
            ) : (
              <NavLink className="nav-link" to="/login">Sign in</NavLink>
            )}
          </div>
        </div>
      </nav>
      <main className="container pb-5">
        <Outlet />
      </main>
      <footer className="container border-top py-3 small text-muted">
        <Link to="/privacy">Privacy</Link> · <Link to="/terms">Terms</Link> · <Link to="/cookies">Cookies</Link>
      </footer>
    </>
  );
}
