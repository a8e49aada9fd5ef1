/** The page's two charts: history and forecast contacts of one channel, and agents to schedule stacked by channel. */
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_COLOURS, formatInZone, type RequiredRow, type StaffingChannel, type VolumePoint } from "./staffing-model";

/** Actual and forecast contacts of `channel` over time. */
export function VolumeChart(props: { series: VolumePoint[]; channel: string; zone: string }) {
  const fmt = (ms: number, pattern: string) => formatInZone(ms, props.zone, pattern);
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={props.series}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => fmt(t, "ccc d")} minTickGap={40} />
          <YAxis />
          <Tooltip labelFormatter={(t) => fmt(Number(t), "ccc d LLL HH:mm ZZZZ")} />
          <Legend />
          <Line type="monotone" dataKey="actual" name="Actual contacts" stroke="#64748b" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="forecast" name="Forecast contacts" stroke={CHANNEL_COLOURS[props.channel] ?? "#000"} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Agents to schedule (after shrinkage) per interval, stacked by channel. */
export function RequiredChart(props: { series: RequiredRow[]; channels: StaffingChannel[]; zone: string }) {
  const fmt = (ms: number, pattern: string) => formatInZone(ms, props.zone, pattern);
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={props.series}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => fmt(t, "ccc d")} minTickGap={40} />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(t) => fmt(Number(t), "ccc d LLL HH:mm ZZZZ")} />
          <Legend />
          {props.channels.map((c) => (
            <Area key={c.key} type="stepAfter" dataKey={c.key} name={c.name} stackId="1" stroke={CHANNEL_COLOURS[c.key]} fill={CHANNEL_COLOURS[c.key]} fillOpacity={0.5} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
