#pragma once
// Feeds the recognition engine from the event log. The engine knows nothing of JSON
// (ARCHITECTURE.md): this is where the payloads crm writes become its facts — transactions
// (recorded, confirmed, failed, cancelled) and visits (recorded, updated, deleted) as facts,
// products and departments as the reference data metrics filter by, and the metrics themselves
// (metric.created: a metric defined later counts the records before it), and the good-news rules
// (good_news_rule.created) the threshold and first-order watches judge, with the campaigns
// (campaign.created / .updated) first orders are of. Each event the engine reads is bracketed
// by the watch's begin/settle, so what it detects is stamped with that event's seq and
// recorded_at. Other events are skipped.

#include <unordered_map>

#include "core/error.hpp"
#include "crm/good_news_rule.hpp"
#include "engine/metric_fold.hpp"
#include "engine/threshold_watch.hpp"
#include "store/event_repository.hpp"

namespace laurel::crm {

class EngineFeed {
 public:
  EngineFeed(engine::MetricFold& fold, engine::ThresholdWatch& watch,
             engine::FirstOrderWatch& first_orders)
      : fold_(fold), watch_(watch), first_orders_(first_orders) {}

  // An error names the event (its seq) whose payload could not be read; the fold is unchanged.
  core::Status apply(const store::EventRecord& event);

  // The good-news rules read so far, by id.
  const GoodNewsRule* rule(std::int64_t id) const;

 private:
  engine::MetricFold& fold_;
  engine::ThresholdWatch& watch_;
  engine::FirstOrderWatch& first_orders_;
  std::unordered_map<std::int64_t, GoodNewsRule> rules_;
};

}  // namespace laurel::crm
