#include "http/request_context.hpp"

#include <charconv>

namespace laurel::http {

std::string_view RequestContext::param(std::string_view name) const {
  for (const auto& [key, value] : path_params) {
    if (key == name) return value;
  }
  return {};
}

core::Result<std::int64_t> RequestContext::id_param(std::string_view name) const {
  const auto text = param(name);
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return core::Error{core::Errc::not_found, "no record with id \"" + std::string(text) + "\"",
                       std::string(name)};
  }
  return id;
}

auth::Actor RequestContext::actor(std::string_view client_ip) const {
  auth::Actor actor = principal ? auth::Actor::of(*principal) : auth::Actor{};
  actor.client_ip = std::string(client_ip);
  actor.request_id = request_id;
  return actor;
}

}  // namespace laurel::http
