import { ACCOUNTS, expect, signIn, snap, test } from "./fixtures";

test("the manager signs in and sees regions, headcount and the team span rule", async ({ page }) => {
  await signIn(page, "manager");
  await expect(page.getByRole("heading", { name: "Organisation overview" })).toBeVisible();
  const regions = page.getByRole("region", { name: "Regions and headcount" });
  for (const name of ["Americas", "EMEA", "APAC"]) await expect(regions.getByRole("cell", { name, exact: true })).toBeVisible();
  await expect(regions.getByRole("cell", { name: "Asia/Manila" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Teams" }).getByText("EMEA Liffey")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Regions" })).toBeVisible();
  await snap(page, "home-manager");
});

test("a lead sees their own team and no manager pages", async ({ page }) => {
  await signIn(page, "lead");
  await expect(page.getByRole("heading", { name: "My team" })).toBeVisible();
  const team = page.getByRole("region", { name: "Teams I lead" });
  await expect(team.getByRole("cell", { name: "EMEA Liffey" })).toBeVisible();
  await expect(team.getByRole("cell", { name: "Aoife Murphy" })).toBeVisible();
  await expect(team.getByText("Americas Harbor")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Regions" })).toHaveCount(0);
  await snap(page, "home-lead");
});

test("an agent sees their profile and contract", async ({ page }) => {
  await signIn(page, "agent");
  await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible();
  const profile = page.getByRole("region", { name: "Profile and contract" });
  await expect(profile.getByText("Aoife Murphy")).toBeVisible();
  await expect(profile.getByText("Europe/Dublin")).toBeVisible();
  await expect(profile.getByText("at least 11 h")).toBeVisible();
  await snap(page, "home-agent");
});

test("an agent who opens a manager page is refused and nothing changes", async ({ page }) => {
  await signIn(page, "agent");
  await page.goto("/org/regions");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("button", { name: /save|create/i })).toHaveCount(0);
  // The API refuses too: a direct call to create a region is FORBIDDEN.
  const response = await page.request.post("/api/trpc/org.createRegion", {
    data: { json: { name: "Hacked", timeZone: "UTC", windowStart: "00:00", windowEnd: "00:00", workingDays: [1], hourlyCost: 1 } },
  });
  expect(response.status()).toBe(403);
  await snap(page, "agent-refused");
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "manager");
  await expect(page.getByRole("region", { name: "Regions and headcount" }).getByRole("cell", { name: "Hacked" })).toHaveCount(0);
});

test("a wrong password is refused with the same message as an unknown email; sign-out works", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS.lead);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
  await page.getByLabel("Email").fill("nobody@sunshift.demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
  await snap(page, "sign-in-refused");

  await signIn(page, "lead");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});
