#include "store/id_list.hpp"

#include <charconv>

namespace laurel::store {

std::string id_list_text(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids)
    out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> id_list_of(std::string_view text) {
  std::vector<std::int64_t> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    std::int64_t id = 0;
    if (std::from_chars(item.data(), item.data() + item.size(), id).ec == std::errc()) {
      out.push_back(id);
    }
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

}  // namespace laurel::store
