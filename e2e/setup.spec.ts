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
