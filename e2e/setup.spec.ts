import { E2E_SETUP_TOKEN, EMPTY_SERVER_URL } from "./empty-server";
import { expect, snap, test } from "./fixtures";

const MANAGER = { name: "Rita Sousa", email: "rita@harbour.example", password: "harbour-lights-2026" };

test("a fresh install: set-up only with the printed link, then the new manager signs in and sees Home", async ({ page, browser }) => {
  // Nobody can sign in yet, so sign-in sends us to the set-up page, which wants the link.
  await page.goto(`${EMPTY_SERVER_URL}/sign-in`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your organisation" })).toBeVisible();
  await expect(page.getByText("Set-up needs the one-time link the server printed.")).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveCount(0);
  await snap(page, "setup-no-token");

  await page.goto(`${EMPTY_SERVER_URL}/setup?token=not-the-token`);
  await expect(page.getByText("This set-up link is not valid or was used already.")).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveCount(0);

  await page.goto(`${EMPTY_SERVER_URL}/setup?token=${E2E_SETUP_TOKEN}`);
  await page.getByLabel("Organisation name").fill("Harbour Support");
  await page.getByLabel("Planning zone").fill("Europe/Lisbon");
  await page.getByLabel("Manager's name").fill(MANAGER.name);
  await page.getByLabel("Manager's email").fill(MANAGER.email);
  await page.getByLabel("Password", { exact: true }).fill(MANAGER.password);
  await page.getByLabel("Confirm password").fill("harbour-lights-2025");
  await page.getByRole("button", { name: "Create organisation" }).click();
  const confirm = page.getByLabel("Confirm password");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription(/The two passwords differ/);
  await snap(page, "setup-refused-confirmation");

  await confirm.fill(MANAGER.password);
  await snap(page, "setup-form");
  await page.getByRole("button", { name: "Create organisation" }).click();

  // On to sign-in, with the email filled in.
  await expect(page).toHaveURL(/\/sign-in\?setup=done/);
  await expect(page.getByRole("status")).toContainText("Organisation created. Sign in as its manager.");
  await expect(page.getByLabel("Email")).toHaveValue(MANAGER.email);
  await page.getByLabel("Password").fill(MANAGER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  await expect(page.getByText("Harbour Support · planning in 30-minute intervals · organisation zone Europe/Lisbon")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Head office" })).toBeVisible();
  await snap(page, "setup-home");

  // The link is used up: someone else opening it now is sent to sign-in.
  const other = await browser.newPage();
  await other.goto(`${EMPTY_SERVER_URL}/setup?token=${E2E_SETUP_TOKEN}`);
  await expect(other).toHaveURL(/\/sign-in$/);
  await expect(other.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await other.close();
});

/**
 * Eight weeks of half-hourly contacts for the four standard channels the set-up created, up to
 * the Monday of the e2e week (E2E_NOW is Tuesday 24 Nov 2026): busy in the Lisbon day, quiet at
 * night, a little lower at weekends. Deterministic, so the forecast is the same every run.
 */
function recentHistoryCsv(): string {
  const rows = ["interval_start,channel,contacts,aht_seconds"];
  const base = { voice: [12, 360], chat: [8, 480], email: [5, 420], social: [2, 300] } as const;
  const start = Date.parse("2026-09-28T00:00:00Z");
  const end = Date.parse("2026-11-24T00:00:00Z");
  for (let t = start; t < end; t += 30 * 60_000) {
    const at = new Date(t);
    const hour = at.getUTCHours() + at.getUTCMinutes() / 60;
    const day = (at.getUTCDay() + 6) % 7;
    const daytime = hour >= 8 && hour < 18 ? 1 : hour >= 7 && hour < 21 ? 0.4 : 0.05;
    const weekday = day >= 5 ? 0.6 : 1;
    for (const [channel, [peak, aht]] of Object.entries(base)) {
      const wobble = 1 + 0.1 * Math.sin(t / 3_600_000 + peak);
      rows.push(`${at.toISOString()},${channel},${Math.round(peak * daytime * weekday * wobble)},${aht}`);
    }
  }
  return rows.join("\n") + "\n";
}

test("the new manager imports regions, people and history, forecasts next week, builds its roster and publishes it", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${EMPTY_SERVER_URL}/sign-in`);
  await page.getByLabel("Email").fill(MANAGER.email);
  await page.getByLabel("Password").fill(MANAGER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();

  // Regions: the sample file's three.
  await page.goto(`${EMPTY_SERVER_URL}/org/regions`);
  const regionsImport = page.getByRole("region", { name: "Import regions" });
  await page.getByLabel("Regions CSV file").setInputFiles("samples/regions-sample.csv");
  await expect(regionsImport.getByRole("status")).toHaveText(/Imported 3 regions: 3 new, 0 updated/);
  const regions = page.getByRole("region", { name: "All regions" });
  for (const name of ["Head office", "EMEA", "Americas", "APAC"]) await expect(regions.getByRole("row", { name: new RegExp(name) })).toBeVisible();

  // People: the sample file names the set-up's starter templates and standard channels.
  await page.goto(`${EMPTY_SERVER_URL}/org/people`);
  const peopleImport = page.getByRole("region", { name: "Import people" });
  await page.getByLabel("People CSV file").setInputFiles("samples/people-sample.csv");
  await expect(peopleImport.getByRole("status")).toHaveText(/Imported 29 people: 29 new, 0 updated/);
  await expect(page.getByRole("region", { name: "Everyone" }).getByRole("row", { name: /Cian Walsh/ })).toBeVisible();
  await snap(page, "setup-journey-people");

  // Contact history for the eight weeks before now, then a forecast of next week.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staffing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forecast and staffing" })).toBeVisible();
  await page.getByLabel("History CSV file").setInputFiles({ name: "recent-history.csv", mimeType: "text/csv", buffer: Buffer.from(recentHistoryCsv()) });
  const imported = page.getByRole("status").filter({ hasText: /^Imported \d+ rows/ });
  const farConfirm = page.getByRole("button", { name: /^Yes, import/ });
  await expect(imported.or(farConfirm)).toBeVisible({ timeout: 30_000 });
  if (await farConfirm.isVisible()) await farConfirm.click();
  await expect(imported).toContainText("from recent-history.csv");
  await page.getByRole("group", { name: "Planning week" }).getByRole("button", { name: "Next week" }).click();
  await page.getByRole("button", { name: "Forecast next week" }).click();
  await expect(page.getByRole("button", { name: "Re-forecast next week" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("history-used")).toContainText("Using history from 28 Sep to 23 Nov 2026");
  await snap(page, "setup-journey-forecast");

  // Next week's roster, on a short time limit.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rosters" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosters" })).toBeVisible();
  const build = page.getByRole("region", { name: "Build a roster" });
  await build.getByLabel("Week").selectOption({ label: "Next week" });
  await build.getByLabel("Name (optional)").fill("Harbour first week");
  await build.getByLabel("Time limit (seconds)").fill("10");
  await build.getByRole("button", { name: "Build roster" }).click();
  await expect(page.getByRole("progressbar", { name: "Solve progress" })).toBeVisible();
  await expect(page.getByTestId("solve-phase")).toHaveText("Done: roster saved", { timeout: 120_000 });
  await page.getByRole("link", { name: "Open the roster board" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Harbour first week" })).toBeVisible();
  await expect(page.getByTestId("roster-status")).toHaveText("Draft");
  const board = page.getByRole("table", { name: /^Roster board/ });
  for (const region of ["EMEA", "Americas", "APAC"]) await expect(board.getByRole("rowgroup", { name: region, exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: /^Publish/ });
  await confirm.getByRole("button", { name: "Publish roster" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("roster-status")).toHaveText("Published");
  await expect(page.getByRole("status").filter({ hasText: "Published: agents can now see this roster" })).toBeVisible();
  await snap(page, "setup-journey-published");
});
