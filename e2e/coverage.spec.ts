import { readFileSync } from "node:fs";
import { expect, signIn, snap, test } from "./fixtures";

const CSV_HEADER =
  "interval_start,region,channel,contacts,aht_seconds,target_sl,target_seconds,required,scheduled,gap,projected_sl,projected_asa_seconds,leads_on_duty";

test("a manager finds the week's gaps, filters to APAC, reads why a gap is open and exports the table", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coverage" }).click();
  await expect(page.getByRole("heading", { name: "Coverage", exact: true })).toBeVisible();
  // The demo's current week has a published roster: the page opens on it.
  await expect(page.getByRole("combobox", { name: "Roster", exact: true })).toHaveValue(/\d+/);
  await expect(page.getByText(/\(published\) · \w{3} \d+ \w{3} – /)).toBeVisible();

  const summary = page.getByRole("region", { name: "Week summary" });
  for (const label of ["Intervals meeting target", "Service level", "Short agent-hours", "Excess agent-hours", "Lead-span breaches", "Staff cost", "Cost of closing the gaps"]) {
    await expect(summary.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(summary).toContainText("$");

  const heatmap = page.getByRole("img", { name: /^Coverage heatmap/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap).toHaveAttribute("aria-label", /All regions · all channels, 7 days in /);
  await expect(page.getByRole("table", { name: /Coverage by local day/ }).getByRole("row")).toHaveCount(1 + 7);
  await expect(page.getByRole("group", { name: /Heatmap colours/ })).toContainText("6+ short");
  await expect(page.getByText("Required agents", { exact: true })).toBeVisible();
  await snap(page, "coverage-manager");

  // Filtering is client-side: the heatmap, its summary and the chart follow the region.
  const allLabel = await heatmap.getAttribute("aria-label");
  await page.getByRole("combobox", { name: "Region", exact: true }).selectOption({ label: "APAC" });
  await expect(heatmap).toHaveAttribute("aria-label", /APAC · all channels/);
  expect(await heatmap.getAttribute("aria-label")).not.toBe(allLabel);
  await expect(page.getByTestId("selection-summary")).toContainText("APAC · all channels");
  await expect(page.getByRole("heading", { name: /Required vs scheduled/ })).toContainText("APAC");

  // The worst gap says why it is open and what would close it.
  const gaps = page.getByRole("list", { name: "Coverage gaps" });
  const worst = gaps.getByTestId("coverage-gap").first();
  await expect(worst).toContainText("#1 worst");
  await expect(worst).toContainText("short");
  const why = worst.getByRole("button", { name: "Why?" });
  await expect(why).toHaveAttribute("aria-expanded", "false");
  await why.click();
  await expect(why).toHaveAttribute("aria-expanded", "true");
  await expect(worst.getByRole("list", { name: "Reasons" }).getByRole("listitem").first()).toBeVisible();
  await expect(worst.getByRole("list", { name: "Suggested fixes" }).getByRole("listitem").first()).toContainText(/Add a .* shift|overtime|Hire/i);
  await snap(page, "coverage-gap-reasons");

  // The export follows the filter: APAC rows only.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^coverage-\d{4}-\d{2}-\d{2}-roster-\d+\.csv$/);
  const lines = readFileSync(await download.path(), "utf8").trim().split("\n");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z,APAC,/);
  expect(lines.slice(1).every((line) => line.split(",")[1] === "APAC")).toBe(true);
});

test("a manager plans hiring with the roster engine's design mode", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "manager");
  await page.goto("/coverage");
  await page.getByRole("button", { name: "Plan hiring" }).click();
  const plan = page.getByRole("table", { name: "Hiring plan" });
  await expect(plan).toBeVisible({ timeout: 90_000 });
  for (const region of ["Americas", "EMEA", "APAC"]) await expect(plan.getByRole("cell", { name: region, exact: true })).toBeVisible();
  await snap(page, "coverage-hiring-plan");
});

test("a lead sees only their team's region in the region filter", async ({ page }) => {
  await signIn(page, "lead");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coverage" }).click();
  await expect(page.getByRole("img", { name: /^Coverage heatmap/ })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Region", exact: true }).getByRole("option")).toHaveText(["All regions", "EMEA"]);
  await page.getByRole("combobox", { name: "Region", exact: true }).selectOption({ label: "EMEA" });
  await expect(page.getByTestId("selection-summary")).toContainText("EMEA · all channels");
});

test("an agent cannot open coverage", async ({ page }) => {
  await signIn(page, "agent");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coverage" })).toHaveCount(0);
  await page.goto("/coverage");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toContainText("Your role cannot open coverage");
});
