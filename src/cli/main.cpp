// laurel: the CRM and recognition engine for an institutional fund sales team.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "core/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Laurel: CRM for institutional fund sales, with recognition built in", "laurel"};
  app.set_version_flag("--version", std::string("laurel ") + laurel::core::kVersion);
  app.require_subcommand(1);
  laurel::cli::Run run;
  laurel::cli::add_serve_commands(app, run);
  laurel::cli::add_demo_command(app, run);
  laurel::cli::add_user_commands(app, run);
  laurel::cli::add_token_commands(app, run);
  laurel::cli::add_import_commands(app, run);
  laurel::cli::add_replay_command(app, run);
  CLI11_PARSE(app, argc, argv);
  return run ? run() : 0;
}
