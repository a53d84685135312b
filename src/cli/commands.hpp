#pragma once
// The subcommands of `laurel`. Each add_* registers its subcommand(s) on the app and sets
// `run` to what executes when it is chosen.

#include <CLI/CLI.hpp>
#include <functional>

namespace laurel::cli {

using Run = std::function<int()>;

void add_serve_commands(CLI::App& app, Run& run);   // serve, demo, migrate
void add_user_commands(CLI::App& app, Run& run);    // user add|passwd|list|disable
void add_token_commands(CLI::App& app, Run& run);   // token create|list|revoke
void add_import_commands(CLI::App& app, Run& run);  // import transactions

}  // namespace laurel::cli
