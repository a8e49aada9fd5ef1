import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../server/seed/demo-accounts";
import { E2E_NOW } from "./fixed-now";

export { DEMO_PASSWORD, E2E_NOW, expect };
export const ACCOUNTS = DEMO_ACCOUNTS;

/**
 * Starts the context's clock at E2E_NOW, the instant the server's clock started from, so pages
 * that read Date.now() (the week shown, solve progress) agree with the server. Time then runs
 * at the real pace, so timers, polling and elapsed times behave as usual.
 */
async function startClock(context: BrowserContext) {
  await context.clock.install({ time: new Date(E2E_NOW) });
}

/** Playwright's `test` whose `page` and `context` run on the e2e clock. Specs import it from here. */
export const test = base.extend({
  context: async ({ context }, use) => {
    await startClock(context);
    await use(context);
  },
});

/** A second browser (another person signing in beside the first), on the e2e clock too. */
export async function newPageOnE2EClock(browser: Browser, options: { viewport: { width: number; height: number } }): Promise<Page> {
  const context = await browser.newContext(options);
  await startClock(context);
  return context.newPage();
}

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
