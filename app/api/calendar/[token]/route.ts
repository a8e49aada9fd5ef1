import { getDb } from "@/db/client";
import { getAppClock, getEnv } from "@/server/env";
import { CALENDAR_TOKEN_PATTERN, renderCalendarFeed } from "@/server/services/me/calendar";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The personal calendar feed: `/api/calendar/<token>.ics`. Unknown or revoked tokens get a plain 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token: segment } = await params;
  if (!segment.endsWith(".ics")) return notFound();
  const token = segment.slice(0, -".ics".length);
  if (!CALENDAR_TOKEN_PATTERN.test(token)) return notFound();
  const body = renderCalendarFeed(getDb(getEnv().DATABASE_PATH), token, getAppClock()());
  if (body === null) return notFound();
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="sunshift.ics"',
      // The URL is a secret: keep it out of shared caches.
      "cache-control": "private, max-age=300",
      "x-robots-tag": "noindex",
    },
  });
}
