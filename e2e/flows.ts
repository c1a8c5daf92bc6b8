/** Steps the browser tests share, written the way a user would do them. */
import type { Page } from "playwright-core";

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** Waits until the page's h1 reads exactly `text`, then returns it. */
export async function pageHeading(page: Page, text: string): Promise<string> {
  const heading = page.getByRole("heading", { level: 1, name: text, exact: true });
  await heading.waitFor({ state: "visible" });
  return (await heading.textContent()) ?? "";
}

export async function signUpWithWorkspace(page: Page, person: Person, workspaceName: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Work email").fill(person.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(person.password);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^User menu for / }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

export async function openNavItem(page: Page, label: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Product areas" })
    .getByRole("link", { name: label, exact: true })
    .click();
}

export async function openSettingsTab(page: Page, tab: string, path: string): Promise<void> {
  await page.getByRole("tab", { name: tab, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** The switcher's accessible name carries the current workspace. */
export function switcher(page: Page) {
  return page.getByRole("button", { name: /^Switch workspace/ });
}

export async function switchTo(page: Page, workspaceName: string): Promise<void> {
  await switcher(page).click();
  await page.getByRole("menuitem", { name: new RegExp(`^${escapeRegExp(workspaceName)}`) }).click();
  await page.getByRole("button", { name: `Switch workspace (current: ${workspaceName})` }).waitFor();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A JSON call to /api/v1 as the signed-in user, the way the app makes it: session cookie plus the
 * CSRF cookie's token in the header (writes need it). Returns the status and the parsed body.
 */
export async function sessionApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "ecostack_csrf")?.value;
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {},
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  return { status: response.status(), json: text ? (JSON.parse(text) as unknown) : null };
}
