#pragma once
// The metrics part of the recognition engine: a deterministic fold of transactions and visits
// into figures per metric, subject and period. Each record counts by its latest version (the
// highest log position of its id): a correction or a cancellation takes back what the version
// before it added and adds its own, so the figures are a function of the records in effect —
// the same records arriving in any order give the same figures (ARCHITECTURE.md, time rules).
// Periods are the company-local days of the records' occurred_at (a trade: its trade time).
//
// Not thread-safe: one fold per engine, fed in log order.

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/local_date.hpp"
#include "core/period.hpp"
#include "engine/facts.hpp"
#include "engine/metric.hpp"

namespace laurel::engine {

// Where a record sits on a metric's timeline: its occurred_at (a trade: its trade time), ties
// broken by the record's id (the order records were first logged in, stable across corrections).
struct Moment {
  core::Timestamp at{};
  std::int64_t record_id = 0;
  auto operator<=>(const Moment&) const = default;
};

// One record's share of one cell (metric, subject, period), as the fold adds it (+1) or takes it
// back when a newer version of the record arrives (-1, with the old version's moment).
struct Contribution {
  std::int64_t metric_id = 0;
  std::int64_t subject_id = 0;
  std::int32_t period_index = 0;
  Moment moment;
  std::int64_t delta = 0;   // count: 1; sum: the (signed) amount; distinct: 1
  std::int64_t client = 0;  // distinct_clients: the client counted
  int sign = +1;
};

// Told of every contribution to the metrics it watches (MetricFold::watch), so it can lay them
// out on the timeline; `reset` comes first when a metric's figures are computed afresh.
class FoldObserver {
 public:
  virtual ~FoldObserver() = default;
  virtual void reset(std::int64_t metric_id) = 0;
  virtual void contributed(const Contribution& contribution) = 0;
};

class MetricFold {
 public:
  MetricFold(std::vector<MetricDefinition> metrics, core::CompanyZone zone);

  // A new version of a record (or its first). Versions older than the one held are ignored.
  void apply(const TradeFact& trade);
  void apply(const VisitFact& visit);
  void apply(const ImportedFact& value);
  void apply(const TargetFact& target);
  // A metric defined while the fold runs: the records already folded count for it at once.
  // A metric id the fold has already is replaced (its figures computed afresh).
  void add_metric(MetricDefinition metric);
  bool has_metric(std::int64_t metric_id) const;
  // From now on `observer` hears every contribution to the metric, starting with all of those
  // already folded (after a reset). Several observers may watch one metric (the threshold watch,
  // the leaderboards); watching again replays the metric to that observer alone (a reset, then
  // every contribution). The metric must be known.
  void watch(std::int64_t metric_id, FoldObserver& observer);
  const MetricDefinition* metric(std::int64_t metric_id) const;
  // A campaign, new or changed: the metrics filtered by it are computed again.
  void set_campaign(CampaignFact campaign);
  // Products or the department tree changed: figures that depend on them are computed again.
  void set_reference(Reference reference);
  const Reference& reference() const { return reference_; }

  // The figure of a metric for a subject (0 for the company) in a period; 0 when nothing counted.
  std::int64_t value(std::int64_t metric_id, std::int64_t subject_id, core::Period period) const;
  // Every non-zero figure of a metric, in no particular order.
  struct Cell {
    std::int64_t subject_id;
    core::Period period;
    std::int64_t value;
  };
  std::vector<Cell> cells(std::int64_t metric_id) const;
  // Those of one period only.
  std::vector<Cell> cells(std::int64_t metric_id, core::Period period) const;
  std::size_t cell_count() const;
  std::size_t metric_count() const { return metrics_.size(); }

 private:
  struct Key {
    std::int64_t subject;
    std::int32_t period;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      return std::hash<std::int64_t>()(k.subject * 1'000'003 + k.period);
    }
  };
  struct State {
    MetricDefinition definition;
    std::vector<FoldObserver*> observers;
    std::unordered_map<Key, std::int64_t, KeyHash> values;
    // distinct_clients: how many records count each client in each cell.
    std::unordered_map<Key, std::unordered_map<std::int64_t, std::int32_t>, KeyHash> clients;
  };

  // `day`: the record's company-local day, looked up once per record rather than per metric.
  void fold(State& state, const TradeFact& trade, date::sys_days day, int sign);
  void fold(State& state, const VisitFact& visit, date::sys_days day, int sign);
  void fold(State& state, const ImportedFact& value, int sign);
  void fold(State& state, const TargetFact& target, int sign);
  // A client target as the metrics of clients with a target look it up.
  struct ClientTarget {
    bool of_department;
    std::int64_t subject_id;
    core::Period period;
    std::int64_t client_id;
    TargetMeasure measure;
    auto operator<=>(const ClientTarget&) const = default;
  };
  static std::optional<ClientTarget> client_target(const TargetFact& target);
  // Folds (+1) or takes back (-1) the client's trades in the metrics of clients with a target.
  void recount_trades_of(std::int64_t client_id, int sign);
  // A client's position in a fund: the trades that net against each other.
  struct Holding {
    std::int64_t client_id;
    std::int64_t product_id;
    bool operator==(const Holding&) const = default;
  };
  struct HoldingHash {
    std::size_t operator()(const Holding& h) const noexcept {
      return std::hash<std::int64_t>()(h.client_id * 1'000'003 + h.product_id);
    }
  };
  static bool nets_redemptions(const State& state) {
    return state.definition.filter.net_of_redemptions_within_days.has_value();
  }
  // Folds (+1) or takes back (-1) a holding's inflows, each for what its redemptions within the
  // metric's window left of it.
  void fold_netted(State& state, const Holding& holding, int sign);
  void fold_trade(State& state, const TradeFact& trade, int sign);
  void add(State& state, std::int64_t subject, std::int32_t period, std::int64_t amount,
           std::int64_t client, int sign);
  void tell(const State& state, std::int64_t subject, std::int32_t period, std::int64_t delta,
            std::int64_t client, int sign);
  bool product_passes(const MetricFilter& filter, std::int64_t product_id) const;
  void rebuild();
  // `only`: tell just that observer (one that starts watching); the others heard it all before.
  void refold(State& state, FoldObserver* only = nullptr);

  std::vector<State> metrics_;
  core::ZoneDays days_;
  core::CompanyZone zone_;
  Reference reference_;
  std::unordered_map<std::int64_t, TradeFact> trades_;
  std::unordered_map<std::int64_t, VisitFact> visits_;
  std::unordered_map<std::int64_t, ImportedFact> imported_;
  std::unordered_map<std::int64_t, TargetFact> targets_;
  // Client targets in effect, counted (one per subject, client, measure and period in crm).
  std::map<ClientTarget, int> client_targets_;
  // Each client's trades by id (a corrected trade may be listed under a former client too).
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> trades_of_client_;
  // Each holding's trades by id, likewise (for the metrics net of redemptions).
  std::unordered_map<Holding, std::vector<std::int64_t>, HoldingHash> trades_of_holding_;
  // Scratch space, reused so the hot path does not allocate.
  std::vector<std::int64_t> departments_;
  std::vector<std::pair<std::int64_t, std::int64_t>> contributions_;
  FoldObserver* only_ = nullptr;  // set while refolding for one new observer
  Moment moment_;                 // of the record being folded, for the observers
};

}  // namespace laurel::engine
