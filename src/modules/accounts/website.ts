/**
 * Websites as people type them ("https://www.Acme.com/about", "acme.com.", "ACME.COM:443") reduce to
 * the registrable domain (acme.com). Partners and accounts keep it beside the website so that
 * search, matching and account mapping compare companies, not spellings.
 */
import { getDomain, parse } from "tldts";

/**
 * The registrable domain of a website (public-suffix aware, private suffixes such as github.io
 * included), lower case; null for empty input, IP addresses and strings with no domain in them.
 */
export function registrableDomain(website: string | null | undefined): string | null {
  const trimmed = website?.trim().toLowerCase();
  if (!trimmed) return null;
  const parsed = parse(trimmed, { allowPrivateDomains: true });
  if (parsed.isIp) return null;
  return getDomain(trimmed, { allowPrivateDomains: true }) ?? null;
}

/** Whether the text names a host at all (a domain or an IP address): a website we can store. */
export function isWebsite(website: string): boolean {
  const trimmed = website.trim();
  if (trimmed === "" || /\s/.test(trimmed)) return false;
  const parsed = parse(trimmed, { allowPrivateDomains: true });
  return parsed.isIp === true || parsed.domain !== null;
}
