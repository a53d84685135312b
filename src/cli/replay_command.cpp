// `laurel replay`: rebuild the recognition engine's state from the whole event log, as `laurel
// serve` does at startup, and report what it found — how far the log goes, the metrics and
// figures it holds, how long it took, and every event the engine could not read (then it exits
// 1) — and compare every derived fact it rebuilt with the one stored: each good news missing from
// the good_news table, there without the log giving it (extra), or with other values (altered,
// naming the columns) is reported, and then it exits 1. The points ledger is checked the same way:
// every account's balance must be the sum of its entries, every journal's legs must sum to zero
// in each currency, and what each award holds on the ledger (its earn and reverse journals) must
// be what the log gives it, and every rewards order must have the hold, settle and release
// journals of where it stands. So are the flags' first uses (engine/first_use_book.hpp) and where
// people stand on badges (engine/badge_book.hpp). It writes nothing.

#include <chrono>
#include <iostream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "crm/engine_service.hpp"
#include "store/badge_repository.hpp"
#include "store/flag_repository.hpp"
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

// Walks what the log gives and what is stored, both sorted by `key`, and tells each difference:
// missing(given) for one not stored, extra(stored) for one the log does not give, and
// altered(given, stored) for two of the same key, which returns false when they agree. Returns
// how many differences there were.
template <class T, class Key, class Missing, class Extra, class Altered>
std::size_t compare_sorted(const std::vector<T>& log, const std::vector<T>& stored, Key key,
                           Missing missing, Extra extra, Altered altered) {
  std::size_t problems = 0;
  auto l = log.begin();
  auto s = stored.begin();
  while (l != log.end() || s != stored.end()) {
    if (s == stored.end() || (l != log.end() && key(*l) < key(*s))) {
      missing(*l++);
    } else if (l == log.end() || key(*s) < key(*l)) {
      extra(*s++);
    } else if (!altered(*l++, *s++)) {
      continue;
    }
    ++problems;
  }
  return problems;
}

// Reports every difference on stderr; returns how many there were.
std::size_t compare_good_news(const std::vector<store::DetectedGoodNews>& log,
                              const std::vector<store::DetectedGoodNews>& stored) {
  return compare_sorted(
      log, stored, [](const auto& g) { return g.fact_key; },
      [](const auto& g) {
        std::cerr << "laurel: good news " << g.fact_key << " is missing from the database\n";
      },
      [](const auto& g) {
        std::cerr << "laurel: good news " << g.fact_key
                  << " is in the database but the log does not give it\n";
      },
      [](const auto& given, const auto& kept) {
        const auto diff = differences(given, kept);
        if (diff.empty()) return false;
        std::cerr << "laurel: good news " << given.fact_key
                  << " is altered in the database: " << diff << "\n";
        return true;
      });
}

std::string badge_name(const store::BadgeAwardRecord& b) {
  return "badge of rule " + std::to_string(b.rule_id) + " for staff " + std::to_string(b.staff_id);
}

// Where people stand on badges against the log; returns how many differ.
core::Result<std::size_t> check_badges(store::Connection& db,
                                       const std::vector<store::BadgeAwardRecord>& rebuilt) {
  auto stored = store::BadgeRepository(db).all_awards();
  if (!stored) return stored.error();
  const auto standing = [](const store::BadgeAwardRecord& b) {
    return std::string(b.holds ? "held" : "taken back") + " (visit " + std::to_string(b.visit_id) +
           ")";
  };
  return compare_sorted(
      rebuilt, *stored, [](const auto& b) { return std::tie(b.rule_id, b.staff_id); },
      [&](const auto& b) {
        std::cerr << "laurel: " << badge_name(b) << ", " << standing(b)
                  << ", is missing from the database\n";
      },
      [&](const auto& b) {
        std::cerr << "laurel: " << badge_name(b) << ", " << standing(b)
                  << ", is in the database but the log does not give it\n";
      },
      [&](const auto& given, const auto& kept) {
        if (given.holds == kept.holds && given.visit_id == kept.visit_id &&
            given.earned_at == kept.earned_at) {
          return false;
        }
        std::cerr << "laurel: " << badge_name(given) << " is " << standing(kept)
                  << " in the database but the log gives " << standing(given) << "\n";
        return true;
      });
}

std::string first_use_name(const store::FirstUseRecord& u) {
  return "first use of " + u.function + " by staff " + std::to_string(u.staff_id);
}

// The flags' first uses against the log; returns how many differ.
core::Result<std::size_t> check_first_uses(store::Connection& db,
                                           const std::vector<store::FirstUseRecord>& rebuilt) {
  auto stored = store::FlagRepository(db).all_first_uses();
  if (!stored) return stored.error();
  return compare_sorted(
      rebuilt, *stored, [](const auto& u) { return std::tie(u.staff_id, u.function); },
      [](const auto& u) {
        std::cerr << "laurel: " << first_use_name(u) << " (event " << u.event_seq
                  << ") is missing from the database\n";
      },
      [](const auto& u) {
        std::cerr << "laurel: " << first_use_name(u) << " (event " << u.event_seq
                  << ") is in the database but the log does not give it\n";
      },
      [](const auto& given, const auto& kept) {
        if (given == kept) return false;
        std::cerr << "laurel: " << first_use_name(given) << " is event " << kept.event_seq
                  << " in the database but the log gives event " << given.event_seq << "\n";
        return true;
      });
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
  // Earned and reversed: nothing either way.
  std::erase_if(*stored, [](const auto& a) { return a.points == 0; });
  return problems + compare_sorted(
                        rebuilt, *stored,
                        [](const auto& a) {
                          return std::tie(a.rule_id, a.staff_id, a.source_kind, a.source_id);
                        },
                        [](const auto& a) {
                          std::cerr << "laurel: points " << award_name(a) << " (" << a.points
                                    << ") is missing from the ledger\n";
                        },
                        [](const auto& a) {
                          std::cerr << "laurel: points " << award_name(a) << " (" << a.points
                                    << ") is on the ledger but the log does not give it\n";
                        },
                        [](const auto& given, const auto& kept) {
                          if (given.points == kept.points) return false;
                          std::cerr << "laurel: points " << award_name(given) << " holds "
                                    << kept.points << " on the ledger but the log gives "
                                    << given.points << "\n";
                          return true;
                        });
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
      std::size_t first_use_problems = 0;
      std::size_t badge_problems = 0;
      {
        auto connection = (*store)->acquire();
        if (!connection) return fail(connection.error());
        auto rows = store::GoodNewsRepository(**connection).all_detected();
        if (!rows) return fail(rows.error());
        stored = std::move(*rows);
        auto checked = check_ledger(**connection, engine.award_totals());
        if (!checked) return fail(checked.error());
        ledger_problems = *checked;
        auto uses = check_first_uses(**connection, engine.first_uses());
        if (!uses) return fail(uses.error());
        first_use_problems = *uses;
        auto badges = check_badges(**connection, engine.badge_awards());
        if (!badges) return fail(badges.error());
        badge_problems = *badges;
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
                << "points ledger problems: " << ledger_problems << "\n"
                << "flags' first uses differing from the log: " << first_use_problems << "\n"
                << "badges differing from the log: " << badge_problems << "\n";
      return engine.unreadable_events() == 0 && differing == 0 && ledger_problems == 0 &&
                     first_use_problems == 0 && badge_problems == 0
                 ? 0
                 : 1;
    };
  });
}

}  // namespace laurel::cli
