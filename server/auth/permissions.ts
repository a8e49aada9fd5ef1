/**
 * Who may call what, declared once. Every tRPC procedure names its permission; a test
 * walks this table and proves each role outside a permission's list is refused.
 *
 * Besides the three roles a row may name the pseudo-role "planner": a lead whom a manager
 * marked as planner. Organisation-wide actions (history import, forecast, targets, settings,
 * publishing the organisation's roster) belong to managers and planners; a plain lead keeps
 * the team-scoped work (their teams' shifts, requests and regions' coverage).
 */
import type { Role } from "@/db/schema";

/** Who a permission row may name: a role, or "planner" (a lead marked as planner). */
export type Grantee = Role | "planner";

/** What `can` needs to know about the caller. */
export interface PermissionHolder {
  role: Role;
  isPlanner: boolean;
}

export const PERMISSIONS = {
  "me.read": ["agent", "lead", "manager"],
  "dashboard.read": ["agent", "lead", "manager"],
  "org.read": ["lead", "manager"],
  "regions.write": ["manager"],
  "people.write": ["manager"],
  "teams.write": ["manager"],
  "templates.write": ["manager"],
  "team.readOwn": ["lead", "manager"],
  "history.import": ["manager", "planner"],
  "staffing.read": ["lead", "manager"],
  "staffing.write": ["manager", "planner"],
  "audit.read": ["manager"],
  "rosters.read": ["lead", "manager"],
  "shifts.readOwn": ["agent", "lead"],
  "swaps.request": ["agent", "lead"],
  "swaps.approve": ["lead", "manager"],
  "notifications.read": ["agent", "lead", "manager"],
  "coverage.read": ["lead", "manager"],
  "rosters.create": ["manager", "planner"],
  "rosters.edit": ["lead", "manager"],
  "rosters.publish": ["manager", "planner"],
  "settings.write": ["manager", "planner"],
  "channels.write": ["manager", "planner"],
  "people.import": ["manager", "planner"],
  "specialDays.write": ["manager", "planner"],
  "people.lifecycle": ["manager"],
  "me.password": ["agent", "lead", "manager"],
  "intraday.read": ["lead", "manager"],
} as const satisfies Record<string, readonly Grantee[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles and pseudo-roles a permission's row names. */
export function granteesOf(permission: Permission): readonly Grantee[] {
  return PERMISSIONS[permission];
}

/**
 * Whether the caller holds a permission: their role is listed, or the row lists "planner"
 * and they are a lead marked as planner (the mark means nothing on other roles).
 */
export function can(actor: PermissionHolder, permission: Permission): boolean {
  const grantees = granteesOf(permission);
  if (grantees.includes(actor.role)) return true;
  return actor.role === "lead" && actor.isPlanner && grantees.includes("planner");
}
