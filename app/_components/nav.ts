import { can, type Permission, type PermissionHolder } from "@/server/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** What each role sees in the navigation follows the permissions table (planner rows included). */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Home", permission: "dashboard.read" },
  { href: "/staffing", label: "Staffing", permission: "staffing.read" },
  { href: "/today", label: "Today", permission: "intraday.read" },
  { href: "/me", label: "My shifts", permission: "shifts.readOwn" },
  { href: "/approvals", label: "Approvals", permission: "swaps.approve" },
  { href: "/rosters", label: "Rosters", permission: "rosters.read" },
  { href: "/coverage", label: "Coverage", permission: "coverage.read" },
  { href: "/org/regions", label: "Regions", permission: "regions.write" },
  { href: "/org/people", label: "People", permission: "people.write" },
  { href: "/org/teams", label: "Teams", permission: "teams.write" },
  { href: "/org/templates", label: "Shift templates", permission: "templates.write" },
  { href: "/org/channels", label: "Channels", permission: "channels.write" },
  { href: "/org/settings", label: "Settings", permission: "settings.write" },
  { href: "/audit", label: "Audit", permission: "audit.read" },
  { href: "/account", label: "My account", permission: "me.password" },
];

/** The navigation items the signed-in person may open, from the same table the procedures use. */
export function navFor(actor: PermissionHolder): NavItem[] {
  return NAV_ITEMS.filter((item) => can(actor, item.permission));
}
