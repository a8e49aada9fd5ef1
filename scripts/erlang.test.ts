import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const casesPath = path.resolve(root, "server/domain/staffing/reference-cases.json");

interface ReferenceCase {
  id: string;
  inputs: Record<string, number | null>;
  outputs: Record<string, number>;
}

/** Runs `npm run -s erlang` the way check.mjs does, without npm's own start-up noise. */
function runErlang(stdin: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/erlang.ts"], { cwd: root, input: stdin, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run erlang", () => {
  it("matches every reference case within the published tolerances", () => {
    const cases = JSON.parse(readFileSync(casesPath, "utf8")) as ReferenceCase[];
    const { status, stdout, stderr } = runErlang(JSON.stringify(cases.map((c) => c.inputs)));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const outputs = JSON.parse(stdout) as Record<string, number>[];
    expect(outputs).toHaveLength(cases.length);
    cases.forEach((c, i) => {
      const got = outputs[i] ?? {};
      const want = c.outputs;
      const where = `${c.id}`;
      expect(got.agents, where).toBe(want.agents);
      expect(got.agents_with_shrinkage, where).toBe(want.agents_with_shrinkage);
      expect(Math.abs((got.traffic_erlangs ?? NaN) - (want.traffic_erlangs ?? NaN)), where).toBeLessThanOrEqual(1e-9 * Math.max(1, want.traffic_erlangs ?? 0));
      for (const key of ["service_level", "occupancy", "probability_wait"]) {
        expect(Math.abs((got[key] ?? NaN) - (want[key] ?? NaN)), `${where} ${key}`).toBeLessThanOrEqual(1e-6);
      }
      const asa = want.asa_seconds ?? NaN;
      expect(Math.abs((got.asa_seconds ?? NaN) - asa), `${where} asa_seconds`).toBeLessThanOrEqual(Math.max(1e-6 * asa, 1e-12));
    });
  });

  it("prints exactly the contract's keys", () => {
    const { stdout } = runErlang(
      JSON.stringify([{ calls: 100, interval_seconds: 1800, aht_seconds: 180, target_sl: 0.8, target_seconds: 20, max_occupancy: null, target_asa_seconds: null, shrinkage: 0.3 }]),
    );
    const [out] = JSON.parse(stdout) as Record<string, number>[];
    expect(Object.keys(out ?? {}).sort()).toEqual(
      ["agents", "agents_with_shrinkage", "asa_seconds", "occupancy", "probability_wait", "service_level", "traffic_erlangs"].sort(),
    );
    expect(out).toMatchObject({ traffic_erlangs: 10, agents: 14, agents_with_shrinkage: 20 });
  });

  it.each([
    ["a domain rule", [{ calls: 10, interval_seconds: 900, aht_seconds: 180, target_sl: 1, target_seconds: 20 }], /^input\[0\]\.target_sl: /],
    [
      "the second element",
      [
        { calls: 10, interval_seconds: 900, aht_seconds: 180, target_sl: 0.8, target_seconds: 20 },
        { calls: 10, interval_seconds: 900, aht_seconds: "180", target_sl: 0.8, target_seconds: 20 },
      ],
      /^input\[1\]\.aht_seconds: expected a number/,
    ],
    ["a missing field", [{ calls: 10, interval_seconds: 900, aht_seconds: 180, target_sl: 0.8 }], /^input\[0\]\.target_seconds: missing/],
    ["an unknown field", [{ calls: 10, interval_seconds: 900, aht: 180, aht_seconds: 180, target_sl: 0.8, target_seconds: 20 }], /^input\[0\]\.aht: unknown field/],
    ["an ASA target of 0", [{ calls: 10, interval_seconds: 900, aht_seconds: 180, target_sl: 0.8, target_seconds: 20, target_asa_seconds: 0 }], /^input\[0\]\.target_asa_seconds: /],
  ])("rejects %s with the index and field on stderr and exit 1", (_what, inputs, message) => {
    const { status, stdout, stderr } = runErlang(JSON.stringify(inputs));
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("patience_seconds: Erlang A, with probability_abandon; absent or null is Erlang C exactly", () => {
    const base = { calls: 100, interval_seconds: 1800, aht_seconds: 180, target_sl: 0.8, target_seconds: 20 };
    const { status, stdout, stderr } = runErlang(
      JSON.stringify([
        { ...base, patience_seconds: 120 },
        { ...base, patience_seconds: 120, max_abandon_rate: 0.02 },
        { ...base, patience_seconds: null },
        { ...base, patience_seconds: null, max_abandon_rate: 0.02 },
      ]),
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const [a, capped, c, cWithCap] = JSON.parse(stdout) as Record<string, number>[];
    expect(a).toMatchObject({ traffic_erlangs: 10, agents: 12 });
    expect(Object.keys(a ?? {}).sort()).toEqual(
      ["agents", "agents_with_shrinkage", "asa_seconds", "occupancy", "probability_abandon", "probability_wait", "service_level", "traffic_erlangs"].sort(),
    );
    expect(a?.probability_abandon).toBeGreaterThan(0.05);
    expect(a?.service_level).toBeGreaterThanOrEqual(0.8);
    expect(capped?.probability_abandon).toBeLessThanOrEqual(0.02);
    expect(capped?.agents).toBeGreaterThan(12);
    expect(c).toMatchObject({ agents: 14, probability_wait: 0.17413193359504983 });
    expect(c).not.toHaveProperty("probability_abandon");
    expect(cWithCap).toEqual(c);
  });

  it.each([
    [0, /^input\[0\]\.patience_seconds: expected a number of seconds above 0/],
    ["120", /^input\[0\]\.patience_seconds: expected a number/],
  ])("rejects patience_seconds %j naming the field", (patience, message) => {
    const { status, stderr } = runErlang(JSON.stringify([{ calls: 10, interval_seconds: 900, aht_seconds: 180, target_sl: 0.8, target_seconds: 20, patience_seconds: patience }]));
    expect(status).toBe(1);
    expect(stderr).toMatch(message);
  });

  it("rejects input that is not a JSON array", () => {
    expect(runErlang("{not json")).toMatchObject({ status: 1, stdout: "", stderr: expect.stringMatching(/^stdin: not valid JSON/) as unknown });
    expect(runErlang('{"calls": 1}')).toMatchObject({ status: 1, stderr: expect.stringMatching(/^stdin: expected a JSON array/) as unknown });
  });
});
