#!/usr/bin/env node
// Checks an Erlang C staffing command against reference cases (no dependencies).
//
// A copy of the checker that ships with the Erlang C reference cases (the cases are copied
// beside the engine, server/domain/staffing/reference-cases.json; their definitions are in
// server/domain/staffing/reference-cases.md). Kept in the repository so `npm run test:erlang`
// needs nothing outside it. Only these comments and the usage line differ from the original.
//
//   npm run -s test:erlang
//   node scripts/check-erlang.mjs --ref server/domain/staffing/reference-cases.json --cmd "npm run -s erlang"
//   node scripts/check-erlang.mjs --ref server/domain/staffing/reference-cases.json --exclude-tag fractional_calls -- npx tsx scripts/erlang.ts
//
// The implementation reads a JSON array of inputs on stdin and prints a JSON array of
// outputs (same order) on stdout.  Tolerances: agents and agents_with_shrinkage exact;
// traffic_erlangs 1e-9 relative; service_level, occupancy, probability_wait 1e-6 absolute;
// asa_seconds 1e-6 relative (or 1e-12 absolute).  Exit 0 all pass, 1 failures, 2 errors.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const INPUT_KEYS = ["calls", "interval_seconds", "aht_seconds", "target_sl", "target_seconds",
  "max_occupancy", "target_asa_seconds", "shrinkage"];
const ABS_TOL = { service_level: 1e-6, occupancy: 1e-6, probability_wait: 1e-6 };
const REL_TOL_ASA = 1e-6, ASA_ABS_FLOOR = 1e-12, TRAFFIC_REL = 1e-9;

function usage(msg) {
  console.error(msg + "\nusage: node scripts/check-erlang.mjs --ref FILE [--exclude-tag T] [--only-tag T] [--timeout S] [--verbose] (--cmd STRING | -- argv...)");
  process.exit(2);
}

const args = process.argv.slice(2);
let ref = null, cmd = null, timeout = 300, verbose = false, argv = [];
const exclude = [], only = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--") { argv = args.slice(i + 1); break; }
  else if (a === "--ref") ref = args[++i];
  else if (a === "--cmd") cmd = args[++i];
  else if (a === "--exclude-tag") exclude.push(args[++i]);
  else if (a === "--only-tag") only.push(args[++i]);
  else if (a === "--timeout") timeout = Number(args[++i]);
  else if (a === "--verbose") verbose = true;
  else usage(`unknown argument ${a}`);
}
if (!ref) usage("--ref is required");
if (!!cmd === (argv.length > 0)) usage("give the implementation either as --cmd STRING or after --");

const isNum = (x) => typeof x === "number" && Number.isFinite(x);

function compare(exp, got) {
  const fails = [];
  if (got === null || typeof got !== "object" || Array.isArray(got)) return [["<output>", "object", got, "not a JSON object"]];
  for (const k of ["agents", "agents_with_shrinkage"]) {
    const g = got[k];
    if (!isNum(g) || !Number.isInteger(g) || g !== exp[k]) fails.push([k, exp[k], g, "integer mismatch"]);
  }
  {
    const g = got.traffic_erlangs, e = exp.traffic_erlangs;
    if (!isNum(g) || Math.abs(g - e) > TRAFFIC_REL * Math.max(1, Math.abs(e))) fails.push(["traffic_erlangs", e, g, `rel tol ${TRAFFIC_REL}`]);
  }
  for (const [k, tol] of Object.entries(ABS_TOL)) {
    const g = got[k], e = exp[k];
    if (!isNum(g) || Math.abs(g - e) > tol) fails.push([k, e, g, `abs tol ${tol}`]);
  }
  {
    const g = got.asa_seconds, e = exp.asa_seconds;
    if (!isNum(g) || (Math.abs(g - e) > REL_TOL_ASA * Math.abs(e) && Math.abs(g - e) > ASA_ABS_FLOOR)) fails.push(["asa_seconds", e, g, `rel tol ${REL_TOL_ASA}`]);
  }
  return fails;
}

const cases = JSON.parse(readFileSync(ref, "utf8")).filter((c) => {
  const tags = new Set(c.tags || []);
  if (only.length && !only.some((t) => tags.has(t))) return false;
  return !exclude.some((t) => tags.has(t));
});
if (!cases.length) { console.error("no cases selected"); process.exit(2); }

const payload = JSON.stringify(cases.map((c) => Object.fromEntries(INPUT_KEYS.map((k) => [k, c.inputs[k]]))));
const r = cmd
  ? spawnSync(cmd, { input: payload, shell: true, encoding: "utf8", timeout: timeout * 1000, maxBuffer: 1 << 28 })
  : spawnSync(argv[0], argv.slice(1), { input: payload, encoding: "utf8", timeout: timeout * 1000, maxBuffer: 1 << 28 });
if (r.error) { console.error(`could not run implementation: ${r.error.message}`); process.exit(2); }
if (r.status !== 0) { console.error(`implementation exited with status ${r.status}`); console.error((r.stderr || "").slice(-4000)); process.exit(2); }
let outs;
try { outs = JSON.parse(r.stdout); } catch (e) { console.error(`implementation output is not JSON: ${e.message}`); console.error(r.stdout.slice(0, 2000)); process.exit(2); }
if (!Array.isArray(outs) || outs.length !== cases.length) {
  console.error(`expected a JSON array of ${cases.length} outputs, got ${Array.isArray(outs) ? "array of length " + outs.length : typeof outs}`);
  process.exit(2);
}

let passed = 0, failed = 0;
const byField = {};
cases.forEach((c, i) => {
  const fails = compare(c.outputs, outs[i]);
  if (fails.length) {
    failed++;
    const agentsWrong = fails.some((f) => f[0] === "agents");
    console.log(`FAIL ${c.id}  tags=${(c.tags || []).join(",")}`);
    console.log(`     inputs=${JSON.stringify(c.inputs)}`);
    for (const [field, e, g, why] of fails) {
      const note = agentsWrong && field !== "agents" && field !== "traffic_erlangs" ? " (follows from agents)" : "";
      console.log(`     ${field}: expected ${JSON.stringify(e)}, got ${JSON.stringify(g)}  [${why}]${note}`);
      byField[field] = (byField[field] || 0) + 1;
    }
  } else {
    passed++;
    if (verbose) console.log(`ok   ${c.id}`);
  }
});
const bf = Object.keys(byField).sort().map((k) => `${k}=${byField[k]}`);
if (bf.length) console.log("failures by field: " + bf.join(", "));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
