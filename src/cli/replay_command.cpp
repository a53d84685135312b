// `laurel replay`: rebuild the recognition engine's state from the whole event log, as `laurel
// serve` does at startup, and report what it found — how far the log goes, the metrics and
// figures it holds, how long it took, and every event the engine could not read (then it exits
// 1). Stored derived facts (good news, ledger entries) are compared here as they arrive in later
// parts of the recognition engine; today the engine keeps its figures in memory only.

#include <chrono>
#include <iostream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "crm/engine_service.hpp"
#include "store/migrator.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::cli {

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
      crm::EngineService engine(**store, *zone);
      const auto started = std::chrono::steady_clock::now();
      if (auto s = engine.catch_up(); !s) return fail(s.error());
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - started);
      std::cout << "events folded: up to " << engine.folded_up_to() << "\n"
                << "metrics: " << engine.metric_count() << "\n"
                << "figures: " << engine.figure_count() << "\n"
                << "time: " << elapsed.count() << " ms\n"
                << "unreadable events: " << engine.unreadable_events() << "\n";
      for (const auto& problem : engine.problems())
        std::cerr << "laurel: " << problem << "\n";
      return engine.unreadable_events() == 0 ? 0 : 1;
    };
  });
}

}  // namespace laurel::cli
