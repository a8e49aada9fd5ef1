/**
 * npm run -s erlang < inputs.json
 *
 * Reads a JSON array of staffing inputs on stdin and prints a JSON array of outputs, same order, on
 * stdout (the contract in server/domain/staffing/reference-cases.md):
 *
 *   in:  {"calls": 100, "interval_seconds": 1800, "aht_seconds": 180, "target_sl": 0.8, "target_seconds": 20,
 *         "max_occupancy": null, "target_asa_seconds": null, "shrinkage": 0.3}
 *   out: {"traffic_erlangs": 10, "agents": 14, "agents_with_shrinkage": 20, "service_level": 0.888…,
 *         "asa_seconds": 7.83…, "occupancy": 0.714…, "probability_wait": 0.174…}
 *
 * `max_occupancy` and `target_asa_seconds` may be null or absent; `shrinkage` absent means 0.
 *
 * Erlang A (callers abandon): add `patience_seconds`, the callers' mean patience (exponential),
 * and optionally `max_abandon_rate`, a cap on the share abandoning. The output then also has
 * `probability_abandon`; `service_level` is the share of ALL arrivals answered within
 * target_seconds (abandoned contacts never count as answered), `asa_seconds` the mean wait of
 * answered contacts and `occupancy` the carried load per agent. `patience_seconds` absent or null
 * is Erlang C exactly as above (and `max_abandon_rate` is then ignored: nobody abandons).
 *
 *   in:  {"calls": 100, "interval_seconds": 1800, "aht_seconds": 180, "target_sl": 0.8, "target_seconds": 20,
 *         "patience_seconds": 120}
 *   out: {"traffic_erlangs": 10, "agents": 12, …, "probability_abandon": 0.0616…}
 *
 * Bad input: a message naming the array index and field on stderr, nothing on stdout, exit 1.
 */
import { readFileSync } from "node:fs";
import { StaffingInputError, requiredAgents, requiredAgentsErlangA } from "../server/domain/staffing/index";
import type { ErlangAStaffingResult, StaffingInput, StaffingResult } from "../server/domain/staffing/index";

const SNAKE_BY_FIELD: Record<string, string> = {
  calls: "calls",
  intervalSeconds: "interval_seconds",
  ahtSeconds: "aht_seconds",
  targetSl: "target_sl",
  targetSeconds: "target_seconds",
  maxOccupancy: "max_occupancy",
  targetAsaSeconds: "target_asa_seconds",
  shrinkage: "shrinkage",
  patienceSeconds: "patience_seconds",
  maxAbandonRate: "max_abandon_rate",
};
const REQUIRED = ["calls", "interval_seconds", "aht_seconds", "target_sl", "target_seconds"] as const;
const NULLABLE = ["max_occupancy", "target_asa_seconds", "patience_seconds", "max_abandon_rate"] as const;
const KNOWN = new Set<string>([...REQUIRED, ...NULLABLE, "shrinkage"]);

class InputError extends Error {}

function show(x: unknown): string {
  return JSON.stringify(x) ?? String(x);
}

/** An input as the engine reads it; `patienceSeconds` null means Erlang C. */
type ScriptInput = StaffingInput & { patienceSeconds: number | null; maxAbandonRate: number | null };

function toStaffingInput(raw: unknown, index: number): ScriptInput {
  const at = (field: string) => `input[${index}].${field}`;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError(`input[${index}]: expected an object, got ${show(raw)}`);
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN.has(key)) throw new InputError(`${at(key)}: unknown field (expected ${[...KNOWN].join(", ")})`);
  }
  const number = (key: string, value: unknown): number => {
    if (typeof value !== "number") throw new InputError(`${at(key)}: expected a number, got ${show(value)}`);
    return value;
  };
  for (const key of REQUIRED) {
    if (!(key in record)) throw new InputError(`${at(key)}: missing`);
  }
  const nullable = (key: (typeof NULLABLE)[number]) => {
    const value = record[key];
    return value === undefined || value === null ? null : number(key, value);
  };
  return {
    calls: number("calls", record.calls),
    intervalSeconds: number("interval_seconds", record.interval_seconds),
    ahtSeconds: number("aht_seconds", record.aht_seconds),
    targetSl: number("target_sl", record.target_sl),
    targetSeconds: number("target_seconds", record.target_seconds),
    maxOccupancy: nullable("max_occupancy"),
    targetAsaSeconds: nullable("target_asa_seconds"),
    shrinkage: record.shrinkage === undefined ? 0 : number("shrinkage", record.shrinkage),
    patienceSeconds: nullable("patience_seconds"),
    maxAbandonRate: nullable("max_abandon_rate"),
  };
}

function toOutput(r: StaffingResult | ErlangAStaffingResult) {
  const out = {
    traffic_erlangs: r.trafficErlangs,
    agents: r.agents,
    agents_with_shrinkage: r.agentsWithShrinkage,
    service_level: r.serviceLevel,
    asa_seconds: r.asaSeconds,
    occupancy: r.occupancy,
    probability_wait: r.probabilityWait,
  };
  return "probabilityAbandon" in r ? { ...out, probability_abandon: r.probabilityAbandon } : out;
}

function staff(input: ScriptInput): StaffingResult | ErlangAStaffingResult {
  const { patienceSeconds, maxAbandonRate, ...erlangC } = input;
  return patienceSeconds === null ? requiredAgents(erlangC) : requiredAgentsErlangA({ ...erlangC, patienceSeconds, maxAbandonRate });
}

function run(stdin: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdin);
  } catch (error) {
    throw new InputError(`stdin: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new InputError(`stdin: expected a JSON array of inputs, got ${parsed === null ? "null" : typeof parsed}`);
  const outputs = parsed.map((raw: unknown, index) => {
    const input = toStaffingInput(raw, index);
    try {
      return toOutput(staff(input));
    } catch (error) {
      if (error instanceof StaffingInputError) {
        throw new InputError(`input[${index}].${SNAKE_BY_FIELD[error.field] ?? error.field}: ${error.reason}`);
      }
      throw error;
    }
  });
  return JSON.stringify(outputs);
}

try {
  process.stdout.write(run(readFileSync(0, "utf8")) + "\n");
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(error.message + "\n");
  process.exitCode = 1;
}
