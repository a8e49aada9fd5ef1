import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sunshift-demo";
export const ACCOUNTS = {
  manager: "manager@sunshift.demo",
  lead: "lead@sunshift.demo",
  agent: "agent@sunshift.demo",
} as const;

export async function signIn(page: Page, role: keyof typeof ACCOUNTS) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS[role]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Full-page screenshots land in e2e/screenshots/ so a person can look at them. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
