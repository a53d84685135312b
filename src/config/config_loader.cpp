#include "config/config_loader.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "config/config_keys.hpp"

namespace laurel::config {
namespace {

using core::Error;
using core::Status;

// TOML values arrive typed; keys parse text, so scalars are turned back into their text form.
std::optional<std::string> scalar_text(const toml::node& node) {
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return std::to_string(i->get());
  if (auto b = node.as_boolean()) return std::string(b->get() ? "true" : "false");
  return std::nullopt;
}

Status apply_table(Config& config, const toml::table& table, const std::string& prefix) {
  for (const auto& [raw_key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(raw_key.str()) : prefix + "." + std::string(raw_key.str());
    if (const auto* sub = node.as_table()) {
      if (auto s = apply_table(config, *sub, name); !s) return s;
      continue;
    }
    const ConfigKey* key = find_config_key(name);
    if (!key) return Error::invalid(name, "unknown configuration key");
    const auto text = scalar_text(node);
    if (!text) return Error::invalid(name, "expected a string, integer or boolean");
    if (auto s = key->set(config, *text); !s) return s;
  }
  return {};
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    if (const char* value = std::getenv(name.c_str())) return std::string(value);
    return std::nullopt;
  };
}

Status apply_toml(Config& config, std::string_view toml_text, std::string_view source_name) {
  try {
    const toml::table table = toml::parse(toml_text, source_name);
    return apply_table(config, table, "");
  } catch (const toml::parse_error& err) {
    std::ostringstream where;
    where << source_name << ":" << err.source().begin.line << ":" << err.source().begin.column;
    return Error::invalid(where.str(), std::string(err.description()));
  }
}

core::Result<Config> load_config(const ConfigSources& sources) {
  Config config;
  if (sources.file) {
    std::ifstream in(*sources.file, std::ios::binary);
    if (!in) return Error::invalid("--config", "cannot read configuration file " + *sources.file);
    std::ostringstream text;
    text << in.rdbuf();
    if (auto s = apply_toml(config, text.str(), *sources.file); !s) return s.error();
  }
  if (sources.environment) {
    for (const auto& key : config_keys()) {
      const std::string env = environment_name(key.name);
      if (auto value = sources.environment(env)) {
        if (auto s = key.set(config, *value); !s) {
          return Error::invalid(env, s.error().message);
        }
      }
    }
  }
  for (const auto& [name, value] : sources.flags) {
    const ConfigKey* key = find_config_key(name);
    if (!key) return Error::invalid(name, "unknown configuration key");
    if (auto s = key->set(config, value); !s) return s.error();
  }
  return config;
}

}  // namespace laurel::config
