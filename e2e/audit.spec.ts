import { expect, signIn, snap, test } from "./fixtures";

test("a manager opens the audit log, filters it by kind, person and date, and follows an entry to the roster it published", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
  await expect(page.getByText("Times and dates in Europe/Dublin.", { exact: false })).toBeVisible();
  const entries = page.getByRole("table", { name: "Audit entries" });
  await expect(entries).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Audit pages" })).toContainText(/Page 1 of \d+ · entries 1–\d+ of \d+/);

  // Kind: roster.* only. The seed built two rosters and the manager published this week's.
  const filters = page.getByRole("form", { name: "Audit filters" });
  await filters.getByLabel("Kind").selectOption({ label: "roster.*" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/audit\?.*kind=roster/);
  const rows = entries.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
  await expect(rows.first()).toBeVisible();
  expect((await rows.allTextContents()).every((text) => /roster\./.test(text))).toBe(true);
  const published = rows.filter({ hasText: "roster.publish" }).first();
  await expect(published).toContainText("Grace Okafor");
  await expect(entries.getByRole("columnheader", { name: "When (Europe/Dublin)" })).toBeVisible();
  await snap(page, "audit-roster-kind");

  // Person and dates narrow it further; a day with nothing says so.
  await filters.getByLabel("Person").selectOption({ label: "Grace Okafor" });
  await filters.getByLabel("From (Europe/Dublin)").fill("2026-11-24");
  await filters.getByLabel("To (Europe/Dublin)").fill("2026-11-24");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("roster.publish");
  await filters.getByLabel("To (Europe/Dublin)").fill("2026-11-23");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toBeVisible();
  await expect(filters.getByText("The end date is before the start date")).toBeVisible();
  await expect(filters.getByLabel("To (Europe/Dublin)")).toHaveAttribute("aria-invalid", "true");
  await filters.getByLabel("From (Europe/Dublin)").fill("2026-11-23");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No entries match these filters.")).toBeVisible();

  // Back to roster.* and follow the publish entry to its roster board.
  await page.goto("/audit?kind=roster");
  const link = rows.filter({ hasText: "roster.publish" }).first().getByRole("link");
  const rosterName = (await link.textContent()) ?? "";
  expect(rosterName).toMatch(/^Week of /);
  await link.click();
  await expect(page).toHaveURL(/\/rosters\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: rosterName })).toBeVisible();
  await expect(page.getByTestId("roster-status")).toHaveText("Published");
});

test("the audit log is the manager's: a lead has no Audit link and is refused the page", async ({ page }) => {
  await signIn(page, "lead");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("alert").filter({ hasText: "Your role cannot open the audit log" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit entries" })).toHaveCount(0);
});
