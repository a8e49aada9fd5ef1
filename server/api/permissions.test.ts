import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings } from "@/server/testing/factories";
import { can, PERMISSIONS, type Grantee, type Permission } from "@/server/auth/permissions";
import { callerFor, freshDb } from "@/server/testing/api-harness";
import { appRouter } from "./root";

/**
 * Procedures that need no permission: signing in and out, asking who I am, the set-password
 * link (its one-time token is the credential), and the first-run page's set-up (it guards itself
 * with the one-time token the server prints).
 */
const OPEN = new Set(["auth.signIn", "auth.signOut", "auth.me", "accounts.describePasswordLink", "accounts.setPassword", "setup.status", "setup.timeZones", "setup.createOrganisation"]);

type AnyProcedure = { _def: { meta?: { permission?: Permission } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

/** The callers the walk tries: each role, and a lead with and without the planner mark. */
const CALLERS = [
  { label: "an agent", role: "agent", isPlanner: false },
  { label: "a lead not marked as planner", role: "lead", isPlanner: false },
  { label: "a planner lead", role: "lead", isPlanner: true },
  { label: "a manager", role: "manager", isPlanner: false },
] as const satisfies readonly { label: string; role: Role; isPlanner: boolean }[];

/** What the table promises, spelled out apart from `can`, so a broken `can` fails the walk. */
function promised(caller: { role: Role; isPlanner: boolean }, permission: Permission): boolean {
  const grantees: readonly Grantee[] = PERMISSIONS[permission];
  return grantees.includes(caller.role) || (caller.role === "lead" && caller.isPlanner && grantees.includes("planner"));
}

function invoke(caller: unknown, path: string): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

/** The refusal the permission middleware gives (a service's own FORBIDDEN words differ). */
function isPermissionRefusal(error: unknown, permission: Permission): boolean {
  return error instanceof TRPCError && error.code === "FORBIDDEN" && error.message.includes(`may not do this (${permission})`);
}

describe("the permissions table", () => {
  const db = freshDb();
  const personByCaller = new Map<string, number>();

  beforeAll(async () => {
    insertSettings(db);
    const region = insertRegion(db, { name: "EMEA" });
    for (const c of CALLERS) personByCaller.set(c.label, (await insertPerson(db, { regionId: region.id, role: c.role, isPlanner: c.isPlanner })).id);
  });

  it("names a permission on every procedure except the open ones", () => {
    const missing = procedures.filter(([path, p]) => !OPEN.has(path) && !p._def.meta?.permission).map(([path]) => path);
    expect(missing).toEqual([]);
    expect(procedures.length).toBeGreaterThan(10);
  });

  it("keeps organisation-wide work to managers and planners", () => {
    const plannerRows = Object.entries(PERMISSIONS)
      .filter(([, grantees]) => (grantees as readonly Grantee[]).includes("planner"))
      .map(([name]) => name)
      .sort();
    expect(plannerRows).toEqual(["channels.write", "history.import", "people.import", "rosters.create", "rosters.publish", "settings.write", "specialDays.write", "staffing.write"]);
    for (const name of plannerRows) expect(PERMISSIONS[name as Permission]).not.toContain("lead");
  });

  it("gives the planner mark no meaning on agents and managers", () => {
    expect(can({ role: "agent", isPlanner: true }, "rosters.publish")).toBe(false);
    expect(can({ role: "manager", isPlanner: true }, "audit.read")).toBe(true);
    expect(can({ role: "lead", isPlanner: true }, "people.lifecycle")).toBe(false);
    expect(can({ role: "lead", isPlanner: true }, "audit.read")).toBe(false);
  });

  for (const [path, procedure] of procedures) {
    const permission = procedure._def.meta?.permission;
    if (!permission) continue;
    for (const c of CALLERS) {
      const allowed = promised(c, permission);
      it(`${path} ${allowed ? "lets" : "refuses"} ${c.label} (${permission})`, async () => {
        const { caller } = callerFor(db, personByCaller.get(c.label));
        const error = await invoke(caller, path).then(
          () => null,
          (e: unknown) => e,
        );
        if (allowed) {
          // Past the permission check; what the procedure then does with no input is its own affair.
          expect(isPermissionRefusal(error, permission)).toBe(false);
        } else {
          expect(error).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code).toBe("FORBIDDEN");
          expect(isPermissionRefusal(error, permission)).toBe(true);
        }
      });
    }
    it(`${path} refuses an anonymous caller`, async () => {
      const { caller } = callerFor(db);
      await expect(invoke(caller, path)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });
  }
});
