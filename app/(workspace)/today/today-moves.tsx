/** Suggested overtime and early finishes for named people, each in the person's own zone. */
import type { TodayMove } from "./today-model";

export function TodayMoves(props: { moves: TodayMove[] }) {
  return (
    <section aria-labelledby="today-moves-heading" className="card">
      <h2 id="today-moves-heading" className="mb-2 text-lg font-semibold">Suggested overtime and early finishes</h2>
      {props.moves.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing to suggest: no interval for the rest of the day is a whole agent short or over that someone could take without breaking a rule.</p>
      ) : (
        <ul aria-label="Suggestions" className="space-y-2">
          {props.moves.map((m) => (
            <li key={`${m.kind}-${m.personId}-${m.fromMs}`} className="flex gap-2 text-sm">
              <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${m.kind === "overtime" ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}>
                {m.kind === "overtime" ? "Overtime" : "Early finish"}
              </span>
              <span>{m.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
