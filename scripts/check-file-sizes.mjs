#!/usr/bin/env node
// `npm run lint:deps` (second half): no production file over 500 lines. A file that long
// does several jobs; split it by use case or by view model and components.
// Tests, test support (server/testing/, test-fixtures.ts) and migrations are not production.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MAX_LINES = 500;
const ROOTS = ["app", "server", "db", "scripts"];
const SKIP_DIRS = new Set(["node_modules", "migrations", ".next"]);
const NOT_PRODUCTION = [/\.(test|spec)\.tsx?$/, /(^|\/)test-fixtures\.tsx?$/, /^server\/testing\//];

/** Every .ts/.tsx file below `dir`, as a repository-relative path with forward slashes. */
function listSourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : listSourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Lines as an editor numbers them: a trailing newline does not start another line. */
function countLines(text) {
  if (text.length === 0) return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

const tooLong = ROOTS.flatMap(listSourceFiles)
  .filter((path) => !NOT_PRODUCTION.some((pattern) => pattern.test(path)))
  .map((path) => ({ path, lines: countLines(readFileSync(join(process.cwd(), path), "utf8")) }))
  .filter(({ lines }) => lines > MAX_LINES)
  .sort((a, b) => b.lines - a.lines);

if (tooLong.length > 0) {
  console.error(`Production files over ${MAX_LINES} lines (split them by use case, or view model and components):`);
  for (const { path, lines } of tooLong) console.error(`  ${path}: ${lines} lines`);
  process.exit(1);
}
console.log(`No production file over ${MAX_LINES} lines.`);
