import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const dynamic = "force-static";

/** The sample people file from the repository, linked from the People page's import. */
export async function GET() {
  const csv = await readFile(join(process.cwd(), "samples", "people-sample.csv"), "utf8");
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="people-sample.csv"' },
  });
}
