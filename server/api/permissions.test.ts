import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { insertPerson, insertRegion, insertSettings } from "@/server/testing/factories";
import { PERMISSIONS, type Permission } from "@/server/auth/permissions";
import { callerFor, freshDb } from "@/server/testing/api-harness";
import { appRouter } from "./root";

/** Procedures that need no permission: signing in and out, and asking who I am. */
const OPEN = new Set(["auth.signIn", "auth.signOut", "auth.me"]);

type AnyProcedure = { _def: { meta?: { permission?: Permission } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function invoke(caller: unknown, path: string): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

describe("the permissions table", () => {
  const db = freshDb();
  const personByRole = new Map<Role, number>();

  beforeAll(async () => {
    insertSettings(db);
    const region = insertRegion(db, { name: "EMEA" });
    for (const role of ROLES) personByRole.set(role, (await insertPerson(db, { regionId: region.id, role })).id);
  });

  it("names a permission on every procedure except the open ones", () => {
    const missing = procedures.filter(([path, p]) => !OPEN.has(path) && !p._def.meta?.permission).map(([path]) => path);
    expect(missing).toEqual([]);
    expect(procedures.length).toBeGreaterThan(10);
  });

  for (const [path, procedure] of procedures) {
    const permission = procedure._def.meta?.permission;
    if (!permission) continue;
    const allowed = PERMISSIONS[permission] as readonly Role[];
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      it(`${path} refuses a ${role} (${permission})`, async () => {
        const { caller } = callerFor(db, personByRole.get(role));
        const error = await invoke(caller, path).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe("FORBIDDEN");
      });
    }
    it(`${path} refuses an anonymous caller`, async () => {
      const { caller } = callerFor(db);
      await expect(invoke(caller, path)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });
  }
});
