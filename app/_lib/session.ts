import "server-only";
import { redirect } from "next/navigation";
import { getServerCaller } from "@/server/api/server-caller";

/**
 * For pages: the caller and the signed-in actor, or a redirect to sign-in. Layouts and
 * pages render in parallel, so a page cannot rely on its layout's redirect alone.
 */
export async function requireSignedIn() {
  const { caller, actor, now } = await getServerCaller();
  if (!actor) redirect("/sign-in");
  return { caller, actor, now };
}
