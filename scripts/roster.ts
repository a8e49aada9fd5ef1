/**
 * `npm run -s roster -- problem.json [--time-limit SECONDS] [--progress]`
 *
 * Reads a roster problem (format version 1) from a file, or from stdin when the path is "-",
 * prints the result JSON on stdout. Bad input exits with code 2 and the field-naming message on
 * stderr; a solver failure exits with code 1.
 */
import { readFileSync } from "node:fs";
import { RosterInputError } from "../server/domain/roster/problem";
import { solveRosterInput } from "../server/solver/solve-roster";

function usage(): never {
  process.stderr.write("usage: npm run -s roster -- problem.json [--time-limit SECONDS] [--progress]\n");
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let path: string | undefined;
  let timeLimitSeconds: number | undefined;
  let progress = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--time-limit") {
      timeLimitSeconds = Number(argv[++index]);
      if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) usage();
    } else if (argument === "--progress") progress = true;
    else if (argument === "--help" || argument === "-h") usage();
    else if (path === undefined && argument !== undefined) path = argument;
    else usage();
  }
  if (path === undefined) usage();

  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path === "-" ? 0 : path, "utf8"));
  } catch (error) {
    process.stderr.write(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  try {
    const result = await solveRosterInput(input, {
      ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
      ...(progress
        ? {
            onProgress: (report) =>
              process.stderr.write(
                `${report.phase} ${(report.fraction * 100).toFixed(0)}% ${report.elapsedSeconds.toFixed(1)}s short ${report.shortageAgentMinutes} excess ${report.excessAgentMinutes} bound ${report.lowerBoundExcessAgentMinutes}\n`,
              ),
          }
        : {}),
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (error instanceof RosterInputError) {
      process.stderr.write(`invalid roster problem:\n${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`roster solve failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void main(process.argv.slice(2));
