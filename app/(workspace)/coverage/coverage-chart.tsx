"use client";
import { DateTime } from "luxon";
import { memo } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  t: number;
  required: number | null;
  scheduled: number | null;
  /** Projected service level in percent, null where there is none. */
  sl: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Required agents (step line), scheduled agents (area) and projected service level (%, right axis). */
export const RequiredScheduledChart = memo(function RequiredScheduledChart(props: {
  points: readonly ChartPoint[];
  zone: string;
  /** Local midnights of the zone, for the ticks. */
  dayTicks: readonly number[];
  targetSlPercent: number | null;
  slLabel: string;
}) {
  const fmt = (ms: number, pattern: string) => DateTime.fromMillis(ms, { zone: props.zone }).toFormat(pattern);
  return (
    <div className="h-80">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={props.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            ticks={props.dayTicks}
            tickFormatter={(t: number) => fmt(t, "ccc d")}
          />
          <YAxis yAxisId="agents" allowDecimals={false} label={{ value: "agents", angle: -90, position: "insideLeft", offset: 12 }} />
          <YAxis yAxisId="sl" orientation="right" domain={[0, 100]} unit="%" />
          <Tooltip
            labelFormatter={(t) => fmt(Number(t), "ccc d LLL HH:mm ZZZZ")}
            formatter={(value, name) => {
              const n = typeof value === "number" ? value : Number(value);
              return [name === props.slLabel ? `${round1(n)}%` : round1(n), name];
            }}
          />
          <Legend />
          {props.targetSlPercent !== null ? (
            <ReferenceLine
              yAxisId="sl"
              y={props.targetSlPercent}
              stroke="#059669"
              strokeDasharray="4 4"
              label={{ value: `target ${props.targetSlPercent}%`, position: "insideTopRight", fill: "#047857", fontSize: 11 }}
            />
          ) : null}
          <Area
            yAxisId="agents"
            type="stepAfter"
            dataKey="scheduled"
            name="Scheduled agents"
            stroke="#0284c7"
            fill="#7dd3fc"
            fillOpacity={0.45}
            isAnimationActive={false}
          />
          <Line yAxisId="agents" type="stepAfter" dataKey="required" name="Required agents" stroke="#b91c1c" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line
            yAxisId="sl"
            type="monotone"
            dataKey="sl"
            name={props.slLabel}
            stroke="#7c3aed"
            strokeWidth={1}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
