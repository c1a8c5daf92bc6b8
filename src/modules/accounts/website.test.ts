import { describe, expect, it } from "vitest";
import { isWebsite, registrableDomain } from "./website.ts";

describe("registrableDomain", () => {
  it.each([
    ["https://www.Acme.COM/about?x=1", "acme.com"],
    ["acme.com", "acme.com"],
    ["ACME.com.", "acme.com"],
    ["http://acme.co.uk:8080/", "acme.co.uk"],
    ["  www.acme.de  ", "acme.de"],
    ["https://eu.shop.acme.com.au/path", "acme.com.au"],
    // Private suffixes: each github.io site is its own company.
    ["https://bluefjord.github.io/", "bluefjord.github.io"],
    ["ftp://files.acme.io", "acme.io"],
  ])("%s → %s", (website, domain) => {
    expect(registrableDomain(website)).toBe(domain);
  });

  it.each([
    null,
    undefined,
    "",
    "   ",
    "10.0.0.1",
    "http://192.168.1.20:8080/",
    "http://[::1]/",
    "localhost",
    "not a url",
    "acme",
  ])("%s → null", (website) => {
    expect(registrableDomain(website)).toBeNull();
  });
});

describe("isWebsite", () => {
  it("accepts domains and IP addresses", () => {
    expect(isWebsite("acme.com")).toBe(true);
    expect(isWebsite("https://www.acme.com/x")).toBe(true);
    expect(isWebsite("10.1.2.3")).toBe(true);
  });

  it("refuses text that names no host", () => {
    expect(isWebsite("")).toBe(false);
    expect(isWebsite("not a url")).toBe(false);
    expect(isWebsite("acme")).toBe(false);
  });
});
