#pragma once
// Strict reading of JSON request bodies, member by member: each error names the member
// ("filter.product_ids[2]"), and a strict reader refuses members it was never asked for. Lenient
// readers (strict = false) read stored definitions, where a later version may have added members.

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/timestamp.hpp"

namespace laurel::crm {

// A fixed list of codes, the index of each being its enum value.
template <std::size_t N>
struct Names {
  std::array<std::string_view, N> names;
  std::string list() const {
    std::string out;
    for (auto n : names)
      out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
  }
  std::optional<std::size_t> find(std::string_view text) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == text) return i;
    }
    return std::nullopt;
  }
};

// A request body that must be a JSON object (field "body" when it is not).
inline core::Result<boost::json::object> json_object_body(std::string_view body) {
  boost::system::error_code ec;
  auto doc = boost::json::parse(body, ec);
  if (ec) return core::Error::invalid("body", "is not JSON");
  if (!doc.is_object()) return core::Error::invalid("body", "must be a JSON object");
  return std::move(doc.as_object());
}

// Reads one member of an object after another, naming it `prefix + key` in errors.
class JsonReader {
 public:
  // `owner` names what the object is in the error about an unknown member ("a metric").
  JsonReader(const boost::json::object& o, std::string prefix, bool strict,
             std::string_view owner = "a metric")
      : o_(o), prefix_(std::move(prefix)), strict_(strict), owner_(owner) {}

  const boost::json::value* take(std::string_view key) {
    taken_.insert(std::string(key));
    const auto* v = o_.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
  }
  std::string field(std::string_view key) const { return prefix_ + std::string(key); }

  template <std::size_t N>
  core::Result<std::size_t> one_of(std::string_view key, const Names<N>& names,
                                   std::optional<std::size_t> fallback = std::nullopt) {
    const auto* v = take(key);
    if (!v) {
      if (fallback) return *fallback;
      return core::Error::invalid(field(key), "is required");
    }
    if (!v->is_string()) return core::Error::invalid(field(key), "must be a string");
    const auto found = names.find(v->as_string());
    if (!found) return core::Error::invalid(field(key), "must be one of " + names.list());
    return *found;
  }

  core::Result<std::optional<std::int64_t>> id(std::string_view key) {
    const auto* v = take(key);
    if (!v) return std::optional<std::int64_t>();
    if (!v->is_int64() || v->as_int64() < 1) {
      return core::Error::invalid(field(key), "must be an id (a positive integer)");
    }
    return std::optional<std::int64_t>(v->as_int64());
  }

  // An RFC 3339 time, or nullopt when absent.
  core::Result<std::optional<core::Timestamp>> instant(std::string_view key) {
    const auto* v = take(key);
    if (!v) return std::optional<core::Timestamp>();
    const auto t = v->is_string() ? core::parse_rfc3339(v->as_string()) : std::nullopt;
    if (!t) return core::Error::invalid(field(key), "must be an RFC 3339 time");
    return std::optional(*t);
  }

  core::Result<bool> flag(std::string_view key) {
    const auto* v = take(key);
    if (!v) return false;
    if (!v->is_bool()) return core::Error::invalid(field(key), "must be true or false");
    return v->as_bool();
  }

  // A list of at most `max` distinct items, each read by `item` (nullopt: not such an item,
  // `what` says what it must be).
  template <class T, class Item>
  core::Result<std::vector<T>> list(std::string_view key, std::size_t max, const char* what,
                                    Item item) {
    std::vector<T> out;
    const auto* v = take(key);
    if (!v) return out;
    if (!v->is_array() || v->as_array().size() > max) {
      return core::Error::invalid(field(key), "must be a list of at most " + std::to_string(max));
    }
    for (std::size_t i = 0; i < v->as_array().size(); ++i) {
      const auto name = field(key) + "[" + std::to_string(i) + "]";
      std::optional<T> read = item(v->as_array()[i]);
      if (!read) return core::Error::invalid(name, std::string("must be ") + what);
      if (std::find(out.begin(), out.end(), *read) != out.end()) {
        return core::Error::invalid(name, "is listed twice");
      }
      out.push_back(std::move(*read));
    }
    return out;
  }

  core::Result<std::vector<std::string>> strings(std::string_view key, std::size_t max) {
    return list<std::string>(key, max, "a string", [](const boost::json::value& v) {
      return v.is_string() ? std::optional<std::string>(v.as_string()) : std::nullopt;
    });
  }

  core::Result<std::vector<std::int64_t>> ids(std::string_view key, std::size_t max) {
    return list<std::int64_t>(key, max, "an id", [](const boost::json::value& v) {
      return v.is_int64() && v.as_int64() >= 1 ? std::optional<std::int64_t>(v.as_int64())
                                               : std::nullopt;
    });
  }

  core::Status finish() const {
    if (!strict_) return {};
    for (const auto& [key, value] : o_) {
      if (!taken_.contains(std::string(key))) {
        return core::Error::invalid(field(key), "is not a member of " + std::string(owner_));
      }
    }
    return {};
  }

 private:
  const boost::json::object& o_;
  std::string prefix_;
  bool strict_;
  std::string_view owner_;
  std::set<std::string> taken_;
};

// What a stored or logged definition has beyond its request: its id, who made it and when (an
// unreadable created_at is left out: the definition is still read).
struct StoredStamp {
  std::int64_t id = 0;
  std::optional<std::int64_t> created_by;
  std::optional<core::Timestamp> created_at;
};
inline core::Result<StoredStamp> read_stored_stamp(JsonReader& r) {
  StoredStamp out;
  auto id = r.id("id");
  if (!id) return id.error();
  out.id = id->value_or(0);
  auto by = r.id("created_by");
  if (!by) return by.error();
  out.created_by = *by;
  if (const auto* at = r.take("created_at"); at && at->is_string()) {
    out.created_at = core::parse_rfc3339(at->as_string());
  }
  return out;
}

}  // namespace laurel::crm
