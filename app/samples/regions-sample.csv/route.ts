import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const dynamic = "force-static";

/** The sample regions file from the repository, linked from the Regions page's import. */
export async function GET() {
  const csv = await readFile(join(process.cwd(), "samples", "regions-sample.csv"), "utf8");
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="regions-sample.csv"' },
  });
}
