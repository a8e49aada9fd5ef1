/**
 * What the password use cases take, as zod schemas (the routers validate with them), and the
 * rules they share: at least 12 characters, a confirmation that matches, links valid 72 hours,
 * one message for every refused link.
 */
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
/** How long a set-password link works. */
export const PASSWORD_LINK_HOURS = 72;
/** One answer for an unknown, used or expired link, so a guess learns nothing about which. */
export const PASSWORD_LINK_REFUSED = "This set-password link is not valid: it may have been used or have expired. Ask a manager for a new one.";

const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "At most 200 characters");

export const ZCreatePasswordLinkInput = z.object({ personId: z.number().int() });
export type TCreatePasswordLinkInput = z.infer<typeof ZCreatePasswordLinkInput>;

export const ZPasswordTokenInput = z.object({ token: z.string().max(200) });
export type TPasswordTokenInput = z.infer<typeof ZPasswordTokenInput>;

export const ZSetPasswordInput = z
  .object({ token: z.string().max(200), password: ZNewPassword, confirm: z.string().max(200) })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The two passwords differ" });
export type TSetPasswordInput = z.infer<typeof ZSetPasswordInput>;

export const ZChangePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password").max(200), newPassword: ZNewPassword, confirm: z.string().max(200) })
  .refine((input) => input.newPassword === input.confirm, { path: ["confirm"], message: "The two passwords differ" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
