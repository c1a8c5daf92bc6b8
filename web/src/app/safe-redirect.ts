/**
 * Where to go after logging in. Only same-origin paths are followed, so a crafted
 * `?redirect=https://evil.example` or `//evil.example` cannot send users away.
 */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return "/";
  if (target.startsWith("/login") || target.startsWith("/signup")) return "/";
  return target;
}
