/**
 * What the set-up takes, as zod schemas: the command line and the first-run page validate
 * with the same rules (the page adds its token and the password confirmation).
 */
import { z } from "zod";
import { ZTimeZone } from "@/server/domain/time/time-zone";

/** A manager's password: long enough to survive guessing, since it guards the whole organisation. */
export const MIN_MANAGER_PASSWORD_LENGTH = 12;

export const ZCreateOrganisationInput = z.object({
  organisationName: z.string().trim().min(2, "At least 2 characters").max(80, "At most 80 characters"),
  timeZone: ZTimeZone,
  managerName: z.string().trim().min(2, "At least 2 characters").max(80, "At most 80 characters"),
  managerEmail: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email, e.g. grace@example.com")),
  password: z
    .string()
    .min(MIN_MANAGER_PASSWORD_LENGTH, `At least ${MIN_MANAGER_PASSWORD_LENGTH} characters`)
    .max(200, "At most 200 characters"),
});
export type TCreateOrganisationInput = z.output<typeof ZCreateOrganisationInput>;

/** The first-run page's form: the set-up fields, the password twice, and the printed token. */
export const ZFirstRunInput = ZCreateOrganisationInput.extend({
  confirmPassword: z.string(),
  token: z.string().min(1, "Open the set-up link the server printed"),
}).refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ" });
export type TFirstRunInput = z.output<typeof ZFirstRunInput>;

export const ZSetupStatusInput = z.object({ token: z.string().max(200).optional() }).optional();
export type TSetupStatusInput = z.output<typeof ZSetupStatusInput>;
