/**
 * Which stored history a forecast should learn from. An old export imported beside recent data
 * leaves a long hole before the latest weeks; fitting across it mixes two different operations
 * (levels years apart, thousands of "missing" days), so each channel keeps only its latest
 * contiguous span. Also the rule that asks whether an import belongs to the organisation's
 * timeline at all. Pure: instants in epoch milliseconds, zones as arguments.
 */
import { DateTime } from "luxon";

export const MS_PER_DAY = 86_400_000;

/** A hole longer than this (between two rows of a channel) cuts off everything before it. */
export const DEFAULT_MAX_GAP_DAYS = 14;

/** An import ending this many weeks before the planning weeks (or starting as long after them) is far. */
export const DEFAULT_FAR_WEEKS = 8;

/** The fields of a history row the span needs. */
export interface SpanRow {
  intervalStartMs: number;
  channel: string;
}

/** One channel's latest contiguous span of history. */
export interface ChannelSpan {
  channel: string;
  /** First and last interval start kept. */
  fromMs: number;
  toMs: number;
  /** Rows kept, and rows before the cutting hole that were left out. */
  rows: number;
  leftOutRows: number;
  /** Length of the hole that cut older rows off (ms between the rows either side); null when nothing was cut. */
  gapMs: number | null;
}

/** What a forecast learns from: the rows kept (input order) and each channel's span. */
export interface HistorySpanSelection<T extends SpanRow> {
  kept: T[];
  channels: ChannelSpan[];
}

/**
 * Keeps, per channel, the rows after the last hole longer than `maxGapDays` days: the latest
 * contiguous span. Weekends and short closures (up to `maxGapDays`) do not cut. Channels come
 * out in order of first appearance; rows keep their input order.
 * @example
 * // A 2003 export beside eight recent weeks: only the recent weeks are kept.
 * selectHistorySpan([{ intervalStartMs: Date.UTC(2003, 0, 6), channel: "voice" }, { intervalStartMs: Date.UTC(2026, 8, 28), channel: "voice" }]).kept.length //=> 1
 */
export function selectHistorySpan<T extends SpanRow>(rows: readonly T[], opts: { maxGapDays?: number } = {}): HistorySpanSelection<T> {
  const maxGapMs = (opts.maxGapDays ?? DEFAULT_MAX_GAP_DAYS) * MS_PER_DAY;
  const startsByChannel = new Map<string, number[]>();
  for (const row of rows) {
    const starts = startsByChannel.get(row.channel);
    if (starts) starts.push(row.intervalStartMs);
    else startsByChannel.set(row.channel, [row.intervalStartMs]);
  }
  const cutoffByChannel = new Map<string, number>();
  const channels: ChannelSpan[] = [];
  for (const [channel, starts] of startsByChannel) {
    starts.sort((a, b) => a - b);
    let first = 0;
    let gapMs: number | null = null;
    for (let i = 1; i < starts.length; i++) {
      const hole = (starts[i] as number) - (starts[i - 1] as number);
      if (hole > maxGapMs) {
        first = i;
        gapMs = hole;
      }
    }
    cutoffByChannel.set(channel, starts[first] as number);
    channels.push({
      channel,
      fromMs: starts[first] as number,
      toMs: starts[starts.length - 1] as number,
      rows: starts.length - first,
      leftOutRows: first,
      gapMs,
    });
  }
  const kept = rows.filter((row) => row.intervalStartMs >= (cutoffByChannel.get(row.channel) ?? Number.POSITIVE_INFINITY));
  return { kept, channels };
}

/** The history a forecast used, for people: local dates in the organisation's zone and a sentence. */
export interface HistorySpanSummary {
  /** Local dates (YYYY-MM-DD) of the earliest and latest kept interval over all channels. */
  fromDate: string;
  toDate: string;
  /** Local days from `fromDate` to `toDate`, both included. */
  days: number;
  /** Whole weeks in `days`. */
  weeks: number;
  channels: string[];
  rows: number;
  leftOutRows: number;
  /** The longest hole that cut history off, in whole days; null when nothing was cut. */
  gapDays: number | null;
  /** E.g. "Using history from 28 Sep to 22 Nov 2026 (8 weeks) of voice and email; 1,234 intervals before a 3-year gap were left out." */
  message: string;
}

/**
 * Summarises the channels' spans in `zone`: the dates, the length in weeks, the channels (in
 * `channelOrder` when given), and what a hole cut off, with the sentence the Staffing page
 * shows. Null when there is no history.
 * @example
 * summariseHistorySpan([{ channel: "voice", fromMs: Date.UTC(2026, 8, 28), toMs: Date.UTC(2026, 10, 22, 23, 30), rows: 2688, leftOutRows: 0, gapMs: null }], "UTC")?.message
 * //=> "Using history from 28 Sep to 22 Nov 2026 (8 weeks) of voice."
 */
export function summariseHistorySpan(
  spans: readonly ChannelSpan[],
  zone: string,
  opts: { channelOrder?: readonly string[] } = {},
): HistorySpanSummary | null {
  if (spans.length === 0) return null;
  const order = opts.channelOrder ?? [];
  // Channels in the organisation's order (unknown ones last), not the order rows happened to come in.
  const rank = (channel: string) => (order.includes(channel) ? order.indexOf(channel) : order.length);
  const channels = [...spans].sort((a, b) => rank(a.channel) - rank(b.channel));
  const fromMs = Math.min(...channels.map((c) => c.fromMs));
  const toMs = Math.max(...channels.map((c) => c.toMs));
  const from = DateTime.fromMillis(fromMs, { zone }).startOf("day");
  const to = DateTime.fromMillis(toMs, { zone }).startOf("day");
  const days = Math.round(to.diff(from, "days").days) + 1;
  const weeks = Math.floor(days / 7);
  const cut = channels.filter((c) => c.gapMs !== null);
  const leftOutRows = channels.reduce((s, c) => s + c.leftOutRows, 0);
  const longestGapMs = cut.length === 0 ? null : Math.max(...cut.map((c) => c.gapMs as number));
  const names = channels.map((c) => c.channel);
  let message = `Using history from ${dateRange(from, to)} (${lengthWords(days)}) of ${listWords(names)}`;
  if (longestGapMs !== null) {
    const which = cut.length < channels.length ? ` of ${listWords(cut.map((c) => c.channel))}` : "";
    message += `; ${leftOutRows.toLocaleString("en")} ${leftOutRows === 1 ? "interval" : "intervals"}${which} before a ${gapWords(longestGapMs)} gap ${leftOutRows === 1 ? "was" : "were"} left out`;
  }
  return {
    fromDate: from.toISODate() ?? "",
    toDate: to.toISODate() ?? "",
    days,
    weeks,
    channels: names,
    rows: channels.reduce((s, c) => s + c.rows, 0),
    leftOutRows,
    gapDays: longestGapMs === null ? null : Math.round(longestGapMs / MS_PER_DAY),
    message: `${message}.`,
  };
}

/**
 * Whether history spanning `fromMs`–`toMs` lies far from the planning weeks `[startMs, endMs)`:
 * it ends more than `farWeeks` weeks before them or starts more than `farWeeks` weeks after them,
 * so it may belong to another timeline (an old export, a file with the wrong year).
 * @example isFarFromPlanningWeeks({ fromMs: Date.UTC(2003, 0, 6), toMs: Date.UTC(2003, 5, 1) }, { startMs: Date.UTC(2026, 10, 23), endMs: Date.UTC(2026, 11, 21) }) //=> true
 */
export function isFarFromPlanningWeeks(
  span: { fromMs: number; toMs: number },
  planning: { startMs: number; endMs: number },
  farWeeks = DEFAULT_FAR_WEEKS,
): boolean {
  const toleranceMs = farWeeks * 7 * MS_PER_DAY;
  return span.toMs < planning.startMs - toleranceMs || span.fromMs >= planning.endMs + toleranceMs;
}

/**
 * The local dates of two instants in `zone` as a range in words: "28 Sep to 22 Nov 2026",
 * "28 Dec 2025 to 22 Feb 2026" across a year, one date for one day.
 * @example formatDateRange(Date.UTC(2026, 8, 28), Date.UTC(2026, 10, 22), "UTC") //=> "28 Sep to 22 Nov 2026"
 */
export function formatDateRange(fromMs: number, toMs: number, zone: string): string {
  return dateRange(DateTime.fromMillis(fromMs, { zone }), DateTime.fromMillis(toMs, { zone }));
}

function dateRange(from: DateTime, to: DateTime): string {
  if (from.hasSame(to, "day")) return from.toFormat("d LLL yyyy");
  return from.year === to.year ? `${from.toFormat("d LLL")} to ${to.toFormat("d LLL yyyy")}` : `${from.toFormat("d LLL yyyy")} to ${to.toFormat("d LLL yyyy")}`;
}

function lengthWords(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const dayWords = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
  if (weeks === 0) return dayWords(days);
  const weekWords = `${weeks} ${weeks === 1 ? "week" : "weeks"}`;
  return rest === 0 ? weekWords : `${weekWords}, ${dayWords(rest)}`;
}

/** A hole in words: days up to eight weeks, then months, then years. */
function gapWords(gapMs: number): string {
  const days = gapMs / MS_PER_DAY;
  if (days < 56) return `${Math.round(days)}-day`;
  if (days < 365) return `${Math.round(days / 30.44)}-month`;
  return `${Math.max(1, Math.round(days / 365.25))}-year`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}
