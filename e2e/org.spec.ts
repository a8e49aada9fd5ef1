import { ACCOUNTS, expect, signIn, snap, test } from "./fixtures";

test("the manager sees a bad time zone refused next to its field, then creates LATAM", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/org/regions");
  await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();
  const table = page.getByRole("region", { name: "All regions" });
  await expect(table.getByRole("cell", { name: "Asia/Manila" })).toBeVisible();

  await page.getByRole("button", { name: "New region" }).click();
  const form = page.getByRole("region", { name: "New region" });
  await form.getByLabel("Name").fill("LATAM");
  await form.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await form.getByLabel("Working window starts").fill("08:00");
  await form.getByLabel("Working window ends").fill("20:00");
  await form.getByLabel("Sat").check();
  await form.getByLabel("Hourly staff cost").fill("16.50");
  await form.getByRole("button", { name: "Create region" }).click();

  const zone = form.getByLabel("Time zone");
  await expect(zone).toHaveAttribute("aria-invalid", "true");
  await expect(zone).toHaveAccessibleDescription(/Not an IANA time zone/);
  await expect(form.getByText("Not an IANA time zone (e.g. Europe/Dublin)")).toBeVisible();
  await expect(form.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  await snap(page, "org-regions-error");

  // Nothing was created: a fresh load of the table has no LATAM.
  await page.reload();
  await expect(table.getByRole("cell", { name: "Asia/Manila" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "LATAM", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "New region" }).click();
  await form.getByLabel("Name").fill("LATAM");
  await form.getByLabel("Time zone").fill("America/Sao_Paulo");
  await form.getByLabel("Working window starts").fill("08:00");
  await form.getByLabel("Working window ends").fill("20:00");
  await form.getByLabel("Sat").check();
  await form.getByLabel("Hourly staff cost").fill("16.50");
  await form.getByRole("button", { name: "Create region" }).click();

  await expect(page.getByRole("status")).toHaveText(/Region "LATAM" saved/);
  await expect(form).toHaveCount(0);
  const row = table.getByRole("row", { name: /LATAM/ });
  await expect(row.getByRole("cell", { name: "America/Sao_Paulo" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "08:00–20:00" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Mon Tue Wed Thu Fri Sat" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "16.50 USD" })).toBeVisible();
  await snap(page, "org-regions");

  // Editing keeps the saved values in the form.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("region", { name: "Edit region: LATAM" });
  await expect(edit.getByLabel("Time zone")).toHaveValue("America/Sao_Paulo");
  await expect(edit.getByLabel("Sun")).not.toBeChecked();
  await expect(edit.getByLabel("Sat")).toBeChecked();
});

test("the manager edits a person's contract and sees hours refused when min exceeds max", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/org/people");
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  const table = page.getByRole("region", { name: "Everyone" });
  const row = table.getByRole("row", { name: /Aoife Murphy/ });
  await expect(row.getByRole("cell", { name: "30 h–40 h" })).toBeVisible();

  await row.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("region", { name: "Edit person: Aoife Murphy" });
  await expect(form.getByRole("textbox", { name: "Email" })).toHaveValue(ACCOUNTS.agent);
  await expect(form.getByLabel("Max hours per week")).toHaveValue("40");
  // The skill boxes match the table's skills cell (column 5).
  const skills = ((await row.getByRole("cell").nth(4).textContent()) ?? "").split(", ");
  await expect(form.getByRole("group", { name: /Skills/ }).getByRole("checkbox", { checked: true })).toHaveCount(skills.length);
  await expect(form.getByLabel("Own time zone")).toHaveValue("");

  await form.getByLabel("Max hours per week").fill("25");
  await form.getByRole("button", { name: "Save person" }).click();
  const minHours = form.getByLabel("Min hours per week");
  await expect(minHours).toHaveAttribute("aria-invalid", "true");
  await expect(minHours).toHaveAccessibleDescription("Minimum hours cannot exceed maximum hours");
  await snap(page, "org-people-error");

  await form.getByLabel("Max hours per week").fill("37.5");
  await snap(page, "org-people-form");
  await form.getByRole("button", { name: "Save person" }).click();
  await expect(page.getByRole("status")).toHaveText(/Aoife Murphy saved/);
  await expect(row.getByRole("cell", { name: "30 h–37 h 30 min" })).toBeVisible();
  await snap(page, "org-people");

  // The agent's own profile shows the new contract.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "agent");
  await expect(page.getByRole("region", { name: "Profile and contract" }).getByText("30 h to 37 h 30 min")).toBeVisible();
});

test("the manager creates a shift template with a break", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/org/templates");
  await expect(page.getByRole("heading", { level: 1, name: "Shift templates" })).toBeVisible();
  await page.getByRole("button", { name: "New shift template" }).click();
  const form = page.getByRole("region", { name: "New shift template" });
  await form.getByLabel("Name").fill("Evening 7h");
  await form.getByLabel("Shift length (minutes)").fill("420");
  await form.getByLabel("Start step (minutes, optional)").fill("30");
  await form.getByRole("button", { name: "Add break" }).click();
  await form.getByRole("button", { name: "Add break" }).click();
  await form.getByRole("button", { name: "Remove break 2" }).click();
  await expect(form.getByRole("group", { name: "Break 2" })).toHaveCount(0);

  const firstBreak = form.getByRole("group", { name: "Break 1" });
  await firstBreak.getByLabel("Break length (minutes)").fill("30");
  await firstBreak.getByLabel("Earliest start").fill("180");
  // A break that would end after the shift is refused, next to the breaks.
  await firstBreak.getByLabel("Latest start").fill("400");
  await form.getByRole("button", { name: "Create shift template" }).click();
  await expect(form.getByRole("group", { name: "Breaks" })).toHaveAccessibleDescription(/Break 1 would end after the shift/);
  await firstBreak.getByLabel("Latest start").fill("270");
  await snap(page, "org-templates-form");
  await form.getByRole("button", { name: "Create shift template" }).click();

  await expect(page.getByRole("status")).toHaveText(/Shift template "Evening 7h" saved/);
  const row = page.getByRole("region", { name: "All shift templates" }).getByRole("row", { name: /Evening 7h/ });
  await expect(row.getByRole("cell", { name: "7 h", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "30 min", exact: true })).toBeVisible();
  await expect(row.getByText("30 min, starting 3 h–4 h 30 min in")).toBeVisible();
  await snap(page, "org-templates");
});

test("the manager creates a team and sees the 8–15 span flag", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/org/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  const table = page.getByRole("region", { name: "All teams" });
  await expect(table.getByRole("row", { name: /EMEA Liffey/ }).getByText("Within 8–15")).toBeVisible();

  await page.getByRole("button", { name: "New team" }).click();
  const form = page.getByRole("region", { name: "New team" });
  await form.getByLabel("Name").fill("EMEA Liffey");
  await form.getByLabel("Region").selectOption({ label: "EMEA" });
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription("A team with this name exists");

  await form.getByLabel("Name").fill("EMEA Shannon");
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("status")).toHaveText(/Team "EMEA Shannon" saved/);
  const row = table.getByRole("row", { name: /EMEA Shannon/ });
  await expect(row.getByRole("cell", { name: "0", exact: true })).toBeVisible();
  await expect(row.getByText("No lead")).toBeVisible();
  await snap(page, "org-teams");
});

test("a lead opening the manager's organisation pages is refused", async ({ page }) => {
  await signIn(page, "lead");
  for (const path of ["/org/people", "/org/regions", "/org/teams", "/org/templates"]) {
    await page.goto(path);
    // Next's route announcer is an empty alert too, so pick ours by its text.
    await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^(new|edit|save|create)/i })).toHaveCount(0);
  }
  await page.goto("/org/people");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await snap(page, "org-people-lead-refused");
});
