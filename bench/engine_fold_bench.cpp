// The recognition engine's metric fold, on one core: (1) its core path — bucket a trade into
// company-local periods and update the figures — over a million synthetic trades, with one metric
// and with a set of eight like the ones managers define; (2) a full replay of a demo company's
// event log from SQLite (read, decode the JSON payloads, fold), when LAUREL_BENCH_DEMO_DB names
// one (`laurel demo --generate-only --db FILE`); (3) the memory a million figures (metric cells)
// take.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "bench_support.hpp"
#include "crm/engine_feed.hpp"
#include "engine/metric_fold.hpp"
#include "engine/recognition.hpp"
#include "store/event_repository.hpp"

namespace laurel::bench {
namespace {

using engine::MetricDefinition;
using engine::SubjectKind;
using engine::TradeKind;

core::CompanyZone shanghai() {
  return *core::CompanyZone::locate("Asia/Shanghai");
}

engine::Reference demo_reference() {
  engine::Reference r;
  for (std::int64_t p = 1; p <= 30; ++p)
    r.products[p].type = p % 6 == 0 ? "money_market" : "bond";
  r.department_parent = {{1, 0}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 0}, {8, 0}};
  return r;
}

// A year of trades, in trade-time order as a TA system sends them: 60 salespeople, 800 clients.
std::vector<engine::TradeFact> trades(std::size_t n, std::int64_t clients = 800) {
  std::mt19937_64 random(7);
  std::vector<engine::TradeFact> out;
  out.reserve(n);
  const auto start = std::chrono::time_point_cast<std::chrono::microseconds>(
      date::sys_days(date::year(2025) / 12 / 1));
  const std::int64_t span = 365LL * 86'400'000'000;
  for (std::size_t i = 0; i < n; ++i) {
    engine::TradeFact t;
    t.id = static_cast<std::int64_t>(i) + 1;
    t.seq = t.id;
    t.trade_time = start + std::chrono::microseconds(span / static_cast<std::int64_t>(n) *
                                                     static_cast<std::int64_t>(i));
    t.client_id = 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(clients));
    t.product_id = 1 + static_cast<std::int64_t>(random() % 30);
    t.kind = static_cast<TradeKind>(random() % engine::kTradeKinds);
    t.amount_fen = 100'000 + static_cast<std::int64_t>(random() % 100'000'000);
    const std::int64_t staff = 1 + static_cast<std::int64_t>(random() % 60);
    t.credits = {{staff, 2 + staff % 5, t.amount_fen}};
    out.push_back(std::move(t));
  }
  return out;
}

MetricDefinition metric(std::int64_t id, SubjectKind subject, core::PeriodKind period,
                        engine::MetricKind kind = engine::MetricKind::sum) {
  MetricDefinition m;
  m.id = id;
  m.kind = kind;
  m.filter.trade_kinds = engine::MetricFilter::kinds({TradeKind::subscribe, TradeKind::purchase});
  m.subject = subject;
  m.period = period;
  return m;
}

std::vector<MetricDefinition> managers_metrics() {
  using core::PeriodKind;
  auto no_mmf = metric(1, SubjectKind::company, PeriodKind::day);
  no_mmf.filter.exclude_money_market = true;
  auto flow = metric(4, SubjectKind::department, PeriodKind::week);
  flow.filter.trade_kinds = 0;
  flow.sum_of = engine::SumOf::net_flow;
  flow.filter.product_types = {"bond"};
  return {no_mmf,
          metric(2, SubjectKind::staff, PeriodKind::day),
          metric(3, SubjectKind::staff, PeriodKind::month),
          flow,
          metric(5, SubjectKind::department, PeriodKind::quarter),
          metric(6, SubjectKind::product, PeriodKind::day),
          metric(7, SubjectKind::client, PeriodKind::all_time),
          metric(8, SubjectKind::staff, PeriodKind::month, engine::MetricKind::distinct_clients)};
}

void fold_trades(benchmark::State& state, std::vector<MetricDefinition> metrics) {
  const auto input = trades(1'000'000);
  for (auto _ : state) {
    engine::MetricFold fold(metrics, shanghai());
    fold.set_reference(demo_reference());
    for (const auto& t : input)
      fold.apply(t);
    benchmark::DoNotOptimize(fold.cell_count());
    state.counters["cells"] = static_cast<double>(fold.cell_count());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}

void BM_FoldOneMetric(benchmark::State& state) {
  fold_trades(state, {metric(1, SubjectKind::company, core::PeriodKind::day)});
}
BENCHMARK(BM_FoldOneMetric)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FoldEightMetrics(benchmark::State& state) {
  fold_trades(state, managers_metrics());
}
BENCHMARK(BM_FoldEightMetrics)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReplayDemoLog(benchmark::State& state) {
  const char* path = std::getenv("LAUREL_BENCH_DEMO_DB");
  if (!path) {
    state.SkipWithError("set LAUREL_BENCH_DEMO_DB to a demo database");
    return;
  }
  store::SqliteOptions options;
  options.path = path;
  auto store = must(store::SqliteStore::open(std::move(options)), "open the demo database");
  std::int64_t events = 0;
  for (auto _ : state) {
    engine::Recognition recognition(shanghai());
    for (auto& m : managers_metrics())
      recognition.fold.add_metric(std::move(m));
    const auto& fold = recognition.fold;
    crm::EngineFeed feed(recognition);
    auto connection = must(store->acquire(), "connect");
    store::EventRepository log(*connection);
    store::EventFilter page;
    page.limit = 10'000;
    events = 0;
    for (;;) {
      auto batch = must(log.list(page), "read the log");
      const bool more = batch.size() > static_cast<std::size_t>(page.limit);
      if (more) batch.pop_back();
      for (const auto& e : batch)
        must(feed.apply(e), "fold");
      events += static_cast<std::int64_t>(batch.size());
      if (!more) break;
      page.after_seq = batch.back().seq;
    }
    state.counters["events"] = static_cast<double>(events);
    state.counters["cells"] = static_cast<double>(fold.cell_count());
  }
  state.SetItemsProcessed(state.iterations() * events);
}
BENCHMARK(BM_ReplayDemoLog)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The process's resident memory, in bytes (Linux).
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  double size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE));
}

// Memory per million figures: a fold of two million trades of 4,000 clients into a daily figure
// per client (half a million cells: only subscriptions count); what the process grew by. The
// trades themselves are kept too (each record's latest version, for corrections), so they are
// counted apart: the same trades folded into one company figure a day give the baseline. Run
// each in a process of its own (--benchmark_filter=MemoryClient, then =MemoryCompany): memory
// freed by one is reused by the next and would hide the baseline.
void memory_of(benchmark::State& state, SubjectKind subject) {
  const auto input = trades(2'000'000, 4'000);
  for (auto _ : state) {
    const double before = resident_bytes();
    auto fold = std::make_unique<engine::MetricFold>(
        std::vector<MetricDefinition>{metric(1, subject, core::PeriodKind::day)}, shanghai());
    fold->set_reference(demo_reference());
    for (const auto& t : input)
      fold->apply(t);
    const double grown = resident_bytes() - before;
    state.counters["cells"] = static_cast<double>(fold->cell_count());
    state.counters["MiB"] = grown / (1024.0 * 1024.0);
    state.counters["MiB_per_M_cells"] =
        grown / (1024.0 * 1024.0) / (static_cast<double>(fold->cell_count()) / 1e6);
    benchmark::DoNotOptimize(fold.get());
  }
}

void BM_MemoryClientDailyFigures(benchmark::State& state) {
  memory_of(state, SubjectKind::client);
}
BENCHMARK(BM_MemoryClientDailyFigures)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_MemoryCompanyDailyFigures(benchmark::State& state) {
  memory_of(state, SubjectKind::company);
}
BENCHMARK(BM_MemoryCompanyDailyFigures)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace laurel::bench

BENCHMARK_MAIN();
