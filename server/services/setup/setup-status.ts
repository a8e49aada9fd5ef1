/** Whether this install still needs its set-up, and whether a set-up link's token is the right one. */
import { isSetupTokenValid } from "@/server/auth/setup-token";
import * as setupRepo from "@/server/repositories/setup-repository";
import type { Store } from "@/server/repositories/unit-of-work";

export interface SetupStatus {
  /** No organisation yet: no settings row and no manager, so nobody can sign in. */
  needed: boolean;
  /** The given token is the one the server printed (always false once set up). */
  tokenAccepted: boolean;
}

/** Reads whether set-up is needed and checks the link's token; writes nothing. */
export function readSetupStatus(db: Store, token: string | undefined): SetupStatus {
  const existing = setupRepo.findExistingOrganisation(db);
  const needed = existing.settingsName === null && existing.managerEmail === null;
  return { needed, tokenAccepted: needed && token !== undefined && isSetupTokenValid(token) };
}
