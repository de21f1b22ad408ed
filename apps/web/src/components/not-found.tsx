import { Link } from 'react-router-dom';

export function NotFound() {
  return (
    <div className="py-5 text-center">
      <h1 className="h3">Page not found</h1>
      <Link to="/">Back to the home page</Link>
    </div>
  );
}
