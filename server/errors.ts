/**
 * Application errors carry a code and, where it helps, the field or CSV row at fault.
 * Only server/api translates them into tRPC errors.
 */
export type AppErrorCode = "INVALID_INPUT" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "CONFLICT" | "TOO_MANY_REQUESTS";

export interface AppErrorDetails {
  message: string;
  field?: string;
  row?: number;
  fieldErrors?: Record<string, string[]>;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;
  readonly row: number | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(code: AppErrorCode, details: AppErrorDetails) {
    super(details.message);
    this.name = "AppError";
    this.code = code;
    this.field = details.field;
    this.row = details.row;
    this.fieldErrors = details.fieldErrors ?? (details.field ? { [details.field]: [details.message] } : undefined);
  }
}
