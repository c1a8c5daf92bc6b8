/**
 * The web app end to end against the real server: sign-up, login, every product area,
 * workspaces, invitations, members and API keys.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  inviteToWorkspace,
  joinWithNewAccount,
  logIn,
  logOut,
  openNavItem,
  openSettingsTab,
  type Person,
  pageHeading,
  signUpWithWorkspace,
  submitSignUp,
  switcher,
  switchTo,
} from "./flows.ts";
import { type AppInBrowser, artifactPath, newDesktopContext, openFreshApp } from "./harness.ts";

const owner: Person = { name: "Ada Lovelace", email: "ada@acme.example", password: "analytical-engine-1843" };
const invitee: Person = {
  name: "Grace Hopper",
  email: "grace@acme.example",
  password: "cobol-compiler-1959",
};
const FIRST_WORKSPACE = "Acme Partnerships";
const SECOND_WORKSPACE = "Globex Alliances";
const RENAMED_SECOND_WORKSPACE = "Globex Alliances EMEA";

const workspaceBody = z.object({ name: z.string() });
const membersBody = z.object({ items: z.array(z.object({ email: z.string(), role: z.string() })) });

const AREAS = [
  {
    nav: "Strategy",
    text: "Design your Ecosystem Strategy Stack: ICPs, Value Chain of the Customer, Buyer's Journey (Identify → Reach → Influence → Develop → Expand), Sales Plays and the stack matrix.",
  },
  { nav: "Partners", text: "Every company in your ecosystem" },
  { nav: "Accounts", text: "Your CRM accounts and their opportunities" },
  { nav: "Mapping", text: "Your accounts matched with each partner's account list" },
  {
    nav: "Imports",
    text: "Bring in accounts, opportunities, partners, contacts or a partner's account list",
  },
] as const;

describe("Ecostack web app", () => {
  let app: AppInBrowser;
  let page: Page;
  /** The invited member's browser, signed in once they have joined. */
  let guestContext: BrowserContext;
  let guest: Page;

  beforeAll(async () => {
    app = await openFreshApp();
    page = app.page;
  });

  afterAll(async () => {
    await guestContext?.close();
    await app?.close();
  });

  it("sends a visitor to the login page, and signs up into a new workspace", async () => {
    await page.goto("/settings/members");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/settings/members");
    expect(await pageHeading(page, "Log in to Ecostack")).toBe("Log in to Ecostack");
    await page.screenshot({ path: artifactPath("login"), fullPage: true });

    await page.getByRole("link", { name: "Create an account" }).click();
    await pageHeading(page, "Create your workspace");
    await page.screenshot({ path: artifactPath("signup"), fullPage: true });
    await signUpWithWorkspace(page, owner, FIRST_WORKSPACE);

    expect(await pageHeading(page, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
    expect(await page.getByText("Your role:").locator("..").textContent()).toContain("Owner");
    expect(await switcher(page).getAttribute("aria-label")).toBe(
      `Switch workspace (current: ${FIRST_WORKSPACE})`,
    );
    await page.mouse.move(1, 1); // no hover highlight in the screenshot
    await page.screenshot({ path: artifactPath("overview") });
  });

  it("logs out, rejects a wrong password with the server's message, and logs back in", async () => {
    await logOut(page);

    // Signing up again with the same e-mail: the API's field error lands on the e-mail field.
    await page.getByRole("link", { name: "Create an account" }).click();
    await submitSignUp(page, owner, "Duplicate");
    const emailField = page.getByRole("textbox", { name: "Work email" });
    await page.locator("input[aria-invalid='true']").waitFor();
    expect(await emailField.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await emailField.getAttribute("aria-describedby")) ?? "";
    const descriptions = await Promise.all(
      describedBy
        .split(" ")
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(" ")).toMatch(/already exists/i);
    expect(await page.getByRole("textbox", { name: "Your name" }).getAttribute("aria-invalid")).toBeNull();
    await page.screenshot({ path: artifactPath("signup-field-error") });
    await page.getByRole("link", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === "/login");

    await logIn(page, owner.email, "not-the-password");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const alertText = (await alert.textContent()) ?? "";
    expect(alertText).toContain("Could not log in");
    expect(alertText.length).toBeGreaterThan("Could not log in".length);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.screenshot({ path: artifactPath("login-error") });

    await logIn(page, owner.email, owner.password);
    await page.waitForURL((url) => url.pathname === "/");
    expect(await pageHeading(page, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
  });

  it("shows every product area with what it will hold, and the keyboard reaches the skip link", async () => {
    for (const area of AREAS) {
      await openNavItem(page, area.nav);
      await page.waitForURL((url) => url.pathname === `/${area.nav.toLowerCase()}`);
      expect(await pageHeading(page, area.nav)).toBe(area.nav);
      const description = page.getByText(area.text);
      await description.waitFor();
      expect(await description.textContent()).toContain(area.text);
      const current = page.getByRole("link", { name: area.nav, exact: true });
      expect(await current.getAttribute("aria-current")).toBe("page");
    }
    await page.screenshot({ path: artifactPath("imports") });

    await openNavItem(page, "Strategy");
    await pageHeading(page, "Strategy");
    const stages = await page
      .getByRole("list", { name: "Buyer's Journey stages" })
      .getByRole("listitem")
      .allTextContents();
    expect(stages).toEqual(["Identify", "Reach", "Influence", "Develop", "Expand"]);
    await page.screenshot({ path: artifactPath("strategy") });

    await openNavItem(page, "Settings");
    await page.waitForURL((url) => url.pathname === "/settings/workspace");
    expect(await pageHeading(page, "Settings")).toBe("Settings");
    expect(await page.getByRole("textbox", { name: "Workspace name" }).inputValue()).toBe(FIRST_WORKSPACE);

    await page.goto("/");
    await pageHeading(page, FIRST_WORKSPACE);
    await page.keyboard.press("Tab");
    expect(await page.locator("*:focus").textContent()).toBe("Skip to content");
  });

  it("creates a second workspace and switches between the two", async () => {
    await switcher(page).click();
    await page.getByRole("menuitem", { name: "Create workspace" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a workspace" });
    await dialog.getByLabel("Workspace name").fill(SECOND_WORKSPACE);
    await dialog.getByRole("button", { name: "Create workspace" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await pageHeading(page, SECOND_WORKSPACE)).toBe(SECOND_WORKSPACE);
    expect(await switcher(page).getAttribute("aria-label")).toBe(
      `Switch workspace (current: ${SECOND_WORKSPACE})`,
    );

    await switcher(page).click();
    const items = await page.getByRole("menuitem").allTextContents();
    expect(items.some((item) => item.startsWith(FIRST_WORKSPACE))).toBe(true);
    expect(items.some((item) => item.startsWith(SECOND_WORKSPACE))).toBe(true);
    await page.screenshot({ path: artifactPath("workspace-switcher") });
    await page.keyboard.press("Escape");

    await switchTo(page, FIRST_WORKSPACE);
    expect(await pageHeading(page, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
    const current = await page.request.get("/api/v1/workspace");
    expect(current.status()).toBe(200);
    expect(workspaceBody.parse(await current.json()).name).toBe(FIRST_WORKSPACE);

    await switchTo(page, SECOND_WORKSPACE);
    expect(await pageHeading(page, SECOND_WORKSPACE)).toBe(SECOND_WORKSPACE);
    await switchTo(page, FIRST_WORKSPACE);
    expect(await pageHeading(page, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
  });

  it("renames the current workspace from Settings", async () => {
    await switchTo(page, SECOND_WORKSPACE);
    await openNavItem(page, "Settings");
    await page.waitForURL((url) => url.pathname === "/settings/workspace");
    const nameField = page.getByRole("textbox", { name: "Workspace name" });
    expect(await nameField.inputValue()).toBe(SECOND_WORKSPACE);
    await nameField.fill(RENAMED_SECOND_WORKSPACE);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page
      .getByRole("button", { name: `Switch workspace (current: ${RENAMED_SECOND_WORKSPACE})` })
      .waitFor();
    const current = workspaceBody.parse(await (await page.request.get("/api/v1/workspace")).json());
    expect(current.name).toBe(RENAMED_SECOND_WORKSPACE);
    await page.screenshot({ path: artifactPath("settings-workspace") });

    await switchTo(page, FIRST_WORKSPACE);
    expect(await pageHeading(page, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
  });

  it("invites a member who signs up through the link and lands in the workspace", async () => {
    const inviteUrl = await inviteToWorkspace(page, invitee.email, "partner_manager");
    expect(inviteUrl.pathname).toMatch(/^\/invite\/[^/]+$/);
    const row = page.getByRole("row", { name: new RegExp(invitee.email) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Pending");
    await page.screenshot({ path: artifactPath("settings-invitations"), fullPage: true });

    guestContext = await newDesktopContext(app.browser, app.baseUrl);
    guest = await guestContext.newPage();
    guest.on("pageerror", (error) => app.pageErrors.push(error.message));
    await guest.goto(inviteUrl.pathname);
    expect(await pageHeading(guest, `Join ${FIRST_WORKSPACE}`)).toBe(`Join ${FIRST_WORKSPACE}`);
    expect(await guest.getByTestId("invitation-workspace").textContent()).toBe(FIRST_WORKSPACE);
    expect(await guest.getByLabel("Work email").inputValue()).toBe(invitee.email);
    expect(await guest.getByText("Partner manager").first().textContent()).toBe("Partner manager");
    await guest.screenshot({ path: artifactPath("invite"), fullPage: true });

    await joinWithNewAccount(guest, invitee.name, invitee.password);
    expect(await pageHeading(guest, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
    expect(await guest.getByText("Your role:").locator("..").textContent()).toContain("Partner manager");

    await openSettingsTab(page, "Members", "/settings/members");
    const memberRow = page.getByRole("row", { name: new RegExp(invitee.name) });
    await memberRow.waitFor();
    expect(await memberRow.textContent()).toContain(invitee.email);
    const roleSelect = page.getByLabel(`Role for ${invitee.name}`);
    expect(await roleSelect.inputValue()).toBe("partner_manager");

    const patched = page.waitForResponse(
      (r) => r.request().method() === "PATCH" && r.url().includes("/api/v1/members/"),
    );
    await roleSelect.selectOption("viewer");
    expect((await patched).status()).toBe(200);
    expect(await roleSelect.inputValue()).toBe("viewer");
    const members = membersBody.parse(await (await page.request.get("/api/v1/members")).json());
    expect(members.items.find((member) => member.email === invitee.email)?.role).toBe("viewer");
    await page.screenshot({ path: artifactPath("settings-members"), fullPage: true });
  });

  it("lets a signed-in member accept an invitation to another workspace", async () => {
    await switchTo(page, RENAMED_SECOND_WORKSPACE);
    const inviteUrl = await inviteToWorkspace(page, invitee.email, "admin");

    await guest.goto(inviteUrl.pathname);
    expect(await pageHeading(guest, `Join ${RENAMED_SECOND_WORKSPACE}`)).toBe(
      `Join ${RENAMED_SECOND_WORKSPACE}`,
    );
    expect(await guest.getByText("Signed in as").textContent()).toBe(`Signed in as ${invitee.email}.`);
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    await guest.waitForURL((url) => url.pathname === "/");
    expect(await pageHeading(guest, RENAMED_SECOND_WORKSPACE)).toBe(RENAMED_SECOND_WORKSPACE);
    expect(await guest.getByText("Your role:").locator("..").textContent()).toContain("Admin");
    await switcher(guest).click();
    const workspaces = await guest.getByRole("menuitem").allTextContents();
    expect(workspaces.filter((item) => item !== "Create workspace")).toEqual([
      `${FIRST_WORKSPACE}Viewer`,
      `${RENAMED_SECOND_WORKSPACE}Admin`,
    ]);
    await guest.keyboard.press("Escape");

    await switchTo(page, FIRST_WORKSPACE);
    expect(await pageHeading(page, FIRST_WORKSPACE)).toBe(FIRST_WORKSPACE);
  });

  it("creates an API key whose secret authenticates the REST API until it is revoked", async () => {
    await openNavItem(page, "Settings");
    await openSettingsTab(page, "API keys", "/settings/api-keys");
    await page.getByLabel("Key name").fill("CRM sync");
    await page.getByLabel("Role").selectOption("viewer");
    await page.getByRole("button", { name: "Create key" }).click();
    const secretField = page.getByRole("textbox", { name: "API key secret" });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await page.getByText("it won't be shown again").textContent()).toContain("won't be shown again");
    const keyRow = page.getByRole("row", { name: /CRM sync/ });
    await keyRow.waitFor();
    const prefix = (await keyRow.locator("code").textContent()) ?? "";
    expect(prefix.length).toBeGreaterThan(0);
    expect(secret.startsWith(prefix.replace(/…$/, ""))).toBe(true);
    expect(await keyRow.textContent()).toContain("Never");
    await page.mouse.move(1, 1);
    await page.screenshot({ path: artifactPath("settings-api-keys") });

    const authorized = await fetch(`${app.baseUrl}/api/v1/workspace`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(authorized.status).toBe(200);
    expect(workspaceBody.parse(await authorized.json()).name).toBe(FIRST_WORKSPACE);

    await page.getByRole("button", { name: "Revoke API key CRM sync" }).click();
    await keyRow.getByText("Revoked").waitFor();
    const revoked = await fetch(`${app.baseUrl}/api/v1/workspace`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(revoked.status).toBe(401);
  });

  it("collapses the navbar behind a burger on a small screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await pageHeading(page, FIRST_WORKSPACE);
    const partnersLink = page
      .getByRole("navigation", { name: "Product areas" })
      .getByRole("link", { name: "Partners" });
    expect(await partnersLink.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Open navigation" }).click();
    await partnersLink.waitFor({ state: "visible" });
    await page.screenshot({ path: artifactPath("mobile-navigation") });
    await partnersLink.click();
    expect(await pageHeading(page, "Partners")).toBe("Partners");
    await partnersLink.waitFor({ state: "hidden" });
    await page.screenshot({ path: artifactPath("mobile-partners"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("raised no uncaught errors in the browser", () => {
    expect(app.pageErrors).toEqual([]);
  });
});
