#pragma once
// Reads a new password for the CLI: prompted twice without echo on a terminal, or one line from
// standard input when it is not a terminal (scripts: `echo "$PW" | laurel user add ...`).
// Passwords are never taken as command-line arguments, where `ps` and shell history see them.

#include <optional>
#include <string>

namespace laurel::cli {

std::optional<std::string> read_new_password();

}  // namespace laurel::cli
