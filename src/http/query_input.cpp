#include "http/query_input.hpp"

#include <boost/url/parse_query.hpp>
#include <charconv>

#include "core/timestamp.hpp"

namespace laurel::http {

using core::Error;

core::Result<QueryInput> QueryInput::parse(std::string_view query) {
  QueryInput input;
  if (query.empty()) return input;
  auto params = boost::urls::parse_query(query);
  if (!params) return Error::invalid("query", "malformed query string");
  boost::urls::encoding_opts form;
  form.space_as_plus = true;  // HTML forms send spaces as '+'
  for (const auto& param : *params) {
    std::string key = param.key.decode(form);
    if (key.empty()) continue;
    if (!input.params_.emplace(key, param.value.decode(form)).second) {
      return Error::invalid(key, "is given more than once");
    }
  }
  return input;
}

core::Result<std::optional<std::string>> QueryInput::optional_string(std::string_view name,
                                                                     std::size_t max_length) {
  taken_.emplace(name);
  auto it = params_.find(name);
  if (it == params_.end()) return std::optional<std::string>();
  if (it->second.size() > max_length) {
    return Error::invalid(std::string(name),
                          "must be at most " + std::to_string(max_length) + " bytes");
  }
  return std::optional<std::string>(it->second);
}

core::Result<std::optional<std::int64_t>> QueryInput::optional_integer(std::string_view name,
                                                                       std::int64_t min,
                                                                       std::int64_t max) {
  auto text = optional_string(name, 20);
  if (!text) return text.error();
  if (!*text) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const auto& s = **text;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return Error::invalid(std::string(name), "must be an integer");
  }
  if (value < min || value > max) {
    return Error::invalid(std::string(name),
                          "must be from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return std::optional<std::int64_t>(value);
}

core::Result<std::optional<bool>> QueryInput::optional_bool(std::string_view name) {
  auto text = optional_string(name, 5);
  if (!text) return text.error();
  if (!*text) return std::optional<bool>();
  if (**text == "true") return std::optional<bool>(true);
  if (**text == "false") return std::optional<bool>(false);
  return Error::invalid(std::string(name), "must be true or false");
}

core::Result<std::optional<core::Timestamp>> QueryInput::optional_time(std::string_view name) {
  auto text = optional_string(name, 40);
  if (!text) return text.error();
  if (!*text) return std::optional<core::Timestamp>();
  auto t = core::parse_rfc3339(**text);
  if (!t) {
    return Error::invalid(std::string(name),
                          "must be an RFC 3339 time such as 2026-11-23T08:00:00+08:00");
  }
  return std::optional<core::Timestamp>(*t);
}

core::Result<std::optional<core::LocalDate>> QueryInput::optional_date(std::string_view name) {
  auto text = optional_string(name, 10);
  if (!text) return text.error();
  if (!*text) return std::optional<core::LocalDate>();
  auto day = core::parse_date(**text);
  if (!day) return Error::invalid(std::string(name), "must be a date such as 2026-11-23");
  return std::optional<core::LocalDate>(*day);
}

core::Result<std::int64_t> QueryInput::cursor() {
  auto value = optional_integer("cursor", 0, INT64_MAX);
  if (!value) return value.error();
  return value->value_or(0);
}

core::Result<int> QueryInput::limit(int default_limit, int max_limit) {
  auto value = optional_integer("limit", 1, max_limit);
  if (!value) return value.error();
  return value->has_value() ? static_cast<int>(**value) : default_limit;
}

core::Status QueryInput::finish() const {
  for (const auto& [name, value] : params_) {
    if (!taken_.contains(name)) return Error::invalid(name, "is not a parameter of this request");
  }
  return {};
}

}  // namespace laurel::http
