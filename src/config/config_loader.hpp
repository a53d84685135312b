#pragma once
// Builds a Config from its four layers: defaults < TOML file < LAUREL_* environment < flags.
// Any unknown key in the file, or a value that does not parse, is an error naming the key:
// a typo in a configuration file should stop Laurel, not be silently ignored.

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "config/config.hpp"
#include "core/error.hpp"

namespace laurel::config {

// Looks an environment variable up; std::getenv in production, a map in tests.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvironmentLookup process_environment();

struct ConfigSources {
  std::optional<std::string> file;           // path of a TOML file
  EnvironmentLookup environment;             // may be empty: no environment layer
  std::map<std::string, std::string> flags;  // key name -> value, from the command line
};

core::Result<Config> load_config(const ConfigSources& sources);

// Parses TOML text into `config`, reporting unknown keys and bad values by their dotted name.
core::Status apply_toml(Config& config, std::string_view toml_text, std::string_view source_name);

}  // namespace laurel::config
