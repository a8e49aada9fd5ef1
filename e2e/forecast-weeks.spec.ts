import { expect, signIn, snap, test } from "./fixtures";

// The e2e clock is Tuesday 24 Nov 2026: this week starts 23 Nov, the week after next 7 Dec.

test("a planner forecasts the week after next and sees which history it used", async ({ page }) => {
  await signIn(page, "lead");
  await page.goto("/staffing");
  await expect(page.getByRole("heading", { name: "Forecast and staffing" })).toBeVisible();
  const weeks = page.getByRole("group", { name: "Planning week" });
  await expect(weeks.getByRole("button", { name: "This week" })).toHaveAttribute("aria-pressed", "true");
  await expect(weeks.getByRole("button")).toHaveCount(4);

  await weeks.getByRole("button", { name: "Week of 7 Dec" }).click();
  await expect(weeks.getByRole("button", { name: "Week of 7 Dec" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("No forecast for this week yet")).toBeVisible();
  await page.getByRole("button", { name: "Forecast the week of 7 Dec" }).click();

  const history = page.getByTestId("history-used");
  await expect(history).toContainText("Using history from", { timeout: 30_000 });
  await expect(history).toContainText(/\(\d+ weeks?/);
  await expect(page.getByText(/Week of \w{3} [67] Dec 2026/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Backtest scores" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-forecast the week of 7 Dec" })).toBeVisible();
  await snap(page, "staffing-week-after-next");
});

test("a manager marks a special day and removes it", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/staffing");
  const section = page.getByRole("region", { name: "Special days" });
  await section.getByLabel("Special day date").fill("2026-12-25");
  await section.getByLabel("Special day name").fill("Christmas Day");
  await section.getByLabel("Factor (optional)").fill("0");
  await section.getByRole("button", { name: "Mark day" }).click();
  const table = section.getByRole("table", { name: "Special days" });
  await expect(table).toContainText("Christmas Day");
  await expect(table).toContainText("closed");
  await snap(page, "staffing-special-days");
  await section.getByRole("button", { name: "Remove Christmas Day on 2026-12-25" }).click();
  await expect(section.getByText("No special days marked.")).toBeVisible();
});

test("history far from the planning weeks is asked about before it is imported", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/staffing");
  const csv = "interval_start,channel,contacts\n2003-03-03T09:00:00Z,voice,12\n2003-03-03T09:30:00Z,voice,14\n";
  await page.getByLabel("History CSV file").setInputFiles({ name: "old-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const question = page.getByRole("alert").filter({ hasText: "Does it belong to this organisation's timeline?" });
  await expect(question).toContainText("3 Mar 2003");
  await expect(question.getByRole("button", { name: "Yes, import 2 rows" })).toBeVisible();
  await snap(page, "staffing-far-history");
  await question.getByRole("button", { name: "No, leave it out" }).click();
  await expect(question).toHaveCount(0);
});
