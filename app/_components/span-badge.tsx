const CLASSES = {
  ok: "bg-emerald-100 text-emerald-800",
  "too-small": "bg-amber-100 text-amber-900",
  "too-large": "bg-red-100 text-red-800",
  "no-lead": "bg-red-100 text-red-800",
} as const;

/** Flags a team outside the organisation's lead span (one lead per 8–15 agents by default). */
export function SpanBadge({ span, range = { min: 8, max: 15 } }: { span: keyof typeof CLASSES; range?: { min: number; max: number } }) {
  const text = { ok: `Within ${range.min}–${range.max}`, "too-small": `Under ${range.min} agents`, "too-large": `Over ${range.max} agents`, "no-lead": "No lead" }[span];
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${CLASSES[span]}`} title={`One team lead per ${range.min}–${range.max} agents`}>
      {span === "ok" ? "✓ " : "⚠ "}
      {text}
    </span>
  );
}
