#pragma once
// Validated reading of a JSON request body. A handler asks for each member it accepts, with its
// type and limits; finish() then refuses any member nobody asked for. Every failure is a
// core::Error naming the member, so the client sees which field was wrong.
//
//   auto in = JsonInput::parse(request.body);          // must be a JSON object
//   auto name = in->required_string("username", {3, 64});
//   auto email = in->nullable_string("email", {0, 254}); // absent / null / "a@b.cn"
//   if (auto s = in->finish(); !s) return s.error();
//
// Invalid UTF-8 is refused by the parser itself.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace laurel::http {

struct Length {
  std::size_t min = 0;
  std::size_t max = 1000;  // in characters (code points)
};

class JsonInput {
 public:
  static core::Result<JsonInput> parse(std::string_view body);

  core::Result<std::string> required_string(std::string_view name, Length length);
  core::Result<std::optional<std::string>> optional_string(std::string_view name, Length length);
  // Absent: outer nullopt. null: inner nullopt.
  core::Result<std::optional<std::optional<std::string>>> nullable_string(std::string_view name,
                                                                          Length length);
  core::Result<std::optional<bool>> optional_bool(std::string_view name);
  core::Result<std::int64_t> required_integer(std::string_view name, std::int64_t min,
                                              std::int64_t max);
  core::Result<std::optional<std::int64_t>> optional_integer(std::string_view name,
                                                             std::int64_t min, std::int64_t max);

  // Absent: outer nullopt. null: inner nullopt.
  core::Result<std::optional<std::optional<std::int64_t>>> nullable_integer(std::string_view name,
                                                                            std::int64_t min,
                                                                            std::int64_t max);

  // Refuses members that were not asked for.
  core::Status finish() const;
  bool has(std::string_view name) const { return object_.contains(name); }

 private:
  explicit JsonInput(boost::json::object object) : object_(std::move(object)) {}
  const boost::json::value* take(std::string_view name);

  boost::json::object object_;
  std::set<std::string, std::less<>> taken_;
};

}  // namespace laurel::http
