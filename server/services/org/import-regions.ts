/**
 * Import regions from a CSV file. The whole file is checked first (server/import/regions-csv.ts);
 * the regions and their audit entries land in one transaction, so a refused file changes nothing.
 * A known name (any case) updates that region.
 */
import type { Actor } from "@/server/auth/actor";
import { parseRegionsCsv } from "@/server/import/regions-csv";
import { writeAudit } from "@/server/repositories/audit-repository";
import * as orgRepo from "@/server/repositories/org-repository";
import { inTransaction, type Store } from "@/server/repositories/unit-of-work";
import { countOf, type ImportSummary, type TImportCsvInput } from "./import-inputs";

/**
 * Creates and updates the file's regions in one transaction and audits each. `actor` is null when
 * the command line imports (no one is signed in there).
 * @example importRegionsCsv(db, manager, { csv }, now).summary //=> "Imported 3 regions: 2 new, 1 updated"
 */
export function importRegionsCsv(db: Store, actor: Actor | null, input: TImportCsvInput, now: Date): ImportSummary {
  return inTransaction(db, (tx) => {
    // Parsed inside the transaction, so the names it matched are the ones it writes over.
    const rows = parseRegionsCsv(input.csv, { regions: orgRepo.listRegions(tx) });
    let created = 0;
    for (const { row, existingId, ...fields } of rows) {
      const region = existingId === null ? orgRepo.insertRegion(tx, fields) : orgRepo.updateRegion(tx, existingId, fields);
      if (existingId === null) created++;
      writeAudit(tx, {
        actorId: actor?.id ?? null,
        action: existingId === null ? "region.create" : "region.update",
        entity: "region",
        entityId: region.id,
        details: { ...fields, source: "import", row },
        at: now,
      });
    }
    const updated = rows.length - created;
    const summary = `Imported ${countOf(rows.length, "region", "regions")}: ${created} new, ${updated} updated`;
    writeAudit(tx, { actorId: actor?.id ?? null, action: "regions.import", entity: "region", details: { regions: rows.length, created, updated }, at: now });
    return { total: rows.length, created, updated, summary };
  });
}
