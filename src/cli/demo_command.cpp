// laurel demo [--seed N] [--as-of DATE] [--fresh] [--generate-only]: Laurel with a fictional fund
// company in laurel-demo.db, generated on first use (see demo/demo_company.hpp).

#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "demo/demo_company.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::cli {
namespace {

struct DemoFlags {
  CommonOptions common;
  std::uint64_t seed = 2026;
  std::optional<std::string> as_of;
  bool fresh = false;
  bool generate_only = false;
};

// Whether the file already holds a demo company (any client at all).
bool filled(const std::string& path) {
  if (!std::filesystem::exists(path)) return false;
  auto store = store::SqliteStore::open({path});
  if (!store) return false;
  auto connection = (*store)->acquire();
  if (!connection) return false;
  auto rows = (*connection)->query("SELECT count(*) FROM clients");
  return rows && rows->front().integer(0) > 0;
}

void remove_database(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
}

int run_demo(const DemoFlags& flags) {
  auto options = flags.common;
  if (!options.db) options.db = "laurel-demo.db";
  auto config = load(options);
  if (!config) return fail(config.error());
  config->database.auto_migrate = true;
  auto zone = core::CompanyZone::locate(config->company.timezone);
  if (!zone) return fail(zone.error());
  demo::DemoOptions demo_options;
  demo_options.seed = flags.seed;
  demo_options.as_of = zone->date_of(core::SystemClock::instance().now());
  if (flags.as_of) {
    auto day = core::parse_date(*flags.as_of);
    if (!day) return fail(core::Error::invalid("--as-of", "must be a day, YYYY-MM-DD"));
    demo_options.as_of = *day;
  }
  const auto& path = config->database.path;
  if (flags.fresh) remove_database(path);
  if (filled(path)) {
    std::cout << "laurel: using the demo company in " << path << " (--fresh makes a new one)\n";
  } else {
    remove_database(path);
    std::cout << "laurel: generating the demo company in " << path << " (seed " << flags.seed
              << ", as of " << core::format_date(demo_options.as_of) << ")..." << std::endl;
    const auto started = std::chrono::steady_clock::now();
    auto summary = demo::generate_demo(*config, demo_options);
    if (!summary) return fail(summary.error());
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cout << "laurel: " << summary->departments << " departments, " << summary->staff
              << " staff, " << summary->clients << " clients with " << summary->key_people
              << " key people, " << summary->products << " funds, " << summary->campaigns
              << " campaigns, " << summary->visits << " visits, " << summary->transactions
              << " trades, " << summary->service_records << " service records, "
              << summary->opportunities << " opportunities, " << summary->targets << " targets, "
              << summary->good_news_published << " good news published and "
              << summary->good_news_drafts << " drafts waiting in "
              << static_cast<int>(took.count() + 0.5) << " s ("
              << std::filesystem::file_size(path) / (1024 * 1024) << " MiB)" << std::endl;
  }
  if (flags.generate_only) return 0;
  return serve(*config, true);
}

}  // namespace

void add_demo_command(CLI::App& app, Run& run) {
  static DemoFlags flags;
  auto* demo = app.add_subcommand(
      "demo",
      "Serve a fictional fund company (laurel-demo.db), generating it on first use; log in as "
      "admin with password laurel-demo-2026");
  add_common_options(*demo, flags.common, true);
  demo->add_option("--seed", flags.seed,
                   "Seed of the generated company (the same seed, the same "
                   "company)");
  demo->add_option("--as-of", flags.as_of,
                   "The company's today, YYYY-MM-DD: 12 months of activity end the day before "
                   "(default: today, company time)");
  demo->add_flag("--fresh", flags.fresh, "Generate a new company even if the file has one");
  demo->add_flag("--generate-only", flags.generate_only, "Generate, then exit without serving");
  demo->callback([&run] { run = [] { return run_demo(flags); }; });
}

}  // namespace laurel::cli
