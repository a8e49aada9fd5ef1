/**
 * The staffing engine: Erlang C for live queues, chat slots, deferred work for email and social,
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
export { requiredChatAgents, requiredDeferredAgents, simulateDeferredWork } from "./channel-models";
export type { ChatStaffingInput, ChatStaffingResult, DeferredIntervalResult, DeferredWorkInput } from "./channel-models";
export { MAX_INTERVALS, computeStaffingRequirements, isDeferredKind } from "./requirements";
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
