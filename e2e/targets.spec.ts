import type { Page } from "@playwright/test";
import { expect, signIn, snap, test } from "./fixtures";

const agentHours = async (page: Page) => Number((await page.getByTestId("week-agent-hours").innerText()).replace(/,/g, ""));

test("the manager raises the voice service-level target on Channels and the requirement rises on Staffing; Save as targets puts it back", async ({ page }) => {
  await signIn(page, "manager");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Staffing" }).click();
  await expect(page.getByRole("heading", { name: "Forecast and staffing" })).toBeVisible();
  await expect(page.getByTestId("week-agent-hours")).not.toHaveText("0");
  const before = await agentHours(page);

  await nav.getByRole("link", { name: "Channels" }).click();
  await expect(page.getByRole("heading", { name: "Channels and targets" })).toBeVisible();
  const table = page.getByRole("table");
  await page.getByRole("button", { name: "New channel" }).click();
  await expect(page.getByLabel("Start from a preset")).toContainText("Twitter/X: every message answered within 15 minutes");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(table.getByRole("row", { name: /Voice/ })).toContainText("80% within 20 s");
  await page.getByRole("button", { name: "Edit Voice" }).click();
  const serviceLevel = page.getByLabel("Service level (%)");
  await expect(serviceLevel).toHaveValue("80");
  await serviceLevel.fill("95");
  await page.getByRole("button", { name: "Save channel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toContainText(/Channel "Voice" saved; requirements recomputed for \d+ weeks?/);
  await expect(table.getByRole("row", { name: /Voice/ })).toContainText("95% within 20 s");
  await snap(page, "channels-targets");

  await nav.getByRole("link", { name: "Staffing" }).click();
  await expect.poll(() => agentHours(page)).toBeGreaterThan(before);

  // The draft built on the old targets says so.
  await nav.getByRole("link", { name: "Rosters" }).click();
  await expect(page.getByText(/Stale: Voice targets changed on .+; re-solve to plan for them/).first()).toBeVisible();

  // Back on Staffing, the what-if at 80% saved as targets restores the week's requirement.
  await nav.getByRole("link", { name: "Staffing" }).click();
  const save = page.getByRole("button", { name: "Save as targets" });
  await expect(save).toBeDisabled();
  await page.getByLabel("Voice service level %").fill("80");
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Targets saved" })).toContainText("Targets saved for Voice");
  await expect(page.getByLabel("Voice service level %")).toHaveValue("");
  await expect.poll(() => agentHours(page)).toBe(before);
  await snap(page, "staffing-saved-targets");
});

test("the manager's settings page names a refused lead span", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Organisation settings" })).toBeVisible();
  await page.getByLabel("Minimum agents per lead").fill("20");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel("Minimum agents per lead")).toHaveAccessibleDescription(/cannot be above the maximum/);
  await snap(page, "settings-error");
});
