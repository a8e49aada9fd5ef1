/**
 * The forecast run's backtest: each candidate model's wMAPE per channel, the chosen one marked,
 * the combination's weights when the forecast combined candidates (runs made before weights were
 * kept show only the mark), and the run's warnings.
 */
import { pct } from "@/app/_lib/format";
import type { ForecastRun } from "./staffing-model";

export function ModelScores({ run }: { run: ForecastRun }) {
  if (!run) return null;
  const models = [...new Set(run.channels.flatMap((c) => c.scores.map((s) => s.model)))];
  const weighted = run.channels.some((c) => (c.weights ?? []).length > 0);
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-semibold">Backtest: wMAPE of each model (lower is better; the chosen model is marked)</h3>
      <p className="mb-2 text-xs text-slate-600">
        Rolling-origin backtest, week-ahead folds fitted only on data before each origin. wMAPE = Σ|actual − forecast| / Σ actual.
      </p>
      <div className="overflow-x-auto">
        <table className="table-basic" aria-label="Backtest scores">
          <thead>
            <tr><th>Channel</th><th>Folds</th>{models.map((m) => <th key={m}>{m}</th>)}{weighted ? <th>Combination weights</th> : null}</tr>
          </thead>
          <tbody>
            {run.channels.map((c) => (
              <tr key={c.channel}>
                <td className="font-medium">{c.channel}</td>
                <td>{c.folds}</td>
                {models.map((m) => {
                  const s = c.scores.find((x) => x.model === m);
                  const chosen = c.chosenModel === m;
                  return (
                    <td key={m} className={chosen ? "font-semibold text-emerald-800" : ""}>
                      {s?.wmape === null || s?.wmape === undefined ? "—" : pct(s.wmape)}
                      {chosen ? " ✓ chosen" : ""}
                    </td>
                  );
                })}
                {weighted ? (
                  <td className="text-xs">
                    {(c.weights ?? []).length === 0
                      ? "—"
                      : [...(c.weights ?? [])].sort((a, b) => b.weight - a.weight).map((w) => `${w.model} ${pct(w.weight, 0)}`).join(" · ")}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.channels.flatMap((c) => c.warnings.map((w) => `${c.channel}: ${w}`)).map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-800">⚠ {w}</p>
      ))}
    </div>
  );
}
