#include "crm/visit_kinds_json.hpp"

#include <algorithm>

#include "crm/visit_service.hpp"

namespace laurel::crm {

core::Result<std::uint8_t> read_visit_kinds(JsonReader& r) {
  const auto kinds = visit_kinds();
  auto listed = r.list<std::string>("visit_kinds", kinds.size(),
                                    "one of visit, call, meeting, roadshow, online",
                                    [&](const boost::json::value& v) -> std::optional<std::string> {
                                      if (!v.is_string()) return std::nullopt;
                                      for (auto k : kinds) {
                                        if (k == v.as_string()) return std::string(k);
                                      }
                                      return std::nullopt;
                                    });
  if (!listed) return listed.error();
  std::uint8_t bits = 0;
  for (const auto& kind : *listed) {
    const auto at = std::find(kinds.begin(), kinds.end(), kind) - kinds.begin();
    bits = static_cast<std::uint8_t>(bits | (1u << at));
  }
  return bits;
}

boost::json::array visit_kinds_to_json(std::uint8_t bits) {
  boost::json::array out;
  const auto names = visit_kinds();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (bits & (1u << i)) out.emplace_back(names[i]);
  }
  return out;
}

}  // namespace laurel::crm
