// `laurel replay`: rebuild the recognition engine's state from the whole event log, as `laurel
// serve` does at startup, and report what it found — how far the log goes, the metrics and
// figures it holds, how long it took, and every event the engine could not read (then it exits
// 1) — and compare every derived fact it rebuilt with the one stored: each good news missing from
// the good_news table, there without the log giving it (extra), or with other values (altered,
// naming the columns) is reported, and then it exits 1. The points ledger is checked the same way:
// every account's balance must be the sum of its entries, every journal's legs must sum to zero
// in each currency, and what each award holds on the ledger (its earn and reverse journals) must
// be what the log gives it, and every rewards order must have the hold, settle and release
// journals of where it stands. It writes nothing.

#include <chrono>
#include <iostream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "crm/engine_service.hpp"
#include "store/good_news_repository.hpp"
#include "store/migrator.hpp"
#include "store/point_ledger_repository.hpp"
#include "store/reward_repository.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::cli {
namespace {

// The columns in which a stored good news differs from the one the log gives.
std::string differences(const store::DetectedGoodNews& log, const store::DetectedGoodNews& stored) {
  std::string out;
  auto compare = [&](const char* column, auto a, auto b) {
    if (a != b) out += (out.empty() ? "" : ", ") + std::string(column);
  };
  compare("rule_id", log.rule_id, stored.rule_id);
  compare("subject_id", log.subject_id, stored.subject_id);
  compare("period", log.period, stored.period);
  compare("threshold", log.threshold, stored.threshold);
  compare("record_id", log.record_id, stored.record_id);
  compare("became_true_at", log.became_true_at, stored.became_true_at);
  compare("detected_seq", log.detected_seq, stored.detected_seq);
  compare("detected_at", log.detected_at, stored.detected_at);
  compare("late", log.late, stored.late);
  compare("silent", log.silent, stored.silent);
  compare("holds", log.holds, stored.holds);
  compare("no_longer_holds_at", log.no_longer_holds_at, stored.no_longer_holds_at);
  compare("derived_seq", log.derived_seq, stored.derived_seq);
  return out;
}

// Reports every difference on stderr; returns how many there were.
std::size_t compare_good_news(const std::vector<store::DetectedGoodNews>& log,
                              const std::vector<store::DetectedGoodNews>& stored) {
  std::size_t problems = 0;
  auto l = log.begin();
  auto s = stored.begin();
  while (l != log.end() || s != stored.end()) {
    if (s == stored.end() || (l != log.end() && l->fact_key < s->fact_key)) {
      std::cerr << "laurel: good news " << l->fact_key << " is missing from the database\n";
      ++l;
    } else if (l == log.end() || s->fact_key < l->fact_key) {
      std::cerr << "laurel: good news " << s->fact_key
                << " is in the database but the log does not give it\n";
      ++s;
    } else {
      const auto diff = differences(*l, *s);
      if (diff.empty()) {
        ++l;
        ++s;
        continue;
      }
      std::cerr << "laurel: good news " << l->fact_key << " is altered in the database: " << diff
                << "\n";
      ++l;
      ++s;
    }
    ++problems;
  }
  return problems;
}

std::string award_name(const store::PointLedgerRepository::AwardTotal& a) {
  return "award of rule " + std::to_string(a.rule_id) + " to staff " + std::to_string(a.staff_id) +
         " for " + a.source_kind + " " + std::to_string(a.source_id);
}

// The points ledger against the log: balances, journals and every award. Reports on stderr;
// returns how many problems there were.
core::Result<std::size_t> check_ledger(
    store::Connection& db, const std::vector<store::PointLedgerRepository::AwardTotal>& rebuilt) {
  store::PointLedgerRepository ledger(db);
  auto unbalanced = ledger.unbalanced();
  if (!unbalanced) return unbalanced.error();
  std::size_t problems = unbalanced->size();
  for (const auto& u : *unbalanced) {
    std::cerr << "laurel: points " << u.what << " holds " << u.stored << " but its entries sum to "
              << u.sum << "\n";
  }
  auto orders = store::RewardRepository(db).orders_off_the_ledger();
  if (!orders) return orders.error();
  problems += orders->size();
  for (const auto& o : *orders) {
    std::cerr << "laurel: points order " << o.id << " is " << o.status << " but the ledger has "
              << o.holds << " hold, " << o.settlements << " settle and " << o.releases
              << " release journals of its points\n";
  }
  auto stored = ledger.award_totals();
  if (!stored) return stored.error();
  const auto key = [](const auto& a) {
    return std::tie(a.rule_id, a.staff_id, a.source_kind, a.source_id);
  };
  auto l = rebuilt.begin();
  auto s = stored->begin();
  while (l != rebuilt.end() || s != stored->end()) {
    if (s != stored->end() && s->points == 0) {  // earned and reversed: nothing either way
      ++s;
      continue;
    }
    if (s == stored->end() || (l != rebuilt.end() && key(*l) < key(*s))) {
      std::cerr << "laurel: points " << award_name(*l) << " (" << l->points
                << ") is missing from the ledger\n";
      ++l;
    } else if (l == rebuilt.end() || key(*s) < key(*l)) {
      std::cerr << "laurel: points " << award_name(*s) << " (" << s->points
                << ") is on the ledger but the log does not give it\n";
      ++s;
    } else {
      if (l->points == s->points) {
        ++l;
        ++s;
        continue;
      }
      std::cerr << "laurel: points " << award_name(*l) << " holds " << s->points
                << " on the ledger but the log gives " << l->points << "\n";
      ++l;
      ++s;
    }
    ++problems;
  }
  return problems;
}

}  // namespace

void add_replay_command(CLI::App& app, Run& run) {
  static CommonOptions options;
  auto* replay = app.add_subcommand(
      "replay", "Rebuild the recognition engine from the event log and report what it found");
  add_common_options(*replay, options, false);
  replay->callback([&run] {
    run = [] {
      auto config = load(options);
      if (!config) return fail(config.error());
      auto zone = core::CompanyZone::locate(config->company.timezone);
      if (!zone) return fail(zone.error());
      auto store = store::SqliteStore::open({config->database.path, config->database.busy_timeout});
      if (!store) return fail(store.error());
      {
        auto connection = (*store)->acquire();
        if (!connection) return fail(connection.error());
        if (auto s = store::check_schema_current(**connection); !s) return fail(s.error());
      }
      // Never destroyed: the process ends right after, and the OS takes the memory back at
      // once, where freeing the engine's millions of small nodes took a tenth of the replay.
      auto& engine = *new crm::EngineService(**store, *zone, /*store_good_news=*/false);
      const auto started = std::chrono::steady_clock::now();
      if (auto s = engine.catch_up(); !s) return fail(s.error());
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - started);
      const auto rebuilt = engine.detected_good_news();
      std::vector<store::DetectedGoodNews> stored;
      std::size_t ledger_problems = 0;
      {
        auto connection = (*store)->acquire();
        if (!connection) return fail(connection.error());
        auto rows = store::GoodNewsRepository(**connection).all_detected();
        if (!rows) return fail(rows.error());
        stored = std::move(*rows);
        auto checked = check_ledger(**connection, engine.award_totals());
        if (!checked) return fail(checked.error());
        ledger_problems = *checked;
      }
      std::cout << "events folded: up to " << engine.folded_up_to() << "\n"
                << "metrics: " << engine.metric_count() << "\n"
                << "figures: " << engine.figure_count() << "\n"
                << "good news: " << rebuilt.size() << "\n"
                << "time: " << elapsed.count() << " ms\n"
                << "unreadable events: " << engine.unreadable_events() << "\n";
      for (const auto& problem : engine.problems())
        std::cerr << "laurel: " << problem << "\n";
      const auto differing = compare_good_news(rebuilt, stored);
      std::cout << "stored good news differing from the log: " << differing << "\n"
                << "points ledger problems: " << ledger_problems << "\n";
      return engine.unreadable_events() == 0 && differing == 0 && ledger_problems == 0 ? 0 : 1;
    };
  });
}

}  // namespace laurel::cli
