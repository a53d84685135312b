#pragma once
// A text member of a definition (a name, a description): a string of at most `most` bytes,
// required ones not empty; an absent optional one reads as "".

#include <string>
#include <string_view>

#include "crm/json_reader.hpp"

namespace laurel::crm {

inline core::Result<std::string> read_text(JsonReader& r, std::string_view key, std::size_t most,
                                           bool required) {
  const auto* v = r.take(key);
  if (!v) {
    if (required) return core::Error::invalid(r.field(key), "is required");
    return std::string();
  }
  if (!v->is_string() || (required && v->as_string().empty()) || v->as_string().size() > most) {
    return core::Error::invalid(r.field(key), "must be text of " +
                                                  std::string(required ? "1" : "0") + " to " +
                                                  std::to_string(most) + " bytes");
  }
  return std::string(v->as_string());
}

}  // namespace laurel::crm
