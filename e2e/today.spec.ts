import { expect, signIn, snap, test } from "./fixtures";

test("a lead opens Today and reads how the day is running, the re-forecast and the gap per interval", async ({ page }) => {
  await signIn(page, "lead");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();

  // The demo seeds today's first hours about 10 % above forecast, up to the fixed now (10:00 UTC).
  await expect(page.getByTestId("day-ratio")).toHaveText(/^Today is running \d+ % above forecast; the rest of the day is re-forecast \+\d+ %\.$/);
  await expect(page.getByText(/Tuesday 24 November 2026 in Europe\/Dublin · now /)).toBeVisible();

  const table = page.getByRole("table", { name: "Today's intervals, all channels" });
  await expect(table.getByRole("columnheader")).toHaveText([/^Starts/, "Actual", "Forecast", "Re-forecast", "Required", "On task", "Gap"]);
  // A 24-hour day of 30-minute intervals, the current one marked.
  await expect(table.getByRole("row")).toHaveCount(1 + 48);
  await expect(table.getByRole("row").filter({ hasText: "(now)" })).toHaveCount(1);
  await expect(page.getByRole("img", { name: /Actual, forecast and re-forecast contacts today/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Suggested overtime and early finishes" })).toBeVisible();
  await snap(page, "today-lead");

  // One channel at a time, and times in another zone.
  await page.getByRole("combobox", { name: "Channel" }).selectOption({ label: "Voice" });
  await expect(page.getByRole("table", { name: "Today's intervals, Voice" })).toBeVisible();
  await page.getByRole("combobox", { name: "Show times in" }).selectOption({ label: "UTC" });
  await expect(page.getByText(/times in UTC/)).toBeVisible();
  await snap(page, "today-lead-voice-utc");
});

test("an agent has no Today page", async ({ page }) => {
  await signIn(page, "agent");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today", exact: true })).toHaveCount(0);
  await page.goto("/today");
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toHaveCount(0);
});
