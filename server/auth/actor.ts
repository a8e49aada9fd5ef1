/**
 * The signed-in person a use case acts for. The tRPC context resolves it from the session;
 * services receive it as an argument and check ownership with it. It lives in auth, not in
 * the transport layer, so services never import server/api.
 */
import type { Role } from "@/db/schema";

export type { Role };

export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
  regionId: number;
  teamId: number | null;
  timeZone: string | null;
  /** A lead whom a manager marked as planner holds the organisation-wide "planner" rows. */
  isPlanner: boolean;
}
