/**
 * The staffing engine: Erlang C for live queues (Erlang A when callers abandon), chat slots, deferred work for email and social,
 * and the per-interval requirements the staffing page and the roster builder consume.
 */
export {
  MAX_TRAFFIC_ERLANGS,
  StaffingInputError,
  achievedService,
  agentsWithShrinkage,
  averageSpeedOfAnswerSeconds,
  erlangB,
  occupancy,
  probabilityWait,
  requiredAgents,
  requiredServersInGroups,
  serviceLevel,
  trafficErlangs,
} from "./erlang-c";
export type { AchievedService, AchievedServiceInput, GroupedStaffing, StaffingInput, StaffingResult } from "./erlang-c";
export { achievedServiceErlangA, requiredAgentsErlangA, requiredServersErlangA } from "./erlang-a";
export type { ErlangAAchievedInput, ErlangAGroupedStaffing, ErlangAService, ErlangAStaffingInput, ErlangAStaffingResult } from "./erlang-a";
export { MIN_ABANDONED_CONTACTS, MIN_ABANDONED_SHARE, estimatePatienceSeconds, resolvePatienceSeconds } from "./patience";
export type { AbandonHistoryRow } from "./patience";
export { requiredChatAgents, requiredDeferredAgents, simulateDeferredWork } from "./channel-models";
export type { ChatStaffingInput, ChatStaffingResult, DeferredIntervalResult, DeferredWorkInput } from "./channel-models";
export { MAX_INTERVALS, computeStaffingRequirements, isDeferredKind, responseTargetProblem } from "./requirements";
export { compareChannelModels } from "./model-comparison";
export type { ModelComparison } from "./model-comparison";
export type {
  ChannelKind,
  ChannelRequirement,
  ChannelSettings,
  ForecastInterval,
  IntervalRequirement,
  StaffingRequirements,
  StaffingRequirementsInput,
} from "./requirements";
