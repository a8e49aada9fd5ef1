/**
 * The forecast run's backtest: each candidate model's wMAPE per channel, the chosen one marked,
 * the combination's weights when the forecast combined candidates (runs made before weights were
 * kept show only the mark), and the run's warnings.
 */
import { Fragment } from "react";
import { pct } from "@/app/_lib/format";
import type { ForecastRun } from "./staffing-model";

export function ModelScores({ run }: { run: ForecastRun }) {
  if (!run) return null;
  const models = [...new Set(run.channels.flatMap((c) => c.scores.map((s) => s.model)))];
  const weighted = run.channels.some((c) => (c.weights ?? []).length > 0);
  const lead = weighted
    ? "Backtest: wMAPE of each model (lower is better) and the combination's weights; the forecast used is marked"
    : "Backtest: wMAPE of each model (lower is better; the chosen model is marked)";
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-semibold">{lead}</h3>
      <p className="mb-2 text-xs text-slate-600">
        Rolling-origin backtest, week-ahead folds fitted only on data before each origin. wMAPE = Σ|actual − forecast| / Σ actual.
      </p>
      <div className="overflow-x-auto">
        <table className="table-basic" aria-label="Backtest scores">
          <thead>
            <tr><th>Channel</th><th>Folds</th>{models.map((m) => <th key={m}>{m}</th>)}</tr>
          </thead>
          <tbody>
            {run.channels.map((c) => (
              <Fragment key={c.channel}>
                <tr>
                  <td className="font-medium">{c.channel}</td>
                  <td>{c.folds}</td>
                  {models.map((m) => {
                    const s = c.scores.find((x) => x.model === m);
                    const chosen = c.chosenModel === m;
                    return (
                      <td key={m} className={chosen ? "whitespace-nowrap font-semibold text-emerald-800" : "whitespace-nowrap"}>
                        {s?.wmape === null || s?.wmape === undefined ? "—" : pct(s.wmape)}
                        {chosen ? " ✓ chosen" : ""}
                      </td>
                    );
                  })}
                </tr>
                {(c.weights ?? []).length > 0 ? (
                  <tr className="text-xs text-slate-600" aria-label={`${c.channel} combination weights`}>
                    <td colSpan={2} className="pl-4">weight in the combination</td>
                    {models.map((m) => {
                      const w = c.weights?.find((x) => x.model === m);
                      return <td key={m}>{w ? pct(w.weight, 0) : ""}</td>;
                    })}
                  </tr>
                ) : null}
              </Fragment>
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
