import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkRoster } from "../server/domain/roster/check-roster";
import { parseRosterProblem } from "../server/domain/roster/problem";
import type { RosterResult } from "../server/domain/roster/result";
import { problemOf } from "../server/domain/roster/test-fixtures";

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const script = join(process.cwd(), "scripts", "roster.ts");

function writeProblem(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "roster-")), "problem.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

async function roster(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, script, path], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run roster", () => {
  it("prints a valid result for a problem file", async () => {
    const input = problemOf();
    const { code, stdout } = await roster(writeProblem(input));
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as RosterResult;
    expect(result.version).toBe(1);
    expect(checkRoster(parseRosterProblem(input), result)).toEqual([]);
  });

  it("solves the bundled single-region example", async () => {
    const { code, stdout } = await roster(join(process.cwd(), "examples", "roster", "single-region.json"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ version: 1, metrics: { shortageAgentMinutes: 0 } });
  });

  it("ships example problems that all read cleanly", () => {
    const folder = join(process.cwd(), "examples", "roster");
    const names = readdirSync(folder).filter((name) => name.endsWith(".json"));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(() => parseRosterProblem(JSON.parse(readFileSync(join(folder, name), "utf8")))).not.toThrow();
  });

  it("exits non-zero with the field named on stderr for bad input", async () => {
    const input = problemOf();
    input.regions[0] = { id: "emea", timeZone: "Mars/Base", earliestStart: "07:00", latestEnd: "23:00" };
    const { code, stdout, stderr } = await roster(writeProblem(input));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('regions[0].timeZone: "Mars/Base" is not an IANA time zone');
  });

  it("exits non-zero for a file that is not JSON", async () => {
    const { code, stderr } = await roster(writeProblem("{ nope"));
    expect(code).toBe(2);
    expect(stderr).toContain("cannot read");
  });
});
