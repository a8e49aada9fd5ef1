/**
 * "How this is computed" for the picked interval and channel: the formulas with the engine's own
 * figures (traffic, servers, items per agent, service), so nothing is recomputed here.
 */
import { pct } from "@/app/_lib/format";
import { secs, type ChannelFigures, type EffectiveSettings } from "./staffing-model";

/** The explanation panel; a hint until a cell of the interval table is picked. */
export function HowComputed(props: {
  interval: { startsAtMs: number; label: string } | null;
  channel: ChannelFigures | null;
  settings: EffectiveSettings | null;
  intervalMinutes: number;
}) {
  const { channel: c, settings: s } = props;
  return (
    <section aria-labelledby="how-heading" className="card">
      <h2 id="how-heading" className="text-lg font-semibold">How this is computed</h2>
      {!c || !s || !props.interval ? (
        <p className="text-sm text-slate-600">Pick a cell in the interval table to see the formulas with its numbers.</p>
      ) : c.kind === "voice" || c.kind === "chat" ? (
        <ErlangExplanation c={c} s={s} intervalMinutes={props.intervalMinutes} label={props.interval.label} />
      ) : (
        <div className="space-y-1 text-sm">
          <p className="font-medium">{c.channelId} · {props.interval.label}</p>
          <p>Deferred work: items arrive ({c.contacts.toFixed(2)} forecast) and wait in a first-in-first-out queue; each must be answered within {s.responseTargetMinutes ?? "—"} minutes.</p>
          <p>Capacity per agent per interval = {props.intervalMinutes} min × 60 × occupancy {pct(s.maxOccupancy ?? 1, 0)} ÷ AHT {c.ahtSeconds.toFixed(0)} s = {(c.itemsPerAgent ?? 0).toFixed(2)} items.</p>
          <p>Fewest agents so that no item misses its deadline, backlog carried forward: <strong>{c.agents}</strong>; backlog at the end {c.backlogItems?.toFixed(2) ?? "0"} items, oldest waiting {c.oldestWaitingAgeSeconds === null ? "—" : `${Math.round(c.oldestWaitingAgeSeconds / 60)} min`}.</p>
          <p>With shrinkage {pct(s.shrinkage ?? 0, 0)}: ⌈{c.agents} ÷ (1 − {s.shrinkage ?? 0})⌉ = <strong>{c.agentsWithShrinkage}</strong>.</p>
        </div>
      )}
    </section>
  );
}

/** Erlang C (or Erlang A when the channel has a patience) with this interval's numbers; traffic, servers and chats per agent are the engine's. */
function ErlangExplanation(props: { c: ChannelFigures; s: EffectiveSettings; intervalMinutes: number; label: string }) {
  const { c, s } = props;
  if (c.probabilityAbandon !== null) return <ErlangAExplanation {...props} probabilityAbandon={c.probabilityAbandon} />;
  const concurrency = c.serversPerAgent ?? 1;
  const intervalSeconds = props.intervalMinutes * 60;
  const traffic = c.trafficErlangs ?? 0;
  const servers = c.servers ?? c.agents;
  const targetSeconds = s.targetSeconds ?? 0;
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">{c.channelId} · {props.label}</p>
      <p>Traffic A = contacts × AHT ÷ interval = {c.contacts.toFixed(2)} × {c.ahtSeconds.toFixed(0)} s ÷ {intervalSeconds} s = <strong>{traffic.toFixed(3)} Erlangs</strong></p>
      {concurrency > 1 ? <p>Chat: each agent holds {concurrency} chats, so N agents give N × {concurrency} servers.</p> : null}
      <p>Erlang B by recursion B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1)); P(wait) = N·B(N) ÷ (N − A·(1 − B(N))).</p>
      <p>Service level = 1 − P(wait) × e^(−(N − A) × T ÷ AHT), with T = {targetSeconds} s; ASA = P(wait) × AHT ÷ (N − A); occupancy = A ÷ N.</p>
      <p>
        Smallest N &gt; A meeting SL ≥ {pct(s.targetSl ?? 0, 0)}
        {s.maxOccupancy ? `, occupancy ≤ ${pct(s.maxOccupancy, 0)}` : ""}
        {s.targetAsaSeconds ? `, ASA ≤ ${s.targetAsaSeconds} s` : ""}: <strong>{concurrency > 1 ? `${servers} servers → ${c.agents} agents` : `${c.agents} agents`}</strong>, giving SL {pct(c.serviceLevel, 2)}, ASA {secs(c.asaSeconds)}, occupancy {pct(c.occupancy, 1)}.
      </p>
      <p>With shrinkage {pct(s.shrinkage ?? 0, 0)}: ⌈{c.agents} ÷ (1 − {s.shrinkage ?? 0})⌉ = <strong>{c.agentsWithShrinkage}</strong> agents to schedule.</p>
    </div>
  );
}

/** Erlang A (callers abandon) with this interval's numbers, all of them the engine's. */
function ErlangAExplanation(props: { c: ChannelFigures; s: EffectiveSettings; intervalMinutes: number; label: string; probabilityAbandon: number }) {
  const { c, s } = props;
  const concurrency = c.serversPerAgent ?? 1;
  const intervalSeconds = props.intervalMinutes * 60;
  const traffic = c.trafficErlangs ?? 0;
  const servers = c.servers ?? c.agents;
  const patience = s.patienceSeconds ?? 0;
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">{c.channelId} · {props.label} · Erlang A (callers abandon)</p>
      <p>Traffic A = contacts × AHT ÷ interval = {c.contacts.toFixed(2)} × {c.ahtSeconds.toFixed(0)} s ÷ {intervalSeconds} s = <strong>{traffic.toFixed(3)} Erlangs</strong></p>
      {concurrency > 1 ? <p>Chat: each agent holds {concurrency} chats, so N agents give N × {concurrency} servers.</p> : null}
      <p>Waiting callers hang up after {patience.toFixed(0)} s on average (exponential patience), so the queue is the birth–death chain M/M/N+M, solved exactly: with N busy and k waiting, contacts leave at N ÷ AHT + k ÷ patience.</p>
      <p>Service level = share of all arriving contacts answered within {s.targetSeconds ?? 0} s (abandoned contacts never count); P(abandon) = mean number waiting ÷ mean patience ÷ arrivals per second; ASA is that of answered contacts; occupancy = A × (1 − P(abandon)) ÷ N.</p>
      <p>
        Smallest N meeting SL ≥ {pct(s.targetSl ?? 0, 0)}
        {s.maxOccupancy ? `, occupancy ≤ ${pct(s.maxOccupancy, 0)}` : ""}
        {s.targetAsaSeconds ? `, ASA ≤ ${s.targetAsaSeconds} s` : ""}
        {s.maxAbandonRate ? `, abandons ≤ ${pct(s.maxAbandonRate, 1)}` : ""}: <strong>{concurrency > 1 ? `${servers} servers → ${c.agents} agents` : `${c.agents} agents`}</strong>, giving SL {pct(c.serviceLevel, 2)}, <strong>P(abandon) {pct(props.probabilityAbandon, 2)}</strong>, P(wait) {pct(c.probabilityWait, 1)}, ASA {secs(c.asaSeconds)}, occupancy {pct(c.occupancy, 1)}.
      </p>
      <p>With shrinkage {pct(s.shrinkage ?? 0, 0)}: ⌈{c.agents} ÷ (1 − {s.shrinkage ?? 0})⌉ = <strong>{c.agentsWithShrinkage}</strong> agents to schedule.</p>
    </div>
  );
}
