/**
 * `npm run -s import -- KIND FILE.csv`, KIND one of the keys of IMPORTERS (people, regions).
 *
 * Imports a CSV file into the database at DATABASE_PATH (created and migrated when absent) with
 * the same parser and use case as the pages, in one transaction: the whole file is checked first
 * and a bad row refuses all of it.
 *
 * Exit codes: 0 imported (a one-line summary on stdout, e.g. "Imported 150 people: 148 new,
 * 2 updated; 3 teams created"); 1 bad data (each bad row named by row and column on stderr),
 * nothing written; 2 bad arguments (unknown kind, missing file, extra arguments) or environment.
 */
import { readFileSync } from "node:fs";
import { openDatabase } from "../db/client";
import { getAppClock, getEnv } from "../server/env";
import { AppError } from "../server/errors";
import type { Store } from "../server/repositories/unit-of-work";
import type { ImportSummary } from "../server/services/org/import-inputs";
import { importPeopleCsv } from "../server/services/org/import-people";
import { importRegionsCsv } from "../server/services/org/import-regions";

/** One kind of file: the use case the page calls too, run with no signed-in actor (audited as the command line). */
type Importer = (db: Store, csv: string, now: Date) => ImportSummary;

/** Each kind the command imports. A new kind is one more row here. */
const IMPORTERS = {
  people: (db, csv, now) => importPeopleCsv(db, null, { csv }, now),
  regions: (db, csv, now) => importRegionsCsv(db, null, { csv }, now),
} satisfies Record<string, Importer>;
type Kind = keyof typeof IMPORTERS;

const KINDS = Object.keys(IMPORTERS) as Kind[];
const USAGE = `usage: npm run -s import -- ${KINDS.join("|")} FILE.csv`;

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`import: ${message}\n`);
  if (code === 2) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

function isKind(name: string): name is Kind {
  return Object.hasOwn(IMPORTERS, name);
}

/** The kind and the file's text; anything else is a usage error (exit 2). */
function parseArguments(argv: readonly string[]): { kind: Kind; path: string; csv: string } {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const [kind, path, ...extra] = argv;
  if (kind === undefined) fail(2, "which kind of file? expected one of " + KINDS.join(", "));
  if (!isKind(kind)) fail(2, `unknown kind ${JSON.stringify(kind)} (expected one of ${KINDS.join(", ")})`);
  if (path === undefined) fail(2, `${kind}: the CSV file to import is missing`);
  if (extra.length > 0) fail(2, `unexpected argument ${JSON.stringify(extra[0])}: give one kind and one file`);
  try {
    return { kind, path, csv: readFileSync(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(2, code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read it (${code ?? String(error)})`);
  }
}

function main(argv: readonly string[]): void {
  const { kind, path, csv } = parseArguments(argv);
  let env;
  try {
    env = getEnv();
  } catch (error) {
    fail(2, error instanceof Error ? error.message : String(error));
  }
  const db = openDatabase(env.DATABASE_PATH);
  try {
    const result = IMPORTERS[kind](db, csv, getAppClock()());
    process.stdout.write(`${result.summary}\n`);
  } catch (error) {
    if (error instanceof AppError) fail(1, `${path}: nothing was imported.\n${error.message}`);
    fail(1, `${path}: nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.$client.close();
  }
}

main(process.argv.slice(2));
