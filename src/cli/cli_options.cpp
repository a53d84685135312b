#include "cli/cli_options.hpp"

#include <unistd.h>

#include <iostream>

#include "config/config_loader.hpp"

namespace laurel::cli {

void add_common_options(CLI::App& command, CommonOptions& options, bool with_listen) {
  command.add_option("--config", options.config_file, "TOML configuration file")
      ->check(CLI::ExistingFile);
  command.add_option("--db", options.db, "SQLite database file (database.path)");
  if (with_listen) {
    command.add_option("--listen", options.listen,
                       "Address to serve on, HOST:PORT (server.listen); port 0 picks one");
  }
}

core::Result<config::Config> load(const CommonOptions& options) {
  config::ConfigSources sources;
  sources.file = options.config_file;
  sources.environment = config::process_environment();
  if (options.db) sources.flags["database.path"] = *options.db;
  if (options.listen) sources.flags["server.listen"] = *options.listen;
  return config::load_config(sources);
}

core::Result<std::unique_ptr<api::Application>> open_application(const CommonOptions& options) {
  auto config = load(options);
  if (!config) return config.error();
  config->log.level = "warn";
  api::configure_logging(config->log);
  return api::Application::open(*config, core::SystemClock::instance());
}

std::string operator_name() {
  if (const char* user = std::getenv("USER"); user && *user) return user;
  if (const char* login = getlogin(); login) return login;
  return "uid" + std::to_string(getuid());
}

int fail(const core::Error& error) {
  std::cerr << "laurel: ";
  if (!error.field.empty()) std::cerr << error.field << ": ";
  std::cerr << error.message << "\n";
  return 1;
}

}  // namespace laurel::cli
