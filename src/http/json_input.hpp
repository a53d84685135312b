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
// Arrays of objects (the rows of a batch, the members of a plan) are read as child inputs whose
// errors name the full path, such as "transactions[3].amount".
//
// Invalid UTF-8 is refused by the parser itself.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/local_date.hpp"
#include "core/money.hpp"

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

  // A company-local calendar day, "YYYY-MM-DD".
  core::Result<std::optional<core::LocalDate>> optional_date(std::string_view name);
  core::Result<core::LocalDate> required_date(std::string_view name);
  // Absent: outer nullopt. null: inner nullopt.
  core::Result<std::optional<std::optional<core::LocalDate>>> nullable_date(std::string_view name);

  // An instant as RFC 3339 text with its offset ("2026-11-23T10:30:00+08:00").
  core::Result<std::optional<core::Timestamp>> optional_time(std::string_view name);
  core::Result<core::Timestamp> required_time(std::string_view name);

  // An amount of money as a decimal string ("1250000.00"), in fen; see core::parse_amount.
  core::Result<core::Fen> required_amount(std::string_view name);
  core::Result<std::optional<core::Fen>> optional_amount(std::string_view name);

  // An array of 0..max_items objects, each read by its own input; absent: nullopt.
  core::Result<std::optional<std::vector<JsonInput>>> optional_objects(std::string_view name,
                                                                       std::size_t max_items);
  core::Result<std::vector<JsonInput>> required_objects(std::string_view name,
                                                        std::size_t max_items);
  // An array of 0..max_items distinct integers in [min, max]; absent: nullopt.
  core::Result<std::optional<std::vector<std::int64_t>>> optional_integers(std::string_view name,
                                                                           std::int64_t min,
                                                                           std::int64_t max,
                                                                           std::size_t max_items);

  // A member that must be an object, read by its own input ("events[3].data.amount").
  core::Result<JsonInput> required_object(std::string_view name);
  // This input's object, as sent.
  const boost::json::object& object() const { return *object_; }

  // Refuses members that were not asked for.
  core::Status finish() const;
  bool has(std::string_view name) const { return object_->contains(name); }
  // The full path of a member of this object, for errors: "transactions[3].amount".
  std::string field(std::string_view name) const { return prefix_ + std::string(name); }

 private:
  JsonInput(std::shared_ptr<const boost::json::value> root, const boost::json::object* object,
            std::string prefix)
      : root_(std::move(root)), object_(object), prefix_(std::move(prefix)) {}
  const boost::json::value* take(std::string_view name);

  std::shared_ptr<const boost::json::value> root_;  // keeps the parsed document alive
  const boost::json::object* object_;               // this input's object inside it
  std::string prefix_;
  std::set<std::string, std::less<>> taken_;
};

}  // namespace laurel::http
