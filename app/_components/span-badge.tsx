const LABELS = {
  ok: { text: "Within 8–15", className: "bg-emerald-100 text-emerald-800" },
  "too-small": { text: "Under 8 agents", className: "bg-amber-100 text-amber-900" },
  "too-large": { text: "Over 15 agents", className: "bg-red-100 text-red-800" },
  "no-lead": { text: "No lead", className: "bg-red-100 text-red-800" },
} as const;

/** Flags a team outside the one-lead-per-8–15-agents guidance. */
export function SpanBadge({ span }: { span: keyof typeof LABELS }) {
  const label = LABELS[span];
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${label.className}`} title="One team lead per 8–15 agents">
      {span === "ok" ? "✓ " : "⚠ "}
      {label.text}
    </span>
  );
}
