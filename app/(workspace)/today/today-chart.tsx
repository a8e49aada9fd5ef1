/** Actual, forecast and re-forecast contacts through today, with "now" marked. */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatInstant } from "@/server/domain/time/format";
import type { chartSeries } from "./today-model";

export function TodayChart(props: { series: ReturnType<typeof chartSeries>; zone: string; nowMs: number }) {
  const fmt = (ms: number, pattern: string) => formatInstant(ms, props.zone, pattern, "none");
  return (
    <div className="h-72" role="img" aria-label={`Actual, forecast and re-forecast contacts today, times in ${props.zone}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={props.series}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => fmt(t, "HH:mm")} minTickGap={40} />
          <YAxis />
          <Tooltip labelFormatter={(t) => formatInstant(Number(t), props.zone, "ccc d LLL HH:mm")} />
          <Legend />
          <ReferenceLine x={props.nowMs} stroke="#0f172a" strokeDasharray="4 2" label={{ value: "now", position: "top", fontSize: 12 }} />
          <Line type="monotone" dataKey="forecast" name="Forecast" stroke="#94a3b8" strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="actual" name="Actual" stroke="#0f172a" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line type="monotone" dataKey="reforecast" name="Re-forecast" stroke="#d97706" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
