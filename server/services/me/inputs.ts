/** Inputs of the self-service ("me") use cases: zod schemas the router validates with, and their types. */
import { z } from "zod";

/** Which planning week to show, relative to the one containing now: four back to eight ahead. */
export const ZMyShiftsInput = z.object({ weekOffset: z.number().int().min(-4).max(8).default(0) }).default({ weekOffset: 0 });
export type TMyShiftsInput = z.infer<typeof ZMyShiftsInput>;
