/** How the channel models differ this week: agent-hours under each channel's model against a simpler one. */
import { pct } from "@/app/_lib/format";
import { savedShare, type StaffingWeek } from "./staffing-model";

/** The comparison table; nothing when no channel has a simpler model to compare with. */
export function ModelComparisonTable(props: { rows: StaffingWeek["modelComparison"] }) {
  if (props.rows.length === 0) return null;
  return (
    <section aria-labelledby="models-heading" className="card">
      <h2 id="models-heading" className="text-lg font-semibold">How the channel models differ this week</h2>
      <p className="mb-2 text-sm text-slate-600">Agent-hours on task (before shrinkage) with each channel&apos;s model, against a simpler model of the same forecast.</p>
      <table className="table-basic" aria-label="Channel model comparison">
        <thead>
          <tr><th>Channel</th><th>Model used</th><th>Agent-hours</th><th>Alternative</th><th>Agent-hours</th><th>Saved</th></tr>
        </thead>
        <tbody>
          {props.rows.map((m) => (
            <tr key={m.channel}>
              <td className="font-medium">{m.channel}</td>
              <td>{m.model}</td>
              <td>{m.agentHours.toLocaleString("en")}</td>
              <td>{m.alternative}</td>
              <td>{m.alternativeAgentHours.toLocaleString("en")}</td>
              <td>{pct(savedShare(m), 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
