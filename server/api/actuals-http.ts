/**
 * `POST /api/actuals` as a function of a Request: the route file only supplies the database,
 * the cookie session and the clock, so tests call this with a Request object. It refuses a
 * cross-site Origin (403), an anonymous caller (401), a caller without "history.import" (403),
 * anything but JSON (415) and a body that is not valid JSON or has a bad row (400, naming the
 * row and field); errors are JSON `{ error, row?, field?, errors? }`.
 */
import type { Db } from "@/db/client";
import { can } from "@/server/auth/permissions";
import type { SessionPort } from "@/server/auth/session";
import type { Clock } from "@/server/clock";
import { AppError, type AppErrorCode } from "@/server/errors";
import { ActualsInputError } from "@/server/import/actuals-json";
import { recordActuals } from "@/server/services/intraday/record-actuals";
import { createContextInner } from "./trpc";

const STATUS: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** At most 5 MB of JSON: far more than a day of intervals. */
const MAX_BODY_BYTES = 5_000_000;

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Whether the request comes from this site: no Origin (a script, not a browser page) or an
 * Origin whose host is the request's host.
 */
function sameSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (a sandboxed page) or garbage is not this site.
    return false;
  }
}

/** Handles one post of actuals for the signed-in person behind `session`. */
export async function handleActualsPost(request: Request, deps: { db: Db; session: SessionPort; now: Clock }): Promise<Response> {
  if (!sameSite(request)) {
    return reply(403, { error: `Cross-site request refused: Origin ${request.headers.get("origin") ?? ""} is not this site.`, field: "origin" });
  }
  const { actor } = createContextInner(deps);
  if (!actor) return reply(401, { error: "Please sign in." });
  if (!can(actor, "history.import")) return reply(403, { error: "Recording actuals is for managers and planners.", field: "permission" });
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return reply(415, { error: `Expected Content-Type application/json, got ${mediaType === "" ? "none" : mediaType}.`, field: "content-type" });
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return reply(413, { error: `The body is larger than ${MAX_BODY_BYTES / 1_000_000} MB.`, field: "body" });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return reply(400, { error: `The body is not valid JSON: ${(error as Error).message}`, field: "body" });
  }
  try {
    return reply(200, { ...recordActuals(deps.db, actor, body, deps.now()) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return reply(STATUS[error.code], {
      error: error.message,
      ...(error.row !== undefined ? { row: error.row } : {}),
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error instanceof ActualsInputError ? { errors: error.errors } : {}),
    });
  }
}
