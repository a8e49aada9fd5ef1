// Worker-thread entry: registers tsx's CommonJS loader in this thread, then runs the
// TypeScript worker. (Node 20 workers ignore `--import` in execArgv, so it is done here.)
require("tsx/cjs/api").register();
require("./roster-worker.ts");
