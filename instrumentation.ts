/** Next.js calls `register` once per server start; background work runs in the Node.js runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { offerFirstRunSetup, startBackgroundWork } = await import("./server/api/background");
  offerFirstRunSetup();
  startBackgroundWork();
}
