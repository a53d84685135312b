#pragma once
// Metrics as data: admins and managers define what the recognition engine counts (see
// crm/metric_json.hpp for the shape). A definition is checked against the records it names and
// recorded in the event log as metric.created, which is how the engine learns of it: the engine
// reads its metrics from the log like everything else, so a replay defines them again in order.
// Definitions never change once made (figures keep their meaning); define a new metric instead.

#include <boost/json/object.hpp>
#include <cstdint>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/event_log.hpp"
#include "crm/metric_json.hpp"
#include "store/metric_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct Metric {
  store::MetricRecord record;
  engine::MetricDefinition definition;  // with its id
};

// Codes of the metrics Laurel defines itself (crm/built_in_boards.hpp); people cannot take them.
inline constexpr std::string_view kLaurelMetricPrefix = "laurel.";

struct MetricPage {
  std::vector<Metric> metrics;
  std::optional<std::int64_t> next_after_id;
};

// One value of an imported metric, as the warehouse pushes it.
struct MetricValueRow {
  std::int64_t subject_id = 0;
  core::LocalDate date;
  std::int64_t value = 0;  // fen, or a count
};

struct MetricValueReport {
  std::int64_t applied = 0;     // new (metric, subject, day) values
  std::int64_t corrected = 0;   // a different value for a day already imported
  std::int64_t duplicates = 0;  // the same value again: nothing changes
};

class MetricService {
 public:
  MetricService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<Metric> create(const MetricInput& input, const auth::Actor& actor);
  core::Result<Metric> get(std::int64_t id);
  core::Result<MetricPage> list(std::int64_t after_id, int limit);

  // At most this many values per import.
  static constexpr std::size_t kMaxValues = 10'000;
  // An imported metric's values, all or nothing: every subject must exist (the company is
  // subject 0), a (subject, day) at most once per batch. Each new or changed value is logged
  // (metric_value.imported / metric_value.corrected), which the engine folds like any record.
  // A metric of another kind is a conflict.
  core::Result<MetricValueReport> import_values(std::int64_t metric_id,
                                                const std::vector<MetricValueRow>& rows,
                                                const auth::Actor& actor);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object metric_to_json(const Metric& metric);
// Stores and logs a metric inside the caller's transaction: the references its filter names are
// checked, its code and name are not (MetricService::create checks them; Laurel's own metrics
// take codes people cannot).
core::Result<Metric> insert_metric(store::Connection& db, const core::Clock& clock,
                                   const EventLog& events, const MetricInput& input,
                                   const auth::Actor& actor);
// A stored metric with its definition read (an unreadable one is an internal error).
core::Result<Metric> metric_of(store::MetricRecord record);

}  // namespace laurel::crm
