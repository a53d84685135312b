#pragma once
// The recognition engine inside `laurel serve`: the metric fold, kept up to date by reading the
// event log's tail — every event after the last one folded, in log order — before answering. The
// log is the only input, so several Laurel nodes over one database each fold the same figures,
// and a restart folds the whole log again (1.7 s for the demo year, docs/benchmarks.md).
// Thread-safe: one fold, guarded by a mutex.
//
// Reading "after the last seq folded" is exact on SQLite, where one writer at a time means seqs
// commit in order. A PostgreSQL backend (several writers) must not let a reader pass a seq whose
// transaction has not committed yet — e.g. fold only up to the oldest seq still in flight — or a
// late commit would be skipped for good; that belongs with that backend.

#include <mutex>

#include "core/period.hpp"
#include "crm/engine_feed.hpp"
#include "engine/metric_fold.hpp"
#include "store/store.hpp"

namespace laurel::crm {

class EngineService {
 public:
  EngineService(store::Store& store, core::CompanyZone zone);

  // Folds what the log holds beyond the last event folded. An event whose payload cannot be read
  // is skipped and counted (the fold never stops on one bad record).
  core::Status catch_up();

  struct Figures {
    engine::MetricDefinition definition;
    std::vector<engine::MetricFold::Cell> cells;  // of the period asked for, largest first
  };
  // After catching up: a metric's figures in one period (of the metric's own period kind).
  // A metric the log has not defined answers not_found.
  core::Result<Figures> figures(std::int64_t metric_id, core::Period period);

  std::int64_t folded_up_to() const;
  std::int64_t unreadable_events() const;
  // What was wrong with the first unreadable events (at most 100), for `laurel replay`.
  std::vector<std::string> problems() const;
  std::size_t metric_count() const;
  std::size_t figure_count() const;

 private:
  core::Status catch_up_locked();

  store::Store& store_;
  mutable std::mutex mutex_;
  engine::MetricFold fold_;
  EngineFeed feed_;
  std::int64_t last_seq_ = 0;
  std::int64_t unreadable_ = 0;
  std::vector<std::string> problems_;
};

}  // namespace laurel::crm
