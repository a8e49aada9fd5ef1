/**
 * Worker thread for one roster solve: HiGHS blocks the thread it runs on for the length of
 * each model solve, so solves run here, off the request path, and report progress. The problem
 * arrives already parsed and validated (a structured clone of parseRosterProblem's output), so
 * it is solved as it is, not parsed again.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { TRosterProblem } from "@/server/domain/roster/problem";
import { solveRoster } from "@/server/solver/solve-roster";

const port = parentPort;
if (!port) throw new Error("roster-worker must run as a worker thread");

const { problem } = workerData as { problem: TRosterProblem };

solveRoster(problem, { onProgress: (progress) => port.postMessage({ type: "progress", progress }) }).then(
  (result) => port.postMessage({ type: "result", result }),
  (error: unknown) => port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) }),
);
