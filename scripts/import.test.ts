import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { auditLog, people, regions, teams } from "../db/schema";
import { insertSettings, insertStandardChannels, insertTemplate } from "../server/testing/factories";

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const script = join(process.cwd(), "scripts", "import.ts");

const REGIONS = "name,time_zone,earliest_start,latest_end,working_days,cost_per_hour\nEMEA,Europe/Dublin,07:00,23:00,Mon-Fri,18.50\nAPAC,Asia/Manila,06:00,22:00,,9\n";
const PEOPLE_HEADER = "email,name,role,region,team,skills,templates,max_minutes_per_week,min_minutes_per_week,max_days_per_week,max_consecutive_days,min_rest_minutes,annual_leave_hours";
const peopleFile = (lastRegion: string) =>
  [
    PEOPLE_HEADER,
    "grace@example.test,Grace Hopper,lead,EMEA,Shannon,voice;chat,,,,,,,",
    "ada@example.test,Ada Lovelace,agent,EMEA,Shannon,voice,Day 8h,2100,,,,,",
    `alan@example.test,Alan Turing,agent,${lastRegion},Manila,chat,,,,,,,`,
  ].join("\n") + "\n";

/** A database with settings, channels and one template, as after set-up; and a folder for the files. */
function prepare() {
  const dir = mkdtempSync(join(tmpdir(), "import-"));
  const path = join(dir, "sunshift.db");
  const db = openDatabase(path);
  insertSettings(db);
  insertStandardChannels(db);
  insertTemplate(db, { name: "Day 8h", minutes: 480 });
  db.$client.close();
  const file = (name: string, text: string) => {
    const filePath = join(dir, name);
    writeFileSync(filePath, text);
    return filePath;
  };
  return { path, file };
}

async function importCommand(args: string[], databasePath: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, script, ...args], { timeout: 60_000, env: { ...process.env, DATABASE_PATH: databasePath } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

function tables(path: string) {
  const db = openDatabase(path);
  try {
    return { people: db.select().from(people).all(), teams: db.select().from(teams).all(), regions: db.select().from(regions).all(), audit: db.select().from(auditLog).all() };
  } finally {
    db.$client.close();
  }
}

describe("npm run import", () => {
  it("imports regions, refuses a people file with a bad row changing nothing, then imports the fixed file", async () => {
    const { path, file } = prepare();
    const regionsRun = await importCommand(["regions", file("regions.csv", REGIONS)], path);
    expect(regionsRun).toEqual({ code: 0, stdout: "Imported 2 regions: 2 new, 0 updated\n", stderr: "" });

    const before = tables(path);
    const bad = await importCommand(["people", file("bad.csv", peopleFile("Antarctica"))], path);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain('Row 4, column "region": no region named "Antarctica" (known: EMEA, APAC)');
    expect(bad.stderr).toContain("nothing was imported");
    expect(tables(path)).toEqual(before);

    const good = await importCommand(["people", file("good.csv", peopleFile("apac"))], path);
    expect(good).toEqual({ code: 0, stdout: "Imported 3 people: 3 new, 0 updated; 2 teams created\n", stderr: "" });
    const after = tables(path);
    expect(after.people.map((p) => p.email).sort()).toEqual(["ada@example.test", "alan@example.test", "grace@example.test"]);
    const grace = after.people.find((p) => p.email === "grace@example.test");
    expect(after.teams.find((t) => t.name === "Shannon")?.leadId).toBe(grace?.id);
    // The command line has no signed-in actor: its entries name nobody.
    expect(after.audit.find((a) => a.action === "people.import")?.actorId).toBeNull();

    const again = await importCommand(["people", file("good.csv", peopleFile("apac"))], path);
    expect(again.stdout).toBe("Imported 3 people: 0 new, 3 updated\n");
  }, 120_000);

  it.each([
    [["rota", "x.csv"], 'unknown kind "rota" (expected one of people, regions)'],
    [["people"], "people: the CSV file to import is missing"],
    [["people", "/nowhere/people.csv"], "/nowhere/people.csv: no such file"],
    [["regions", "a.csv", "b.csv"], 'unexpected argument "b.csv"'],
    [[], "which kind of file?"],
  ])("exits 2 for %j, naming the problem and the usage", async (args, message) => {
    const { path } = prepare();
    const result = await importCommand(args, path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("usage: npm run -s import -- people|regions FILE.csv");
  }, 60_000);
});
