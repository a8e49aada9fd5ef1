/**
 * `SUNSHIFT_MANAGER_PASSWORD=… npm run -s setup -- --org "NAME" --zone IANA --manager-email EMAIL --manager-name "NAME"`
 *
 * Creates the organisation on the database at DATABASE_PATH (created and migrated when absent):
 * its settings, a "Head office" region in the planning zone, the first manager, the four standard
 * channels and two starter shift templates, in one transaction. The password comes from the
 * environment only, so it never lands in shell history or the process list.
 *
 * Exit codes: 0 created (one-line summary on stdout); 1 bad data (a short password, a database
 * that already has an organisation): nothing written; 2 bad flags or environment, naming it.
 */
import { openDatabase } from "../db/client";
import { getAppClock, getEnv } from "../server/env";
import { AppError } from "../server/errors";
import { createOrganisation } from "../server/services/setup/create-organisation";
import { ZCreateOrganisationInput, type TCreateOrganisationInput } from "../server/services/setup/inputs";

const USAGE =
  'usage: SUNSHIFT_MANAGER_PASSWORD=… npm run -s setup -- --org "NAME" --zone IANA --manager-email EMAIL --manager-name "NAME"';

/** Each flag and the input field it fills. */
const FLAGS = {
  "--org": "organisationName",
  "--zone": "timeZone",
  "--manager-email": "managerEmail",
  "--manager-name": "managerName",
} as const satisfies Record<string, Exclude<keyof TCreateOrganisationInput, "password">>;
type Flag = keyof typeof FLAGS;
const PASSWORD_VARIABLE = "SUNSHIFT_MANAGER_PASSWORD";

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`setup: ${message}\n`);
  if (code === 2) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

function isFlag(name: string): name is Flag {
  return Object.hasOwn(FLAGS, name);
}

/** Reads `--flag value` and `--flag=value` pairs; anything else is a usage error. */
function parseFlags(argv: readonly string[]): Record<Flag, string> {
  const values: Partial<Record<Flag, string>> = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? "";
    if (argument === "--help" || argument === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const [name = "", inline] = argument.startsWith("--") && argument.includes("=") ? [argument.slice(0, argument.indexOf("=")), argument.slice(argument.indexOf("=") + 1)] : [argument, undefined];
    if (/^--(manager-)?password$/.test(name)) fail(2, `${name}: the password is never a flag; set ${PASSWORD_VARIABLE} in the environment`);
    if (!isFlag(name)) fail(2, name.startsWith("-") ? `unknown flag ${name}` : `unexpected argument ${JSON.stringify(name)}`);
    if (values[name] !== undefined) fail(2, `${name} given twice`);
    const value = inline ?? argv[++index];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) fail(2, `${name} needs a value`);
    values[name] = value;
  }
  for (const flag of Object.keys(FLAGS) as Flag[]) if (values[flag] === undefined) fail(2, `${flag} is required`);
  return values as Record<Flag, string>;
}

/** Validates with the page's rules: a bad flag exits 2 naming the flag, a short password exits 1. */
function readInput(flags: Record<Flag, string>, password: string): TCreateOrganisationInput {
  const parsed = ZCreateOrganisationInput.safeParse({
    organisationName: flags["--org"],
    timeZone: flags["--zone"],
    managerEmail: flags["--manager-email"],
    managerName: flags["--manager-name"],
    password,
  });
  if (parsed.success) return parsed.data;
  const flagOf = (field: PropertyKey) => (Object.keys(FLAGS) as Flag[]).find((flag) => FLAGS[flag] === field);
  const flagIssues = parsed.error.issues.filter((issue) => flagOf(issue.path[0] ?? "") !== undefined);
  if (flagIssues.length > 0) {
    fail(2, flagIssues.map((issue) => `${flagOf(issue.path[0] ?? "")} ${JSON.stringify(flags[flagOf(issue.path[0] ?? "") as Flag])}: ${issue.message}`).join("; "));
  }
  const message = parsed.error.issues.map((issue) => issue.message).join("; ");
  fail(1, `${PASSWORD_VARIABLE}: ${message}; refused, nothing written`);
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv);
  let env;
  try {
    env = getEnv();
  } catch (error) {
    fail(2, error instanceof Error ? error.message : String(error));
  }
  // The one environment variable getEnv does not hold: a secret only this command reads.
  const password = process.env[PASSWORD_VARIABLE];
  if (password === undefined || password === "") fail(2, `${PASSWORD_VARIABLE} is not set: put the first manager's password (at least 12 characters) in it`);
  const input = readInput(flags, password);

  const db = openDatabase(env.DATABASE_PATH);
  try {
    const created = await createOrganisation(db, input, getAppClock()(), "command");
    process.stdout.write(
      `Created "${created.organisationName}" (${created.timeZone}) in ${env.DATABASE_PATH}: manager ${created.managerEmail} in region "${created.regionName}", channels ${created.channelKeys.join(", ")}, templates ${created.templateNames.join(", ")}. Start the server and sign in.\n`,
    );
  } catch (error) {
    if (error instanceof AppError) fail(1, error.message);
    fail(1, `set-up failed, nothing written: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.$client.close();
  }
}

void main(process.argv.slice(2));
