import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isFarFromPlanningWeeks, selectHistorySpan, summariseHistorySpan, type SpanRow } from "./history-span";

const HOUR = 3_600_000;

/** Hourly rows of one channel over `days` local days from `fromDate` in `zone`, 09:00–17:00, weekdays only. */
function weekdayRows(channel: string, fromDate: string, days: number, zone = "Europe/Dublin"): SpanRow[] {
  const rows: SpanRow[] = [];
  const first = DateTime.fromISO(fromDate, { zone });
  for (let d = 0; d < days; d++) {
    const day = first.plus({ days: d });
    if (day.weekday > 5) continue;
    for (let h = 9; h < 17; h++) rows.push({ intervalStartMs: day.set({ hour: h }).toMillis(), channel });
  }
  return rows;
}

describe("selectHistorySpan", () => {
  it("keeps everything when the only holes are weekends and short closures", () => {
    const rows = weekdayRows("voice", "2026-09-28", 56);
    // A week's closure (Christmas-like) is shorter than the 14-day default.
    const closed = rows.filter((r) => r.intervalStartMs < Date.UTC(2026, 9, 12) || r.intervalStartMs >= Date.UTC(2026, 9, 21));
    const picked = selectHistorySpan(closed);
    expect(picked.kept).toHaveLength(closed.length);
    expect(picked.channels).toEqual([
      { channel: "voice", fromMs: closed[0]?.intervalStartMs, toMs: closed.at(-1)?.intervalStartMs, rows: closed.length, leftOutRows: 0, gapMs: null },
    ]);
  });

  it("drops an old export lying years before the latest weeks, and says how long the hole was", () => {
    const old = weekdayRows("voice", "2003-01-06", 140);
    const recent = weekdayRows("voice", "2026-09-28", 56);
    // Unsorted input: the recent rows first.
    const picked = selectHistorySpan([...recent, ...old]);
    expect(picked.kept).toEqual(recent);
    const span = picked.channels[0];
    expect(span?.leftOutRows).toBe(old.length);
    expect(span?.rows).toBe(recent.length);
    expect(span?.gapMs).toBe((recent[0]?.intervalStartMs ?? 0) - (old.at(-1)?.intervalStartMs ?? 0));
  });

  it("cuts at the latest long hole, per channel, and only that channel", () => {
    const voice = [...weekdayRows("voice", "2026-06-01", 21), ...weekdayRows("voice", "2026-08-03", 28), ...weekdayRows("voice", "2026-09-28", 56)];
    const email = weekdayRows("email", "2026-06-01", 175);
    const picked = selectHistorySpan([...voice, ...email]);
    const voiceSpan = picked.channels.find((c) => c.channel === "voice");
    const emailSpan = picked.channels.find((c) => c.channel === "email");
    expect(voiceSpan?.fromMs).toBe(DateTime.fromISO("2026-09-28T09:00", { zone: "Europe/Dublin" }).toMillis());
    expect(emailSpan).toMatchObject({ leftOutRows: 0, gapMs: null, rows: email.length });
    expect(picked.kept.filter((r) => r.channel === "email")).toHaveLength(email.length);
  });

  it("honours a custom longest hole", () => {
    const rows = [...weekdayRows("voice", "2026-09-01", 7), ...weekdayRows("voice", "2026-09-17", 7)];
    expect(selectHistorySpan(rows).channels[0]?.leftOutRows).toBe(0);
    expect(selectHistorySpan(rows, { maxGapDays: 7 }).channels[0]?.leftOutRows).toBe(40);
  });

  it("never keeps a row older than a hole above the limit, nor drops one after it (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }), (hours) => {
        const rows = hours.map((h) => ({ intervalStartMs: h * HOUR * 6, channel: "voice" }));
        const { kept, channels } = selectHistorySpan(rows, { maxGapDays: 14 });
        const sorted = [...new Set(kept.map((r) => r.intervalStartMs))].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeLessThanOrEqual(14 * 24 * HOUR);
        const last = Math.max(...rows.map((r) => r.intervalStartMs));
        expect(kept.some((r) => r.intervalStartMs === last)).toBe(true);
        expect((channels[0]?.rows ?? 0) + (channels[0]?.leftOutRows ?? 0)).toBe(rows.length);
      }),
    );
  });
});

describe("summariseHistorySpan", () => {
  it("names the dates, weeks and channels in the organisation's zone", () => {
    const rows = [...weekdayRows("voice", "2026-09-28", 56), ...weekdayRows("email", "2026-09-28", 56)];
    const summary = summariseHistorySpan(selectHistorySpan(rows).channels, "Europe/Dublin");
    // Weekdays only: the last row is Friday 20 Nov.
    expect(summary).toMatchObject({ fromDate: "2026-09-28", toDate: "2026-11-20", days: 54, weeks: 7, channels: ["voice", "email"], leftOutRows: 0, gapDays: null });
    expect(summary?.message).toBe("Using history from 28 Sep to 20 Nov 2026 (7 weeks, 5 days) of voice and email.");
  });

  it("says what a hole cut off", () => {
    const old = weekdayRows("voice", "2023-06-05", 21);
    const recent = weekdayRows("voice", "2026-09-28", 56);
    const summary = summariseHistorySpan(selectHistorySpan([...old, ...recent]).channels, "Europe/Dublin");
    expect(summary?.leftOutRows).toBe(old.length);
    expect(summary?.message).toBe(`Using history from 28 Sep to 20 Nov 2026 (7 weeks, 5 days) of voice; ${old.length} intervals before a 3-year gap were left out.`);
  });

  it("counts whole weeks across a DST change and names a cut channel when others are whole", () => {
    // Europe/Dublin falls back on 25 Oct 2026; 28 Sep to 22 Nov is still 56 local days.
    const all = (channel: string) => {
      const rows: SpanRow[] = [];
      for (let t = DateTime.fromISO("2026-09-28T00:00", { zone: "Europe/Dublin" }); t < DateTime.fromISO("2026-11-23T00:00", { zone: "Europe/Dublin" }); t = t.plus({ hours: 1 })) {
        rows.push({ intervalStartMs: t.toMillis(), channel });
      }
      return rows;
    };
    const stale = [...weekdayRows("chat", "2026-05-04", 14), ...all("chat")];
    const summary = summariseHistorySpan(selectHistorySpan([...all("voice"), ...stale]).channels, "Europe/Dublin");
    expect(summary).toMatchObject({ days: 56, weeks: 8 });
    expect(summary?.message).toMatch(/^Using history from 28 Sep to 22 Nov 2026 \(8 weeks\) of voice and chat; 80 intervals of chat before a 4-month gap were left out\.$/);
  });

  it("is null without history", () => {
    expect(summariseHistorySpan([], "UTC")).toBeNull();
  });
});

describe("isFarFromPlanningWeeks", () => {
  const planning = { startMs: Date.UTC(2026, 10, 23), endMs: Date.UTC(2026, 11, 21) };
  const week = 7 * 24 * HOUR;

  it("accepts history ending up to eight weeks before the planning weeks", () => {
    expect(isFarFromPlanningWeeks({ fromMs: planning.startMs - 20 * week, toMs: planning.startMs - 8 * week }, planning)).toBe(false);
    expect(isFarFromPlanningWeeks({ fromMs: planning.startMs - 20 * week, toMs: planning.startMs - 8 * week - 1 }, planning)).toBe(true);
  });

  it("flags an old export, and one dated well after the planning weeks", () => {
    expect(isFarFromPlanningWeeks({ fromMs: Date.UTC(2003, 0, 6), toMs: Date.UTC(2003, 5, 1) }, planning)).toBe(true);
    expect(isFarFromPlanningWeeks({ fromMs: planning.endMs + 9 * week, toMs: planning.endMs + 12 * week }, planning)).toBe(true);
    expect(isFarFromPlanningWeeks({ fromMs: planning.endMs + 7 * week, toMs: planning.endMs + 12 * week }, planning)).toBe(false);
  });

  it("accepts a file reaching into the window even when most of it is old", () => {
    expect(isFarFromPlanningWeeks({ fromMs: Date.UTC(2003, 0, 6), toMs: planning.startMs - week }, planning)).toBe(false);
  });
});
