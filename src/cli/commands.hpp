#pragma once
// The subcommands of `laurel`. Each add_* registers its subcommand(s) on the app and sets
// `run` to what executes when it is chosen.

#include <CLI/CLI.hpp>
#include <functional>

namespace laurel::config {
struct Config;
}

namespace laurel::cli {

using Run = std::function<int()>;

void add_serve_commands(CLI::App& app, Run& run);   // serve, migrate
void add_demo_command(CLI::App& app, Run& run);     // demo
void add_user_commands(CLI::App& app, Run& run);    // user add|passwd|list|disable
void add_token_commands(CLI::App& app, Run& run);   // token create|list|revoke
void add_import_commands(CLI::App& app, Run& run);  // import transactions
void add_replay_command(CLI::App& app, Run& run);   // replay

// Serves until stopped; with `demo_mode`, prints how to log in to the demo company.
int serve(const config::Config& config, bool demo_mode);

}  // namespace laurel::cli
