/**
 * The CSRF token every cookie-authenticated write must echo in `X-CSRF-Token`.
 * The server sets it in the readable `ecostack_csrf` cookie and repeats it in the
 * session response; the cookie wins because it is always the newest.
 */
const CSRF_COOKIE = "ecostack_csrf";
let tokenFromSession: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  tokenFromSession = token;
}

export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return tokenFromSession;
}
