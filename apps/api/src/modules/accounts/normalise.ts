/** Emails and usernames are compared and stored trimmed and lowercase. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** A login is an email when it holds an `@`, a username otherwise. */
export function normaliseLogin(login: string): { kind: 'email' | 'username'; value: string } {
  const value = login.trim().toLowerCase();
  return { kind: value.includes('@') ? 'email' : 'username', value };
}

/** Turns any name (e.g. a Pi username) into a valid username base: [a-z0-9_.-], 3–32 chars. */
export function usernameBase(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9_.-]+/g, '_').replace(/^[_.-]+|[_.-]+$/g, '').slice(0, 26);
  return cleaned.length >= 3 ? cleaned : `pioneer_${cleaned}`.replace(/_$/, '');
}
