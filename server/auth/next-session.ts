import "server-only";
import { getIronSession } from "iron-session";
import { cookies } from "next/headers";
import { getSessionOptions, type SessionData, type SessionPort } from "./session";

/** The session port over Next's cookie store (route handlers and server components). */
export async function getNextSession(): Promise<SessionPort> {
  const session = await getIronSession<SessionData>(await cookies(), getSessionOptions());
  return {
    personId: session.personId,
    async signIn(personId: number) {
      session.personId = personId;
      await session.save();
    },
    signOut() {
      session.destroy();
      return Promise.resolve();
    },
  };
}
