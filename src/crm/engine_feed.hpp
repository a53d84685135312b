#pragma once
// Feeds the recognition engine from the event log. The engine knows nothing of JSON
// (ARCHITECTURE.md): this is where the payloads crm writes become its facts — transactions
// (recorded, confirmed, failed, cancelled) and visits (recorded, updated, deleted) as facts,
// products and departments as the reference data metrics filter by, and the metrics themselves
// (metric.created: a metric defined later counts the records before it). Other events are skipped.

#include "core/error.hpp"
#include "engine/metric_fold.hpp"
#include "store/event_repository.hpp"

namespace laurel::crm {

class EngineFeed {
 public:
  explicit EngineFeed(engine::MetricFold& fold) : fold_(fold) {}

  // An error names the event (its seq) whose payload could not be read; the fold is unchanged.
  core::Status apply(const store::EventRecord& event);

 private:
  engine::MetricFold& fold_;
};

}  // namespace laurel::crm
