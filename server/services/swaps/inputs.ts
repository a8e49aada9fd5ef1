/** Inputs of the swap use cases: zod schemas the router validates with, and the types the services take. */
import { z } from "zod";
import type { SwapKind } from "@/server/domain/swaps/state-machine";

const ZId = z.number().int().positive();
const ZNote = z.string().trim().max(280).optional();

export const ZRequestIdInput = z.object({ requestId: ZId });
export type TRequestIdInput = z.infer<typeof ZRequestIdInput>;

export const ZShiftIdInput = z.object({ shiftId: ZId });
export type TShiftIdInput = z.infer<typeof ZShiftIdInput>;

export const ZCreateSwapInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("swap"), shiftId: ZId, counterpartId: ZId, counterpartShiftId: ZId, note: ZNote }),
  z.object({ kind: z.literal("offer"), shiftId: ZId, counterpartId: ZId.optional(), note: ZNote }),
  z.object({ kind: z.literal("drop"), shiftId: ZId, note: ZNote }),
]);
export type TCreateSwapInput = z.infer<typeof ZCreateSwapInput>;

export const ZRejectSwapInput = ZRequestIdInput.extend({ reason: z.string().trim().max(280).optional() });
export type TRejectSwapInput = z.infer<typeof ZRejectSwapInput>;

/**
 * What `createSwapRequest` takes: wider than `TCreateSwapInput` (every field optional per kind),
 * because the service checks the per-kind fields itself and names the field it refuses.
 */
export interface CreateSwapInput {
  kind: SwapKind;
  shiftId: number;
  counterpartId?: number | undefined;
  counterpartShiftId?: number | undefined;
  note?: string | undefined;
}
