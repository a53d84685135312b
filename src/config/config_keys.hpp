#pragma once
// The registry of configuration keys: name, what it means, its default and how to set it from
// text. The loader, `laurel serve --help` and the documentation test all read this one table.

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "core/error.hpp"

namespace laurel::config {

struct ConfigKey {
  std::string_view name;         // "server.listen"
  std::string_view description;  // one line
  std::function<std::string(const Config&)> get;
  std::function<core::Status(Config&, std::string_view text)> set;
};

std::span<const ConfigKey> config_keys();
const ConfigKey* find_config_key(std::string_view name);

// "server.listen" -> "LAUREL_SERVER_LISTEN"
std::string environment_name(std::string_view key);

}  // namespace laurel::config
