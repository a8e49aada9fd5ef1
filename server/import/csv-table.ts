/**
 * What the organisation imports (people, regions) share: reading a CSV file into rows keyed by
 * column name, collecting every problem with the row as a spreadsheet numbers it (the header is
 * row 1) and the column, and refusing the whole file with up to {@link MAX_REPORTED_ERRORS} of
 * them. The history import keeps its own reader (server/import/history-csv.ts) in the same style.
 */
import Papa from "papaparse";
import { AppError } from "../errors";
import { MAX_REPORTED_ERRORS, type CsvRowError } from "./history-csv";

export { MAX_REPORTED_ERRORS, type CsvRowError };

/**
 * A rejected import file. `row` and `field` point at the first problem; `errors` lists up to
 * {@link MAX_REPORTED_ERRORS} of them and `totalErrors` counts them all. Nothing of it is imported.
 */
export class CsvFileError extends AppError {
  readonly errors: CsvRowError[];
  readonly totalErrors: number;
  override readonly row: number;
  override readonly field: string;

  constructor(noun: string, errors: CsvRowError[], totalErrors: number) {
    const first = errors[0] ?? { row: 1, field: "file", message: "Row 1: unreadable file" };
    const more = totalErrors > errors.length ? `\n… and ${totalErrors - errors.length} more` : "";
    const message =
      totalErrors === 1
        ? first.message
        : `${totalErrors} problems in the ${noun} file (rows count the header as row 1):\n${errors.map((error) => error.message).join("\n")}${more}`;
    super("INVALID_INPUT", { message, row: first.row, field: first.field });
    this.name = "CsvFileError";
    this.errors = errors;
    this.totalErrors = totalErrors;
    this.row = first.row;
    this.field = first.field;
  }
}

/** Collects row errors: every one is counted, the first {@link MAX_REPORTED_ERRORS} are kept. */
export class RowErrors {
  readonly kept: CsvRowError[] = [];
  total = 0;

  constructor(private readonly noun: string) {}

  /** Records a problem in a cell (`field` the column) or in a whole row (`field` ""). */
  fail(row: number, field: string, detail: string): void {
    this.total++;
    if (this.kept.length < MAX_REPORTED_ERRORS) {
      this.kept.push({ row, field, message: field === "" ? `Row ${row}: ${detail}` : `Row ${row}, column "${field}": ${detail}` });
    }
  }

  /** Throws the file's refusal, errors in row order, when anything was recorded. */
  throwIfAny(): void {
    if (this.total === 0) return;
    this.kept.sort((a, b) => a.row - b.row);
    throw new CsvFileError(this.noun, this.kept, this.total);
  }
}

/** One data row: its spreadsheet number and a reader of its trimmed cells by column name. */
export interface CsvRecord {
  row: number;
  /** The trimmed cell, "" when empty or when the header has no such column. */
  cell(column: string): string;
}

/**
 * Reads `text` (a BOM and blank lines allowed) into data rows. The header must hold every
 * `required` column, may hold the `optional` ones, and nothing else (a misspelt column would
 * otherwise be silently dropped); names match without regard to case. Header problems and rows
 * of the wrong width are recorded in `errors`; the caller checks the cells.
 */
export function readCsvTable(text: string, columns: { required: readonly string[]; optional: readonly string[] }, errors: RowErrors): CsvRecord[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const known = [...columns.required, ...columns.optional];
  if (records.length === 0 || header.every((name) => name === "")) {
    errors.fail(1, "", `expected a header with columns ${known.join(", ")}, found an empty file`);
    return [];
  }
  const columnIndex = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === "" && index === header.length - 1) return; // a trailing comma after the last column
    if (columnIndex.has(name)) errors.fail(1, name, "appears twice in the header");
    else if (!known.includes(name)) errors.fail(1, name, `unknown column (expected: ${known.join(", ")})`);
    else columnIndex.set(name, index);
  });
  for (const column of columns.required) {
    if (!columnIndex.has(column)) errors.fail(1, column, `missing from the header (found: ${header.join(", ")})`);
  }
  if (errors.total > 0) return [];

  const width = header.length;
  const rows: CsvRecord[] = [];
  for (let index = 1; index < records.length; index++) {
    const record = records[index] as string[];
    const row = index + 1;
    if (record.every((value) => value.trim() === "")) continue;
    const overflow = record.length > width && record.slice(width).some((value) => value.trim() !== "");
    if (record.length < width || overflow) {
      errors.fail(row, "", `expected ${width} columns, found ${record.length}`);
      continue;
    }
    rows.push({
      row,
      cell: (column) => {
        const at = columnIndex.get(column);
        return at === undefined ? "" : (record[at]?.trim() ?? "");
      },
    });
  }
  if (errors.total === 0 && rows.length === 0) errors.fail(2, "", "no data rows under the header");
  return rows;
}

const DECIMAL_PATTERN = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A plain decimal ≥ 0 ("18", "18.5", ".5"), or null when the text is not one. */
export function parseDecimal(text: string): number | null {
  return DECIMAL_PATTERN.test(text) ? Number(text) : null;
}

/** A whole number ≥ 0 written in digits, or null when the text is not one. */
export function parseWholeNumber(text: string): number | null {
  return /^\+?\d+$/.test(text) ? Number(text) : null;
}
