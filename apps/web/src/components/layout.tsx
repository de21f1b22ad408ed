import { Link, Outlet } from 'react-router-dom';

export function Layout() {
  return (
    <>
      <nav className="navbar navbar-expand navbar-dark bg-dark mb-4">
        <div className="container">
          <Link className="navbar-brand" to="/">
            Pi Services Studio
          </Link>
          <div className="navbar-nav">
            <Link className="nav-link" to="/services">
              Services
            </Link>
          </div>
        </div>
      </nav>
      <main className="container">
        <Outlet />
      </main>
    </>
  );
}
