/**
 * Worker thread for one roster solve: HiGHS blocks the thread it runs on for the length of
 * each model solve, so solves run here, off the request path, and report progress.
 */
import { parentPort, workerData } from "node:worker_threads";
import { solveRosterInput } from "@/server/solver/solve-roster";

const port = parentPort;
if (!port) throw new Error("roster-worker must run as a worker thread");

const { problem } = workerData as { problem: unknown };

solveRosterInput(problem, { onProgress: (progress) => port.postMessage({ type: "progress", progress }) }).then(
  (result) => port.postMessage({ type: "result", result }),
  (error: unknown) => port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) }),
);
