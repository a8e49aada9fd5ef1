import { expect, signIn, snap, test } from "./fixtures";

test("a lead changes the service-level target and the required agents change", async ({ page }) => {
  await signIn(page, "lead");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staffing" }).click();
  await expect(page.getByRole("heading", { name: "Forecast and staffing" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Backtest scores" })).toContainText("chosen");
  const total = page.getByTestId("week-agent-hours");
  await expect(total).not.toHaveText("0");
  const before = Number((await total.innerText()).replace(/,/g, ""));

  await page.getByLabel("Voice service level %").fill("95");
  await expect.poll(async () => Number((await total.innerText()).replace(/,/g, ""))).toBeGreaterThan(before);

  // The maths is explained for a chosen interval.
  await page.getByRole("button", { name: /^Explain voice at 10:00/ }).click();
  const how = page.getByRole("region", { name: "How this is computed" });
  await expect(how).toContainText("Traffic A = contacts × AHT ÷ interval");
  await expect(how).toContainText("SL ≥ 95%");
  await snap(page, "staffing-lead");

  await page.getByLabel("Voice service level %").fill("");
  await expect.poll(async () => Number((await total.innerText()).replace(/,/g, ""))).toBe(before);

  // A manual uplift for a launch day raises the requirement once re-forecast.
  await page.getByLabel("Uplift %").fill("60");
  await page.getByLabel("Note").fill("Product launch");
  await page.getByRole("button", { name: "Add adjustment" }).click();
  await page.getByRole("button", { name: "Re-forecast with adjustments" }).click();
  await expect(page.getByRole("list", { name: "Adjustments" })).toContainText("+60%");
  await expect.poll(async () => Number((await total.innerText()).replace(/,/g, "")), { timeout: 20_000 }).toBeGreaterThan(before);
});

test("a history file with a bad row is rejected, naming the row, and nothing is imported", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/staffing");
  const csv = "interval_start,channel,contacts\n2026-01-05T09:00:00Z,voice,12\n2026-01-05T09:30:00Z,voice,abc\n";
  await page.getByLabel("History CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText("Row 3");
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText("contacts");
  await snap(page, "staffing-import-error");
});

test("an agent cannot open the staffing page", async ({ page }) => {
  await signIn(page, "agent");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staffing" })).toHaveCount(0);
  await page.goto("/staffing");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toBeVisible();
});
