"use client";

/** Picks the zone times are shown in: mine, UTC, or any region's. The zone is always named. */
export function ZoneSwitch(props: {
  value: string;
  onChange: (zone: string) => void;
  viewerZone: string;
  regionZones: { name: string; timeZone: string }[];
}) {
  const options = [
    { label: `My zone (${props.viewerZone})`, zone: props.viewerZone },
    { label: "UTC", zone: "UTC" },
    ...props.regionZones.map((r) => ({ label: `${r.name} (${r.timeZone})`, zone: r.timeZone })),
  ];
  const unique = options.filter((o, i) => options.findIndex((x) => x.zone === o.zone && x.label === o.label) === i);
  return (
    <label className="text-sm">
      <span className="field-label">Show times in</span>
      <select className="field-input py-1.5" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {unique.map((o) => (
          <option key={o.label} value={o.zone}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}
