/** What the CSV imports take: the file's text, as the page uploads it and the command reads it. */
import { z } from "zod";

export const ZImportCsvInput = z.object({
  csv: z.string().min(1, "Choose a CSV file").max(5_000_000, "The file is larger than 5 MB"),
});
export type TImportCsvInput = z.infer<typeof ZImportCsvInput>;

/** What an import did, with the one-line summary the page and the command show. */
export interface ImportSummary {
  total: number;
  created: number;
  updated: number;
  summary: string;
}

/** "3 people", "1 region": counts with their noun. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
