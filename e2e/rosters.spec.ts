import { expect, signIn, snap, test } from "./fixtures";

test("a lead builds next week's roster, watches the solve, checks a hand edit and publishes", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "lead");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rosters" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosters" })).toBeVisible();

  // A unique name, so the test never depends on which rosters the seed already holds.
  const name = `E2E week ${Date.now()}`;
  const build = page.getByRole("region", { name: "Build a roster" });
  await build.getByLabel("Week").selectOption({ label: "Next week" });
  await build.getByLabel("Name (optional)").fill(name);
  await build.getByLabel("Time limit (seconds)").fill("10");
  await build.getByRole("button", { name: "Build roster" }).click();

  const bar = page.getByRole("progressbar", { name: "Solve progress" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", /^\d+$/);
  const phase = page.getByTestId("solve-phase");
  await expect(phase).toHaveText(/Proving a lower bound|Designing shifts|Placing team leads|Finishing|Saving|Done/);
  await snap(page, "roster-progress");
  await expect(phase).toHaveText("Done: roster saved", { timeout: 90_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await page.getByRole("link", { name: "Open the roster board" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("roster-status")).toHaveText("Draft");
  await expect(page.getByTestId("metric-solve-status")).toHaveText(/optimal|feasible/);

  // People grouped by region, then team, the lead's row marked.
  const board = page.getByRole("table", { name: /^Roster board/ });
  for (const region of ["Americas", "EMEA", "APAC"]) await expect(board.getByRole("rowgroup", { name: region, exact: true })).toBeVisible();
  const emea = board.getByRole("rowgroup", { name: "EMEA", exact: true });
  await expect(emea).toContainText("EMEA Liffey");
  await expect(emea.getByRole("rowheader", { name: /Siobhán Byrne/ })).toContainText("Lead");
  await expect(board.getByRole("img", { name: /^Agents on task against required/ })).toBeVisible();

  // Open one of Aoife's shifts (her team is the lead's): the rule check runs on the values shown.
  const aoifeShift = emea.getByRole("button", { name: /^Aoife Murphy, \w{3} \d+ \w{3} \d\d:\d\d–\d\d:\d\d Europe\/Dublin/ }).first();
  await aoifeShift.click();
  const dialog = page.getByRole("dialog", { name: /Edit shift: Aoife Murphy/ });
  await expect(dialog).toBeVisible();
  const check = dialog.getByRole("status", { name: "Rule check" });
  await expect(check).toHaveText(/All rules hold/);
  await expect(dialog.getByRole("button", { name: "Save" })).toBeEnabled();

  // 02:00 in Dublin is outside EMEA's 07:00–23:00 window: the violation is named and Save is off.
  await dialog.getByLabel("Start time").fill("02:00");
  await expect(check).toContainText("working window");
  await expect(check).toContainText("07:00–23:00 Europe/Dublin");
  await expect(dialog.getByRole("button", { name: "Save" })).toBeDisabled();
  await snap(page, "roster-edit-check");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Saved unchanged, the shift is pinned (a re-solve keeps it) and the board shows the pin.
  await aoifeShift.click();
  await expect(check).toHaveText(/All rules hold/);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(emea.getByRole("button", { name: /^Aoife Murphy, .*, pinned/ })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Re-solve this draft" })).toContainText("1 pinned shift stays");

  // Re-solving the draft keeps the pinned shift.
  const resolve = page.getByRole("region", { name: "Re-solve this draft" });
  await resolve.getByLabel("Time limit (seconds)").fill("5");
  await resolve.getByRole("button", { name: "Re-solve" }).click();
  await expect(page.getByRole("progressbar", { name: "Solve progress" })).toBeVisible();
  await expect(phase).toHaveText("Done: roster saved", { timeout: 60_000 });
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(emea.getByRole("button", { name: /^Aoife Murphy, .*, pinned/ })).toHaveCount(1);

  // Publish, confirmed in a dialog.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: /^Publish/ });
  await confirm.getByRole("button", { name: "Publish roster" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("roster-status")).toHaveText("Published");
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await snap(page, "roster-board");

  // On a narrow screen the board scrolls sideways instead of squeezing the days.
  await page.setViewportSize({ width: 420, height: 900 });
  const scroller = page.getByTestId("roster-board-scroll");
  await expect.poll(() => scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.screenshot({ path: "e2e/screenshots/roster-board-narrow.png" });
  await page.setViewportSize({ width: 1366, height: 900 });

  // The list shows it published.
  await page.getByRole("link", { name: "Rosters", exact: true }).first().click();
  const row = page.getByRole("table", { name: "Rosters" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("published");
  await expect(row).toContainText("Europe/Dublin");
});

test("an agent cannot open the rosters pages", async ({ page }) => {
  await signIn(page, "agent");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rosters" })).toHaveCount(0);
  await page.goto("/rosters");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toBeVisible();
  await page.goto("/rosters/1");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toBeVisible();
});

test("a lead cancels a solve and nothing is saved", async ({ page }) => {
  await signIn(page, "lead");
  await page.goto("/rosters");
  const name = `E2E cancelled ${Date.now()}`;
  const build = page.getByRole("region", { name: "Build a roster" });
  await build.getByLabel("Name (optional)").fill(name);
  await build.getByLabel("Time limit (seconds)").fill("60");
  await build.getByRole("button", { name: "Build roster" }).click();
  await expect(page.getByRole("progressbar", { name: "Solve progress" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("solve-phase")).toHaveText("Cancelled: nothing was saved");
  await page.reload();
  await expect(page.getByRole("table", { name: "Rosters" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Rosters" })).not.toContainText(name);
});
