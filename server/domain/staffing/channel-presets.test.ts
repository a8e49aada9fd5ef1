import { describe, expect, it } from "vitest";
import { CHANNEL_PRESETS, STANDARD_CHANNEL_KEYS, findChannelPreset, presetsForKind, standardChannelPresets } from "./channel-presets";
import { computeStaffingRequirements, isDeferredKind } from "./requirements";

describe("channel presets", () => {
  it("lists the four standard channels with the standard ids, in order", () => {
    expect(standardChannelPresets().map((p) => p.key)).toEqual([...STANDARD_CHANNEL_KEYS]);
    expect(standardChannelPresets().map((p) => p.kind)).toEqual(["voice", "chat", "email", "social"]);
  });

  it("carries the brief's response expectations", () => {
    const voice = findChannelPreset("voice")?.targets;
    expect(voice).toMatchObject({ targetSl: 0.8, targetSeconds: 20, targetAsaSeconds: 120, maxOccupancy: 0.85, shrinkage: 0.15, ahtSeconds: 300 });
    // 0.8 minutes is 48 seconds.
    expect(findChannelPreset("chat")?.targets).toMatchObject({ targetSl: 0.8, targetSeconds: 48, concurrency: 2, ahtSeconds: 480, maxOccupancy: 0.85 });
    expect(findChannelPreset("email")?.targets).toMatchObject({ responseMinutes: 60, ahtSeconds: 360, shrinkage: 0.15 });
    expect(findChannelPreset("social")?.targets).toMatchObject({ responseMinutes: 60, ahtSeconds: 240 });
    expect(presetsForKind("messaging")).toHaveLength(1);
    expect(presetsForKind("messaging")[0]).toMatchObject({ key: "twitter", name: "Twitter/X", targets: { responseMinutes: 15 } });
  });

  it("has unique keys and names", () => {
    expect(new Set(CHANNEL_PRESETS.map((p) => p.key)).size).toBe(CHANNEL_PRESETS.length);
    expect(new Set(CHANNEL_PRESETS.map((p) => p.name)).size).toBe(CHANNEL_PRESETS.length);
  });

  it("fills exactly the targets its kind uses", () => {
    for (const preset of CHANNEL_PRESETS) {
      const t = preset.targets;
      if (isDeferredKind(preset.kind)) {
        expect(t.responseMinutes, preset.key).toBeGreaterThan(0);
        expect([t.targetSl, t.targetSeconds, t.targetAsaSeconds], preset.key).toEqual([null, null, null]);
      } else {
        expect(t.responseMinutes, preset.key).toBeNull();
        expect(t.targetSl, preset.key).toBeGreaterThan(0);
        expect(t.targetSeconds, preset.key).toBeGreaterThan(0);
      }
      expect(preset.kind === "chat" ? t.concurrency : 1, preset.key).toBe(t.concurrency);
    }
  });

  // The engine staffs deferred work at a response time of at least one interval, so the 15-minute
  // Twitter/X preset needs 15-minute intervals; the standard four work at every offered length.
  it.each([
    { intervalMinutes: 15, keys: CHANNEL_PRESETS.map((p) => p.key) },
    { intervalMinutes: 30, keys: [...STANDARD_CHANNEL_KEYS] },
    { intervalMinutes: 60, keys: [...STANDARD_CHANNEL_KEYS] },
  ])("is accepted by the staffing engine at $intervalMinutes-minute intervals", ({ intervalMinutes, keys }) => {
    const channels = CHANNEL_PRESETS.filter((p) => keys.includes(p.key)).map(({ key, kind, targets: t }) => ({
      channelId: key,
      kind,
      ahtSeconds: t.ahtSeconds,
      targetSl: t.targetSl,
      targetSeconds: t.targetSeconds,
      targetAsaSeconds: t.targetAsaSeconds,
      maxOccupancy: t.maxOccupancy,
      shrinkage: t.shrinkage,
      concurrency: t.concurrency,
      responseTargetMinutes: t.responseMinutes,
    }));
    const forecast = channels.map((c) => ({ startsAt: "2026-03-02T09:00:00Z", channelId: c.channelId, contacts: 40 }));
    const result = computeStaffingRequirements({ intervalMinutes, channels, forecast });
    expect(result.intervals[0]?.total.agents).toBeGreaterThan(0);
  });
});
