import type { Page } from "@playwright/test";
import { expect, newPageOnE2EClock, signIn, snap, test } from "./fixtures";

const REGIONS_CSV = "name,time_zone,earliest_start,latest_end,working_days,cost_per_hour\nOceania,Pacific/Auckland,08:00,20:00,Mon-Fri,23.50\n";
const PEOPLE_HEADER =
  "email,name,role,region,team,skills,templates,max_minutes_per_week,min_minutes_per_week,max_days_per_week,max_consecutive_days,min_rest_minutes,annual_leave_hours";
const peopleCsv = (secondRegion: string) =>
  [PEOPLE_HEADER, "mere.ngata@example.com,Mere Ngata,lead,Oceania,Oceania Waitemata,voice;chat,,,,,,,", `kiri.tane@example.com,Kiri Tane,agent,${secondRegion},Oceania Waitemata,Voice,,1800,,4,,,80`].join(
    "\n",
  ) + "\n";
const KIRI_PASSWORD = "pohutukawa-summer-26";

async function upload(page: Page, label: string, name: string, csv: string) {
  await page.getByLabel(label).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
}

test("the manager imports regions and people (a bad row refused first), sends a set-password link, and deactivates a leaver", async ({ page, browser }) => {
  await signIn(page, "manager");

  // Regions.
  await page.goto("/org/regions");
  const regionsImport = page.getByRole("region", { name: "Import regions" });
  await expect(regionsImport.getByRole("link", { name: "Download the sample regions CSV" })).toHaveAttribute("href", "/samples/regions-sample.csv");
  await upload(page, "Regions CSV file", "oceania.csv", REGIONS_CSV);
  await expect(regionsImport.getByRole("status")).toHaveText(/Imported 1 region: 1 new, 0 updated/);
  const oceania = page.getByRole("region", { name: "All regions" }).getByRole("row", { name: /Oceania/ });
  await expect(oceania.getByRole("cell", { name: "Pacific/Auckland" })).toBeVisible();
  await expect(oceania.getByRole("cell", { name: "23.50 USD" })).toBeVisible();
  await snap(page, "people-import-regions");

  // People: one bad row refuses the whole file, naming row and column.
  await page.goto("/org/people");
  const peopleImport = page.getByRole("region", { name: "Import people" });
  await upload(page, "People CSV file", "people-bad.csv", peopleCsv("Atlantis"));
  const refusal = peopleImport.getByRole("alert");
  await expect(refusal).toContainText("Nothing was imported from people-bad.csv.");
  await expect(refusal).toContainText('Row 3, column "region": no region named "Atlantis"');
  await snap(page, "people-import-refused");
  await page.reload();
  const everyone = page.getByRole("region", { name: "Everyone" });
  await expect(everyone.getByRole("row", { name: /Aoife Murphy/ })).toBeVisible();
  await expect(everyone.getByRole("row", { name: /Mere Ngata|Kiri Tane/ })).toHaveCount(0);

  // The fixed file.
  await upload(page, "People CSV file", "people.csv", peopleCsv("oceania"));
  await expect(peopleImport.getByRole("status")).toHaveText(/Imported 2 people: 2 new, 0 updated; 1 team created/);
  const kiriRow = everyone.getByRole("row", { name: /Kiri Tane/ });
  await expect(kiriRow.getByRole("cell", { name: "Oceania Waitemata" })).toBeVisible();
  await expect(kiriRow.getByRole("cell", { name: "0 h–30 h" })).toBeVisible();
  await snap(page, "people-imported");

  // A set-password link for Kiri, who has no password yet.
  await page.getByRole("button", { name: "Password link for Kiri Tane" }).click();
  const linkPanel = page.getByRole("region", { name: "Set-password link for Kiri Tane" });
  await linkPanel.getByRole("button", { name: "Create link" }).click();
  const linkBox = linkPanel.getByLabel("Link for Kiri Tane");
  await expect(linkBox).toHaveValue(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  const link = await linkBox.inputValue();
  await snap(page, "people-password-link");

  const kiri = await newPageOnE2EClock(browser, { viewport: { width: 1366, height: 900 } });
  await kiri.goto(link);
  await expect(kiri.getByText("For Kiri Tane (kiri.tane@example.com)")).toBeVisible();
  await kiri.getByLabel("New password", { exact: true }).fill(KIRI_PASSWORD);
  await kiri.getByLabel("Confirm new password").fill(KIRI_PASSWORD);
  await kiri.getByRole("button", { name: "Set password" }).click();
  await expect(kiri.getByRole("status")).toHaveText(/Your password is set, Kiri Tane/);
  await snap(kiri, "people-set-password");
  await kiri.getByRole("link", { name: "Go to sign-in" }).click();
  await kiri.getByLabel("Email").fill("kiri.tane@example.com");
  await kiri.getByLabel("Password").fill(KIRI_PASSWORD);
  await kiri.getByRole("button", { name: "Sign in" }).click();
  await expect(kiri.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The link was used up.
  await kiri.goto(link);
  await expect(kiri.getByRole("alert").filter({ hasText: "This set-password link is not valid" })).toBeVisible();

  // Kiri leaves: the manager deactivates her after a confirmation.
  await page.getByRole("button", { name: "Deactivate Kiri Tane" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Deactivate Kiri Tane?" });
  await expect(confirm).toContainText("cannot sign in");
  await snap(page, "people-deactivate-confirm");
  await confirm.getByRole("button", { name: "Yes, deactivate Kiri Tane" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kiri Tane deactivated" })).toBeVisible();
  await expect(everyone.getByRole("row", { name: /Kiri Tane/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Deactivated" }).getByRole("row", { name: /Kiri Tane/ })).toBeVisible();
  await snap(page, "people-deactivated");

  // Her open session stops at once, and she cannot sign in again.
  await kiri.goto("/");
  await expect(kiri).toHaveURL(/\/sign-in/);
  await kiri.getByLabel("Email").fill("kiri.tane@example.com");
  await kiri.getByLabel("Password").fill(KIRI_PASSWORD);
  await kiri.getByRole("button", { name: "Sign in" }).click();
  await expect(kiri.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await snap(kiri, "people-deactivated-sign-in");
});

test("a person changes their own password on My account", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill("not the password");
  await form.getByLabel("New password", { exact: true }).fill("short");
  await form.getByLabel("Confirm new password").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("New password", { exact: true })).toHaveAccessibleDescription("At least 12 characters");
  await snap(page, "account-password-refused");
});
