#pragma once
// A good-news rule on thresholds: "the figure of metric M for a subject in a period reaches T".
// It covers the generic rule (any metric, any threshold, any subject and period) and, over a
// metric the rule defines for itself, "today's subscription of product X reaches V" for the
// company, a person or a department. Several thresholds make several facts: each (subject,
// period, threshold) is good news once.

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/period.hpp"

namespace laurel::engine {

struct ThresholdRule {
  std::int64_t id = 0;
  std::int64_t metric_id = 0;
  std::vector<std::int64_t> thresholds;   // ascending, each > 0, no repeats
  std::vector<std::int64_t> subject_ids;  // empty: every subject of the metric
  // History before it builds state and announces nothing: a threshold reached earlier is
  // recorded as passed, silently.
  core::Timestamp effective_from{};
  // Good news detected more than this long after it became true is late. Part of the rule, so
  // a replay marks the same news late whatever the configuration says today.
  std::chrono::seconds grace{std::chrono::hours(72)};
  // Only this period's cells (a challenge's window, of the metric's period kind); none: every
  // period.
  std::optional<core::Period> period;
};

}  // namespace laurel::engine
