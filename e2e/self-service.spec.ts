import type { Browser, Page } from "@playwright/test";
import { DEMO_FIRST_NAMES, DEMO_LAST_NAMES, demoAgentEmail } from "../server/seed/demo-accounts";
import { DEMO_PASSWORD, expect, newPageOnE2EClock, signIn, snap, test } from "./fixtures";

/**
 * EMEA Liffey's agents as server/seed/demo.ts names them: the team's i-th agent is the i-th EMEA first
 * name with the last name at (i·7 + 3) mod 19, and agent number 20 + i (Americas' 19 agents come
 * first). Agent 0 is the demo agent, Aoife Murphy (agent@sunshift.demo).
 */
const EMEA_FIRST = DEMO_FIRST_NAMES.EMEA?.slice(0, 11) ?? [];
const EMEA_LAST = DEMO_LAST_NAMES.EMEA ?? [];
const LIFFEY_EMAILS = new Map<string, string>(
  EMEA_FIRST.slice(1).map((first, k) => {
    const i = k + 1;
    const last = EMEA_LAST[(i * 7 + 3) % EMEA_LAST.length] ?? "";
    return [`${first} ${last}`, demoAgentEmail(first, last, 20 + i)] as const;
  }),
);

async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function newPage(browser: Browser) {
  return newPageOnE2EClock(browser, { viewport: { width: 1366, height: 900 } });
}

/** The feed's event starts (UTC, as written: 20261126T080000Z). */
async function feedStarts(page: Page, url: string): Promise<string[]> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  return [...(await response.text()).matchAll(/^DTSTART[^:\r\n]*:(\d{8}T\d{6}Z)\r?$/gm)].map((m) => m[1] ?? "");
}

async function calendarUrl(page: Page): Promise<string> {
  const create = page.getByRole("button", { name: /Create calendar link|Regenerate link/ });
  if ((await page.getByLabel("Calendar feed URL").count()) === 0) await create.click();
  await expect(page.getByLabel("Calendar feed URL")).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return page.getByLabel("Calendar feed URL").inputValue();
}

test("an agent offers (or swaps) a shift, a teammate accepts, the lead approves, and schedules and calendars follow", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // 1. Aoife (agent) sees her published week, her team and her hours, and gets her calendar link.
  await signIn(page, "agent");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My shifts" }).click();
  await expect(page.getByRole("heading", { name: "My shifts" })).toBeVisible();
  await expect(page.getByTestId("hours-summary")).toContainText("contract");
  const aoifeFeed = await calendarUrl(page);
  const aoifeBefore = await feedStarts(page, aoifeFeed);
  expect(aoifeBefore.length).toBeGreaterThan(0);
  await snap(page, "me-agent");

  // 2. Offer a shift that has not started yet to the team, picking one some teammate may take. The
  // demo roster is dense (most full-timers are at their weekly maximum), so when no offer can be
  // taken the journey proposes a direct swap instead: same flow, both shifts change hands.
  let taker: { name: string; email: string } | null = null;
  let kind: "offer" | "swap" = "offer";
  // The demo roster comes from a time-limited solve, so which of this week's shifts can change
  // hands varies from run to run; when none can, next week's published shifts are tried too.
  for (const week of ["This week", "Next week"] as const) {
    if (taker) break;
    if (week === "Next week") {
      await page.getByRole("group", { name: "Week" }).getByRole("button", { name: "Next week" }).click();
      await expect(page.getByRole("group", { name: "Week" }).getByRole("button", { name: "Next week" })).toHaveAttribute("aria-pressed", "true");
      await page.waitForLoadState("networkidle");
    }
    const offerButtons = page.getByRole("button", { name: /^Offer the / });
    const offers = await offerButtons.count();
    if (week === "This week") expect(offers).toBeGreaterThan(0);
    for (let i = 0; i < offers && !taker; i++) {
      await offerButtons.nth(i).click();
      const dialog = page.getByRole("dialog", { name: "Offer this shift" });
      await expect(dialog).toBeVisible();
      const select = dialog.getByLabel("Offer to");
      await expect.poll(async () => select.locator("option").count()).toBeGreaterThan(1);
      const eligible = await select.locator("option:not([disabled])").allTextContents();
      const name = eligible.find((label) => LIFFEY_EMAILS.has(label));
      if (i === 0) await snap(page, "me-offer-dialog");
      if (name) {
        taker = { name, email: LIFFEY_EMAILS.get(name) ?? "" };
        await select.selectOption({ label: eligible.find((label) => label.startsWith("Anyone eligible")) ?? "" });
        await dialog.getByRole("button", { name: "Send offer" }).click();
        await expect(dialog).toBeHidden();
      } else {
        await dialog.getByRole("button", { name: "Close" }).click();
      }
    }
    const swapButtons = page.getByRole("button", { name: /^Swap the / });
    for (let i = 0; i < (await swapButtons.count()) && !taker; i++) {
      await swapButtons.nth(i).click();
      const dialog = page.getByRole("dialog", { name: "Swap this shift" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(/Checking your team/)).toHaveCount(0);
      const radios = dialog.getByRole("radio", { disabled: false });
      for (let k = 0; k < (await radios.count()) && !taker; k++) {
        const label = (await radios.nth(k).locator("xpath=..").innerText()).split(":")[0]?.trim() ?? "";
        if (!LIFFEY_EMAILS.has(label)) continue;
        taker = { name: label, email: LIFFEY_EMAILS.get(label) ?? "" };
        kind = "swap";
        await radios.nth(k).check();
        await snap(page, "me-swap-dialog");
        await dialog.getByRole("button", { name: "Propose swap" }).click();
        await expect(dialog).toBeHidden();
      }
      if (!taker) await dialog.getByRole("button", { name: "Close" }).click();
    }
  }
  expect(taker, "some teammate can take or swap one of Aoife's remaining shifts").not.toBeNull();
  const myRequests = page.getByRole("table", { name: "My requests" });
  await expect(myRequests).toContainText("pending");
  await expect(myRequests).toContainText(kind === "offer" ? "anyone eligible" : taker?.name ?? "");
  await snap(page, "me-request-sent");

  // 3. The teammate is notified, sees the offer and accepts it.
  const teammate = await newPage(browser);
  await signInAs(teammate, taker?.email ?? "");
  await expect(teammate.getByRole("button", { name: /Notifications, \d+ unread/ })).toBeVisible();
  await teammate.getByRole("button", { name: /Notifications/ }).click();
  await expect(teammate.getByRole("region", { name: "Notifications" })).toContainText(kind === "offer" ? "Aoife Murphy offers you their" : "Aoife Murphy asks to swap their");
  await snap(teammate, "notifications-teammate");
  await teammate.getByRole("region", { name: "Notifications" }).getByRole("link").first().click();
  await expect(teammate.getByRole("heading", { name: "My shifts" })).toBeVisible();
  const teammateFeed = await calendarUrl(teammate);
  const teammateBefore = await feedStarts(teammate, teammateFeed);
  const incoming = teammate.getByRole("listitem", { name: /^Request \d+$/ }).filter({ hasText: "Aoife Murphy" });
  await expect(incoming).toContainText(kind === "offer" ? "offers their shift" : "asks to swap their shift");
  await incoming.getByRole("button", { name: "Accept" }).click();
  await expect(teammate.getByRole("status").filter({ hasText: "Accepted. A lead will decide." })).toBeVisible();

  // 4. The lead sees both zones, the checks and the coverage change, and approves.
  const lead = await newPage(browser);
  await signIn(lead, "lead");
  await lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" }).click();
  const card = lead.getByRole("region", { name: /^Request \d+$/ }).filter({ hasText: `Aoife Murphy ${kind === "offer" ? "→" : "⇄"} ${taker?.name ?? ""}` });
  await expect(card).toContainText("Every check passes");
  await expect(card.getByRole("table", { name: "Coverage change" })).toContainText("→");
  await expect(card).toContainText("Europe/Dublin");
  await snap(lead, "approvals-lead");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(lead.getByRole("status").filter({ hasText: /approved/ })).toBeVisible();
  await expect(card).toHaveCount(0);

  // 5. Both schedules and both calendar feeds show the change.
  await page.reload();
  await expect(page.getByRole("table", { name: "My requests" })).toContainText("approved");
  await snap(page, "me-agent-after");
  const aoifeAfter = await feedStarts(page, aoifeFeed);
  expect(aoifeAfter.length).toBe(aoifeBefore.length - (kind === "offer" ? 1 : 0));
  const moved = aoifeBefore.find((start) => !aoifeAfter.includes(start)) ?? "";
  expect(moved).not.toBe("");
  const teammateAfter = await feedStarts(teammate, teammateFeed);
  expect(teammateAfter).toContain(moved);
  expect(teammateAfter.length).toBe(teammateBefore.length + (kind === "offer" ? 1 : 0));
  if (kind === "swap") expect(aoifeAfter.find((start) => !aoifeBefore.includes(start))).toBe(teammateBefore.find((start) => !teammateAfter.includes(start)));
  await teammate.reload();
  await expect(teammate.getByRole("table", { name: "My shifts this week" })).toBeVisible();
  await snap(teammate, "me-teammate-after");

  // 6. Regenerating the link revokes the old one.
  await page.getByRole("button", { name: "Regenerate link" }).click();
  await expect(page.getByLabel("Calendar feed URL")).not.toHaveValue(aoifeFeed);
  expect((await page.request.get(aoifeFeed)).status()).toBe(404);
});

test("an agent cannot open the approvals page", async ({ page }) => {
  await signIn(page, "agent");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" })).toHaveCount(0);
  await page.goto("/approvals");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toBeVisible();
});
