/** Steps the browser tests share, written the way a user would do them. */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { z } from "zod";

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

/** Fills the sign-up form (already open) and sends it. */
export async function submitSignUp(page: Page, person: Person, workspaceName: string): Promise<void> {
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Work email").fill(person.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(person.password);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signUpWithWorkspace(page: Page, person: Person, workspaceName: string): Promise<void> {
  await page.goto("/signup");
  await submitSignUp(page, person, workspaceName);
  await page.waitForURL((url) => url.pathname === "/");
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Opens the login page and logs in; lands on the workspace overview. */
export async function logInAs(page: Page, login: Pick<Person, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await logIn(page, login.email, login.password);
  await page.waitForURL((url) => url.pathname === "/");
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

/** Settings → Invitations: invites `email` with `role` (the select's value); returns the link shown. */
export async function inviteToWorkspace(page: Page, email: string, role: string): Promise<URL> {
  await openNavItem(page, "Settings");
  await openSettingsTab(page, "Invitations", "/settings/invitations");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Create invite" }).click();
  const linkField = page.getByRole("textbox", { name: "Invite link" });
  await linkField.waitFor();
  return new URL(await linkField.inputValue());
}

/** On an invitation's page, signed out: creates the account and joins; lands on the overview. */
export async function joinWithNewAccount(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL((url) => url.pathname === "/");
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
export async function sessionApi<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "ecostack_csrf")?.value;
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {},
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  return { status: response.status(), json: (text ? JSON.parse(text) : null) as T };
}

const createdBody = z.object({ id: z.string() });

/**
 * Creates something through the API as the signed-in user, the way an import or another tool
 * would bring it in, so a test can start from it; the answer must be 201. Returns the new id.
 */
export async function createViaApi(page: Page, path: string, body: Record<string, unknown>): Promise<string> {
  const response = await sessionApi(page, "POST", path, body);
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return createdBody.parse(response.json).id;
}

// ICPs. -----------------------------------------------------------------------------------------

/** Six accounts to score: under `manufacturingIcp` two fit A, three B and one C. */
export const sampleAccounts = [
  { name: "Acme Steel", industry: "Manufacturing", employees: 900 },
  { name: "Borealis Parts", industry: "Manufacturing", employees: 60 },
  { name: "Cobalt Retail", industry: "Retail", employees: 450 },
  { name: "Delta Foods", industry: "Food", employees: 30 },
  { name: "Evergreen Tools", industry: "Manufacturing", employees: 2400 },
  { name: "Fjord Logistics", industry: "Logistics", employees: 1200 },
];

export interface IcpDraft {
  name: string;
  industry: { value: string; weight: number };
  employees: { atLeast: number; weight: number };
}

/** Manufacturing is worth 60 points, 200 employees or more another 40. */
export const manufacturingIcp: IcpDraft = {
  name: "Mid-market manufacturing",
  industry: { value: "Manufacturing", weight: 60 },
  employees: { atLeast: 200, weight: 40 },
};

/** The top-fit table of `sampleAccounts` under `manufacturingIcp`, as `topFitRows` reads it. */
export const sampleAccountsTopFit = [
  "Acme Steel Manufacturing 100 A",
  "Evergreen Tools Manufacturing 100 A",
  "Borealis Parts Manufacturing 60 B",
  "Cobalt Retail Retail 40 B",
  "Fjord Logistics Logistics 40 B",
  "Delta Foods Food 0 C",
];

/**
 * On the ICPs page: New ICP with an industry and an employee-count criterion, created and scored;
 * lands on the ICP's page.
 */
export async function createIcp(page: Page, icp: IcpDraft): Promise<void> {
  await page.getByRole("button", { name: "New ICP" }).click();
  const dialog = page.getByRole("dialog", { name: "New ICP" });
  await dialog.getByLabel("Name").fill(icp.name);

  await dialog.getByRole("button", { name: "Add criterion" }).click();
  await page.getByRole("menuitem", { name: "Industry" }).click();
  const industries = dialog.getByRole("combobox", { name: "Industries" });
  await industries.fill(icp.industry.value);
  await industries.press("Enter");
  await dialog.getByLabel("Weight value of criterion 1").fill(String(icp.industry.weight));

  await dialog.getByRole("button", { name: "Add criterion" }).click();
  await page.getByRole("menuitem", { name: "Employees" }).click();
  await dialog.getByRole("textbox", { name: "At least" }).fill(String(icp.employees.atLeast));
  await dialog.getByLabel("Weight value of criterion 2").fill(String(icp.employees.weight));
  await dialog.getByRole("button", { name: "Create and score accounts" }).click();
  await pageHeading(page, icp.name);
}

/** On an ICP's page: waits for the rescore to succeed and returns what its progress bar then reads. */
export async function finishedRescore(page: Page): Promise<string> {
  const progress = page.getByRole("status", { name: "Rescoring accounts" });
  await progress.and(page.locator('[data-job-status="succeeded"]')).waitFor();
  return (await progress.textContent()) ?? "";
}

/** On an ICP's page: the rows of the top-fit table, each as one line of text. */
export async function topFitRows(page: Page): Promise<string[]> {
  const rows = page.getByRole("table", { name: "Top-fit accounts" }).locator("tbody tr");
  await rows.first().waitFor();
  return (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, " ").trim());
}

// The value chain. ------------------------------------------------------------------------------

export interface ValueChainLinkDraft {
  name: string;
  /** The channel kind as the select names it ("Influencer", "Fulfilment", "Selling" …). */
  kind: string;
  /** The weight picked per journey stage, e.g. `{ Develop: 5 }`; stages left out keep theirs. */
  weights: Record<string, number>;
  partners?: string[];
}

function linkEditor(page: Page): Locator {
  return page.getByRole("form", { name: "Link editor" });
}

/** On a value chain page: Add link, filled in the editor, added; waits for the editor to close. */
export async function addValueChainLink(page: Page, link: ValueChainLinkDraft): Promise<void> {
  await page.getByRole("button", { name: "Add link", exact: true }).click();
  const editor = linkEditor(page);
  await editor.getByLabel("Name").fill(link.name);
  await editor.getByLabel("Channel kind", { exact: true }).click();
  await page.getByRole("option", { name: link.kind, exact: true }).click();
  for (const [stage, weight] of Object.entries(link.weights)) {
    await editor
      .getByRole("radiogroup", { name: `${stage} weight` })
      .getByText(String(weight), { exact: true })
      .click();
  }
  for (const partner of link.partners ?? []) {
    await editor.getByLabel("Partners", { exact: true }).click();
    await page.getByRole("option", { name: new RegExp(`^${escapeRegExp(partner)}`) }).click();
  }
  await editor.getByRole("button", { name: "Add link", exact: true }).click();
  await editor.waitFor({ state: "detached" });
}

/** Opens a link of the value chain graph and picks a partner for it; the editor stays open. */
export async function pickLinkPartner(page: Page, node: Locator, partner: string): Promise<void> {
  await node.click();
  const editor = linkEditor(page);
  await editor.getByLabel("Partners", { exact: true }).click();
  await page.getByRole("option", { name: new RegExp(`^${escapeRegExp(partner)}`) }).click();
  // Close the picker (it stays open for more picks) by focusing another field.
  await editor.getByLabel("Name").click();
}

/** Saves the open link editor and waits for it to close. */
export async function saveLink(page: Page): Promise<void> {
  const editor = linkEditor(page);
  await editor.getByRole("button", { name: "Save link" }).click();
  await editor.waitFor({ state: "detached" });
}

// Sales plays. ----------------------------------------------------------------------------------

export interface PlayDraft {
  name: string;
  solution: string;
  icp: string;
  objective: string;
}

/** Sales plays → New play, created; lands on the play's page and returns the play's id. */
export async function createPlay(page: Page, play: PlayDraft): Promise<string> {
  await page.goto("/strategy/plays");
  await pageHeading(page, "Sales plays");
  await page.getByRole("button", { name: "New play" }).click();
  const dialog = page.getByRole("dialog", { name: "New play" });
  await dialog.getByLabel("Name").fill(play.name);
  await dialog.getByRole("combobox", { name: "Solution" }).click();
  await page.getByRole("option", { name: play.solution }).click();
  await dialog.getByRole("combobox", { name: "ICP" }).click();
  await page.getByRole("option", { name: play.icp }).click();
  await dialog.getByLabel("Objective").fill(play.objective);
  await dialog.getByRole("button", { name: "Create play" }).click();
  await pageHeading(page, play.name);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

export interface PlayStepDraft {
  description: string;
  /** Who leads the step: named partners, or a stack layer with the partners taking part. */
  lead: { kind: "partners"; partners: string[] } | { kind: "layer"; layer: string; partners: string[] };
  /** As the selects name them ("Co-sell", "Partner selling" …). */
  coMotion: string;
  motionFamily: string;
  assets?: { title: string; url: string }[];
  kpis?: { name: string; target: string }[];
}

/** On a play's page: Add step to `stage`, filled in the dialog, added; waits for the dialog to close. */
export async function addPlayStep(page: Page, stage: string, step: PlayStepDraft): Promise<void> {
  await page.getByRole("button", { name: `Add step to ${stage}` }).click();
  const dialog = page.getByRole("dialog", { name: "Add step" });
  await dialog.getByLabel("What happens").fill(step.description);
  if (step.lead.kind === "layer") {
    await dialog.getByText("Stack layer", { exact: true }).click();
    await dialog.getByRole("combobox", { name: "Stack layer" }).click();
    await page.getByRole("option", { name: step.lead.layer, exact: true }).click();
  } else {
    await dialog.getByText("Named partners", { exact: true }).click();
  }
  const partnerPicker = dialog.getByLabel(
    step.lead.kind === "layer" ? /^Participating partners/ : /^Partners/,
  );
  for (const partner of step.lead.partners) {
    await partnerPicker.click();
    await page.getByRole("option", { name: partner }).click();
  }
  // Close the picker (it stays open for more picks) by focusing another field.
  await dialog.getByLabel("What happens").click();
  await dialog.getByLabel("Co-motion", { exact: true }).click();
  await page.getByRole("option", { name: step.coMotion }).click();
  await dialog.getByLabel("Motion family", { exact: true }).click();
  await page.getByRole("option", { name: step.motionFamily, exact: true }).click();
  for (const [index, asset] of (step.assets ?? []).entries()) {
    await dialog.getByRole("button", { name: "Add asset" }).click();
    await dialog.getByLabel(`Enablement assets ${index + 1} Title`).fill(asset.title);
    await dialog.getByLabel(`Enablement assets ${index + 1} https://…`).fill(asset.url);
  }
  for (const [index, kpi] of (step.kpis ?? []).entries()) {
    await dialog.getByRole("button", { name: "Add KPI" }).click();
    await dialog.getByLabel(`KPIs ${index + 1} KPI`).fill(kpi.name);
    await dialog.getByLabel(`KPIs ${index + 1} Target`).fill(kpi.target);
  }
  await dialog.getByRole("button", { name: "Add step" }).click();
  await dialog.waitFor({ state: "detached" });
}

const playStages = z.object({ stages: z.array(z.object({ id: z.string(), key: z.string() })) });

/** A play's journey stages, read through the API: the id of a stage by its key ("identify" …). */
export async function playStageIds(page: Page, playId: string): Promise<(key: string) => string> {
  const { stages } = playStages.parse((await sessionApi(page, "GET", `/plays/${playId}`)).json);
  return (key) => stages.find((stage) => stage.key === key)?.id ?? "";
}

/** On a play's page: picks its status; returns that status's radio button. */
export async function setPlayStatus(page: Page, status: string): Promise<Locator> {
  const group = page.getByRole("radiogroup", { name: "Play status" });
  await group.getByText(status, { exact: true }).click();
  return group.getByRole("radio", { name: status });
}
