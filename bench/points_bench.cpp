// Points: the engine's awards and the ledger they post to.
//
//   PointsFold        a year of visits (1,000,000 by default; 60 people, 800 clients) through
//                     engine::PointsBook one event at a time, under a rule with a daily cap, a
//                     weekly cap and "the same client on the same day counts once"; a tenth of
//                     the visits arrive a few days late and out of order. Reports visits/s, the
//                     award changes seen, and the engine's resident memory per award.
//   LedgerPosting     award changes posted onto a SQLite ledger by crm::post_award, 10,000 per
//                     transaction as `laurel serve` posts a catch-up's: journals/s, entries/s
//                     and the database's bytes per entry.
//
// LAUREL_BENCH_VISITS sets the number of visits.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>

#include "bench_support.hpp"
#include "core/timestamp.hpp"
#include "crm/points_ledger.hpp"
#include "engine/points_book.hpp"
#include "store/connection.hpp"

namespace {

using namespace laurel;
using bench::must;

constexpr std::int64_t kMicrosPerHour = 3'600'000'000;
const core::Timestamp kYearStart{std::chrono::microseconds(1'767'196'800'000'000)};  // 2026-01-01

std::int64_t visits_wanted() {
  const char* v = std::getenv("LAUREL_BENCH_VISITS");
  return v ? std::atoll(v) : 1'000'000;
}

// Resident memory of this process, in bytes.
std::int64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::int64_t>(sysconf(_SC_PAGESIZE));
}

engine::PointsRule visit_rule() {
  engine::PointsRule rule;
  rule.id = 1;
  rule.points = 10;
  rule.daily_cap = 40;
  rule.weekly_cap = 150;
  rule.once_per_client_per_day = true;
  rule.effective_from = kYearStart;
  return rule;
}

std::vector<engine::VisitActivity> year_of_visits(std::int64_t n) {
  bench::Random random(20261202);
  std::vector<engine::VisitActivity> out;
  out.reserve(static_cast<std::size_t>(n));
  const std::int64_t span = 365 * 24 * kMicrosPerHour;
  for (std::int64_t i = 0; i < n; ++i) {
    engine::VisitActivity v;
    v.id = i + 1;
    v.occurred_at = kYearStart + std::chrono::microseconds(span / n * i);
    v.recorded_at = v.occurred_at + std::chrono::hours(2);
    if (random.chance(0.1)) {  // logged late, and so out of order
      v.recorded_at = v.occurred_at + std::chrono::hours(random.between(24, 24 * 6));
    }
    v.client_id = random.between(1, 800);
    v.kind = static_cast<std::uint8_t>(random.between(0, 4));
    v.staff_ids = {random.between(1, 60)};
    out.push_back(v);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.recorded_at < b.recorded_at; });
  return out;
}

void PointsFold(benchmark::State& state) {
  const auto visits = year_of_visits(visits_wanted());
  std::int64_t changes = 0, awards = 0, memory = 0;
  for (auto _ : state) {
    const auto before = resident_bytes();
    auto* book = new engine::PointsBook(*core::CompanyZone::locate("Asia/Shanghai"));
    book->begin({1, kYearStart});
    book->set_rule(visit_rule());
    book->settle();
    std::int64_t seq = 1;
    changes = 0;
    for (const auto& v : visits) {
      book->begin({++seq, v.recorded_at});
      book->apply(v);
      book->settle();
      changes += static_cast<std::int64_t>(book->take_changes().size());
    }
    awards = 0;
    book->for_each_award([&](const engine::Award&) { ++awards; });
    memory = resident_bytes() - before;
    state.PauseTiming();
    delete book;
    state.ResumeTiming();
  }
  state.counters["visits/s"] = benchmark::Counter(static_cast<double>(visits.size()),
                                                  benchmark::Counter::kIsIterationInvariantRate);
  state.counters["changes"] = static_cast<double>(changes);
  state.counters["awards"] = static_cast<double>(awards);
  state.counters["bytes/award"] =
      awards ? static_cast<double>(memory) / static_cast<double>(awards) : 0;
}
BENCHMARK(PointsFold)->Unit(benchmark::kMillisecond)->Iterations(1);

void LedgerPosting(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  std::int64_t entries = 0;
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    bench::TempDatabase file("laurel-points-bench");
    auto store = bench::open_store(file.path(), /*bulk_load=*/false);
    {
      auto connection = must(store->acquire(), "acquire");
      must(store::migrate(*connection), "migrate");
    }
    state.ResumeTiming();
    for (std::int64_t done = 0; done < n;) {
      auto write = must(store::WriteTransaction::begin(*store), "begin");
      for (int i = 0; i < 10'000 && done < n; ++i, ++done) {
        engine::AwardChange c;
        // Every tenth change reverses the one before it (a visit deleted).
        const bool reversal = done % 10 == 9;
        const auto record = reversal ? done - 1 : done;
        c.award.key = {1, 1 + record % 60, {engine::SourceKind::visit, record + 1}};
        c.award.version = 1;
        c.award.occurred_at = kYearStart + std::chrono::microseconds(done * kMicrosPerHour / 4);
        c.award.base = c.award.paid = 10;
        c.delta = reversal ? -10 : 10;
        c.seq = done + 1;
        c.at = c.award.occurred_at;
        must(crm::post_award(write.connection(), c, core::to_micros(c.at)), "post");
      }
      must(write.commit(), "commit");
    }
    state.PauseTiming();
    auto connection = must(store->acquire(), "acquire");
    entries =
        must(connection->query("SELECT count(*) FROM point_entries"), "count").front().integer(0);
    bytes = file.size();
    state.ResumeTiming();
  }
  state.counters["journals/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["entries/s"] = benchmark::Counter(static_cast<double>(entries),
                                                   benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/entry"] =
      entries ? static_cast<double>(bytes) / static_cast<double>(entries) : 0;
}
BENCHMARK(LedgerPosting)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
