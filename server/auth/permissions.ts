/**
 * Who may call what, declared once. Every tRPC procedure names its permission; a test
 * walks this table and proves each role outside a permission's list is refused.
 */
import type { Role } from "@/db/schema";

export const PERMISSIONS = {
  "me.read": ["agent", "lead", "manager"],
  "dashboard.read": ["agent", "lead", "manager"],
  "org.read": ["lead", "manager"],
  "regions.write": ["manager"],
  "people.write": ["manager"],
  "teams.write": ["manager"],
  "templates.write": ["manager"],
  "team.readOwn": ["lead", "manager"],
  "history.import": ["lead", "manager"],
  "staffing.read": ["lead", "manager"],
  "staffing.write": ["lead", "manager"],
  "audit.read": ["manager"],
  "rosters.read": ["lead", "manager"],
  "shifts.readOwn": ["agent", "lead"],
  "swaps.request": ["agent", "lead"],
  "swaps.approve": ["lead", "manager"],
  "notifications.read": ["agent", "lead", "manager"],
  "coverage.read": ["lead", "manager"],
  "rosters.create": ["lead", "manager"],
  "rosters.edit": ["lead", "manager"],
  "rosters.publish": ["lead", "manager"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
