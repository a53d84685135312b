// laurel serve | migrate (and the server half of laurel demo)

#include <spdlog/spdlog.h>

#include <iostream>

#include "api/application.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "demo/demo_company.hpp"
#include "store/migrator.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::cli {

namespace {

// "wangfang (王芳)": the first demo login with `role`, to show on the demo's banner.
std::string sample_login(api::Application& app, const char* role) {
  store::UserFilter filter;
  filter.role = role;
  filter.limit = 1;
  auto page = app.services().users.list(filter);
  if (!page || page->users.empty()) return "(none)";
  return page->users.front().username + " (" + page->users.front().display_name + ")";
}

}  // namespace

int serve(const config::Config& config, bool demo_mode) {
  api::configure_logging(config.log);
  auto app = api::Application::open(config, core::SystemClock::instance());
  if (!app) return fail(app.error());
  if (auto s = (*app)->listen(); !s) return fail(s.error());
  const auto host = http::parse_listen_address(config.server.listen).value().first;
  const std::string url = "http://" + host + ":" + std::to_string((*app)->port());
  // One plain line on stdout that scripts (and the integration tests) read to find the port.
  std::cout << "laurel: listening on " << url << std::endl;
  if (demo_mode) {
    std::cout << "\n  Laurel demo is running at " << url << "\n"
              << "  Log in with password " << demo::kDemoPassword << " as admin, as the manager "
              << sample_login(**app, "manager") << ",\n  or as the salesperson "
              << sample_login(**app, "sales") << " (every demo staff member has a login)\n"
              << "  API docs: " << url << "/api-docs/\n"
              << "  Try:  curl -s -X POST " << url
              << "/api/v1/auth/login -H 'Content-Type: application/json' \\\n"
              << "          -d '{\"username\":\"admin\",\"password\":\"" << demo::kDemoPassword
              << "\"}'\n"
              << "  Stop with Ctrl-C.\n"
              << std::endl;
  }
  (*app)->run();
  spdlog::info("laurel stopped");
  spdlog::shutdown();
  return 0;
}

void add_serve_commands(CLI::App& app, Run& run) {
  static CommonOptions serve_options;
  auto* serve_command = app.add_subcommand("serve", "Serve the web UI and the HTTP API");
  add_common_options(*serve_command, serve_options, true);
  serve_command->callback([&run] {
    run = [] {
      auto config = load(serve_options);
      if (!config) return fail(config.error());
      return serve(*config, false);
    };
  });

  static CommonOptions migrate_options;
  auto* migrate = app.add_subcommand("migrate", "Bring the database schema up to date");
  add_common_options(*migrate, migrate_options, false);
  migrate->callback([&run] {
    run = [] {
      auto config = load(migrate_options);
      if (!config) return fail(config.error());
      auto store = store::SqliteStore::open({config->database.path, config->database.busy_timeout});
      if (!store) return fail(store.error());
      auto connection = (*store)->acquire();
      if (!connection) return fail(connection.error());
      auto report = store::migrate(**connection);
      if (!report) return fail(report.error());
      for (const auto& name : report->applied)
        std::cout << "applied " << name << "\n";
      std::cout << "schema at version " << report->to_version
                << (report->applied.empty() ? " (already up to date)" : "") << "\n";
      return 0;
    };
  });
}

}  // namespace laurel::cli
