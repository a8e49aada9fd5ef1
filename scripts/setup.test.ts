import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { auditLog, channels, orgSettings, people, regions, shiftTemplates } from "../db/schema";
import { verifyPassword } from "../server/auth/password";

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const script = join(process.cwd(), "scripts", "setup.ts");
const PASSWORD = "harbour-lights-2026";
const FLAGS = ["--org", "Harbour Support", "--zone", "Europe/Lisbon", "--manager-email", "Rita@Harbour.example", "--manager-name", "Rita Sousa"];

function tempDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), "setup-")), "nested", "sunshift.db");
}

async function setup(args: string[], env: { DATABASE_PATH: string; SUNSHIFT_MANAGER_PASSWORD?: string }) {
  const { SUNSHIFT_MANAGER_PASSWORD: _inherited, ...parent } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, script, ...args], { timeout: 60_000, env: { ...parent, NODE_ENV: "production", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** Every table the set-up writes, read back. */
function tables(path: string) {
  const db = openDatabase(path);
  try {
    return {
      settings: db.select().from(orgSettings).all(),
      regions: db.select().from(regions).all(),
      people: db.select().from(people).all(),
      channels: db.select().from(channels).all(),
      templates: db.select().from(shiftTemplates).all(),
      audit: db.select().from(auditLog).all(),
    };
  } finally {
    db.$client.close();
  }
}

describe("npm run setup", () => {
  it("creates and migrates an absent database, writes the organisation, and refuses a second run changing nothing", async () => {
    const path = tempDatabasePath();
    const first = await setup(FLAGS, { DATABASE_PATH: path, SUNSHIFT_MANAGER_PASSWORD: PASSWORD });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);
    expect(first.stdout).toContain('Created "Harbour Support" (Europe/Lisbon)');

    const created = tables(path);
    expect(created.settings).toEqual([expect.objectContaining({ name: "Harbour Support", timeZone: "Europe/Lisbon", intervalMinutes: 30, weekStart: 1, currency: "USD" })]);
    expect(created.people).toHaveLength(1);
    const manager = created.people[0];
    expect(manager).toMatchObject({ role: "manager", name: "Rita Sousa", email: "rita@harbour.example", active: true });
    expect(await verifyPassword(manager?.passwordHash ?? "", PASSWORD)).toBe(true);
    expect(created.regions).toEqual([expect.objectContaining({ id: manager?.regionId, name: "Head office", timeZone: "Europe/Lisbon" })]);
    expect(created.channels.map((c) => [c.key, c.kind])).toEqual([
      ["voice", "voice"],
      ["chat", "chat"],
      ["email", "email"],
      ["social", "social"],
    ]);
    expect(created.templates.map((t) => [t.name, t.minutes])).toEqual([
      ["Day 8.5h", 510],
      ["Short 6h", 360],
    ]);

    const second = await setup(["--org", "Another Co", "--zone", "UTC", "--manager-email", "x@another.example", "--manager-name", "Xan"], {
      DATABASE_PATH: path,
      SUNSHIFT_MANAGER_PASSWORD: "another-long-password",
    });
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    expect(second.stderr).toContain('already has the organisation "Harbour Support"');
    expect(tables(path)).toEqual(created);
  }, 60_000);

  it("refuses a short password (exit 1) and a missing one (exit 2), creating no database", async () => {
    const path = tempDatabasePath();
    const short = await setup(FLAGS, { DATABASE_PATH: path, SUNSHIFT_MANAGER_PASSWORD: "short-pw" });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("SUNSHIFT_MANAGER_PASSWORD: At least 12 characters");
    const missing = await setup(FLAGS, { DATABASE_PATH: path });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("SUNSHIFT_MANAGER_PASSWORD is not set");
    expect(existsSync(path)).toBe(false);
  }, 60_000);

  it.each([
    { args: [...FLAGS, "--colour", "red"], names: "unknown flag --colour" },
    { args: [...FLAGS, "--password", PASSWORD], names: "--password: the password is never a flag" },
    { args: FLAGS.slice(2), names: "--org is required" },
    { args: FLAGS.map((a) => (a === "Europe/Lisbon" ? "Europe/Atlantis" : a)), names: '--zone "Europe/Atlantis": Not an IANA time zone' },
    { args: FLAGS.map((a) => (a === "Rita@Harbour.example" ? "rita-at-harbour" : a)), names: '--manager-email "rita-at-harbour": Enter a valid email' },
    { args: [...FLAGS.slice(0, -1)], names: "--manager-name needs a value" },
  ])("exits 2 naming the flag: $names", async ({ args, names }) => {
    const path = tempDatabasePath();
    const result = await setup(args, { DATABASE_PATH: path, SUNSHIFT_MANAGER_PASSWORD: PASSWORD });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(names);
    expect(result.stdout).toBe("");
    expect(existsSync(path)).toBe(false);
  }, 60_000);
});
