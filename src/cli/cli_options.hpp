#pragma once
// The options every subcommand shares (--config, --db, --listen) and turning them, with the
// environment, into a Config.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "api/application.hpp"
#include "config/config.hpp"
#include "core/error.hpp"

namespace laurel::cli {

struct CommonOptions {
  std::optional<std::string> config_file;
  std::optional<std::string> db;
  std::optional<std::string> listen;
};

void add_common_options(CLI::App& command, CommonOptions& options, bool with_listen);
core::Result<config::Config> load(const CommonOptions& options);
// Opens Laurel's services for a one-shot command (user, token): loads the configuration,
// keeps the log quiet, and migrates the database if needed.
core::Result<std::unique_ptr<api::Application>> open_application(const CommonOptions& options);
// "cli:<login name>" for the audit log.
std::string operator_name();
// Prints an error as "laurel: field: message" and returns the exit code 1.
int fail(const core::Error& error);

}  // namespace laurel::cli
