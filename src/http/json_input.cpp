#include "http/json_input.hpp"

#include <boost/json/parse.hpp>

#include "core/timestamp.hpp"

namespace laurel::http {
namespace {

using core::Error;

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text)
    n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

core::Status check_length(const std::string& name, std::string_view value, Length length) {
  const auto n = code_points(value);
  if (n < length.min) {
    return Error::invalid(
        name, length.min == 1 ? std::string("must not be empty")
                              : "must be at least " + std::to_string(length.min) + " characters");
  }
  if (n > length.max) {
    return Error::invalid(name, "must be at most " + std::to_string(length.max) + " characters");
  }
  return {};
}

}  // namespace

core::Result<JsonInput> JsonInput::parse(std::string_view body) {
  if (body.empty()) return Error::invalid("body", "a JSON object is required");
  boost::system::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 32;  // request bodies are shallow; deep nesting is an attack
  auto value =
      std::make_shared<const boost::json::value>(boost::json::parse(body, ec, {}, options));
  if (ec) return Error::invalid("body", "malformed JSON: " + ec.message());
  if (!value->is_object()) return Error::invalid("body", "must be a JSON object");
  const auto* object = &value->as_object();
  return JsonInput(std::move(value), object, "");
}

const boost::json::value* JsonInput::take(std::string_view name) {
  taken_.emplace(name);
  return object_->if_contains(name);
}

core::Result<std::string> JsonInput::required_string(std::string_view name, Length length) {
  auto value = optional_string(name, length);
  if (!value) return value.error();
  if (!*value) return Error::invalid(field(name), "is required");
  return std::move(**value);
}

core::Result<std::optional<std::string>> JsonInput::optional_string(std::string_view name,
                                                                    Length length) {
  const auto* value = take(name);
  if (!value) return std::optional<std::string>();
  if (!value->is_string()) return Error::invalid(field(name), "must be a string");
  std::string text(value->as_string());
  if (auto s = check_length(field(name), text, length); !s) return s.error();
  return std::optional<std::string>(std::move(text));
}

core::Result<std::optional<std::optional<std::string>>> JsonInput::nullable_string(
    std::string_view name, Length length) {
  using Out = std::optional<std::optional<std::string>>;
  const auto* value = take(name);
  if (!value) return Out();
  if (value->is_null()) return Out(std::optional<std::string>());
  if (!value->is_string()) return Error::invalid(field(name), "must be a string or null");
  std::string text(value->as_string());
  if (auto s = check_length(field(name), text, length); !s) return s.error();
  return Out(std::optional<std::string>(std::move(text)));
}

core::Result<std::optional<bool>> JsonInput::optional_bool(std::string_view name) {
  const auto* value = take(name);
  if (!value) return std::optional<bool>();
  if (!value->is_bool()) return Error::invalid(field(name), "must be true or false");
  return std::optional<bool>(value->as_bool());
}

core::Result<std::int64_t> JsonInput::required_integer(std::string_view name, std::int64_t min,
                                                       std::int64_t max) {
  auto value = optional_integer(name, min, max);
  if (!value) return value.error();
  if (!*value) return Error::invalid(field(name), "is required");
  return **value;
}

core::Result<std::optional<std::int64_t>> JsonInput::optional_integer(std::string_view name,
                                                                      std::int64_t min,
                                                                      std::int64_t max) {
  const auto* value = take(name);
  if (!value) return std::optional<std::int64_t>();
  std::int64_t number = 0;
  if (value->is_int64()) {
    number = value->as_int64();
  } else if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    number = static_cast<std::int64_t>(value->as_uint64());
  } else {
    return Error::invalid(field(name), "must be an integer");
  }
  if (number < min || number > max) {
    return Error::invalid(field(name),
                          "must be from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return std::optional<std::int64_t>(number);
}

core::Result<std::optional<std::optional<std::int64_t>>> JsonInput::nullable_integer(
    std::string_view name, std::int64_t min, std::int64_t max) {
  using Out = std::optional<std::optional<std::int64_t>>;
  const auto* value = take(name);
  if (!value) return Out();
  if (value->is_null()) return Out(std::optional<std::int64_t>());
  auto number = optional_integer(name, min, max);
  if (!number) {
    if (number.error().message == "must be an integer") {
      return core::Error::invalid(field(name), "must be an integer or null");
    }
    return number.error();
  }
  return Out(*number);
}

core::Result<std::optional<core::LocalDate>> JsonInput::optional_date(std::string_view name) {
  auto text = optional_string(name, {1, 10});
  if (!text) return text.error();
  if (!*text) return std::optional<core::LocalDate>();
  auto day = core::parse_date(**text);
  if (!day) return Error::invalid(field(name), "must be a date such as 2026-11-23");
  return std::optional<core::LocalDate>(*day);
}

core::Result<std::optional<std::optional<core::LocalDate>>> JsonInput::nullable_date(
    std::string_view name) {
  using Out = std::optional<std::optional<core::LocalDate>>;
  const auto* value = take(name);
  if (!value) return Out();
  if (value->is_null()) return Out(std::optional<core::LocalDate>());
  auto day = optional_date(name);
  if (!day) return day.error();
  return Out(*day);
}

core::Result<core::LocalDate> JsonInput::required_date(std::string_view name) {
  auto day = optional_date(name);
  if (!day) return day.error();
  if (!*day) return Error::invalid(field(name), "is required");
  return **day;
}

core::Result<std::optional<core::Timestamp>> JsonInput::optional_time(std::string_view name) {
  auto text = optional_string(name, {1, 40});
  if (!text) return text.error();
  if (!*text) return std::optional<core::Timestamp>();
  auto time = core::parse_rfc3339(**text);
  if (!time) {
    return Error::invalid(field(name),
                          "must be an RFC 3339 time with its offset, such as "
                          "2026-11-23T10:30:00+08:00");
  }
  return std::optional<core::Timestamp>(*time);
}

core::Result<core::Timestamp> JsonInput::required_time(std::string_view name) {
  auto time = optional_time(name);
  if (!time) return time.error();
  if (!*time) return Error::invalid(field(name), "is required");
  return **time;
}

core::Result<core::Fen> JsonInput::required_amount(std::string_view name) {
  auto value = optional_amount(name);
  if (!value) return value.error();
  if (!*value) return Error::invalid(field(name), "is required");
  return **value;
}

core::Result<std::optional<core::Fen>> JsonInput::optional_amount(std::string_view name) {
  const auto* value = take(name);
  if (!value) return std::optional<core::Fen>();
  if (value->is_number()) {
    // A JSON number may already have been rounded through a double by the sender.
    return Error::invalid(field(name),
                          "must be a decimal string such as \"1250000.00\", not a JSON number");
  }
  if (!value->is_string()) return Error::invalid(field(name), "must be a decimal string");
  auto fen = core::parse_amount(value->as_string(), field(name));
  if (!fen) return fen.error();
  return std::optional<core::Fen>(*fen);
}

core::Result<std::optional<std::vector<JsonInput>>> JsonInput::optional_objects(
    std::string_view name, std::size_t max_items) {
  using Out = std::optional<std::vector<JsonInput>>;
  const auto* value = take(name);
  if (!value) return Out();
  if (!value->is_array()) return Error::invalid(field(name), "must be an array of objects");
  const auto& array = value->as_array();
  if (array.size() > max_items) {
    return Error::invalid(field(name), "must have at most " + std::to_string(max_items) + " items");
  }
  std::vector<JsonInput> items;
  items.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = field(name) + "[" + std::to_string(i) + "]";
    if (!array[i].is_object()) return Error::invalid(path, "must be an object");
    items.push_back(JsonInput(root_, &array[i].as_object(), path + "."));
  }
  return Out(std::move(items));
}

core::Result<JsonInput> JsonInput::required_object(std::string_view name) {
  const auto* value = take(name);
  if (!value) return Error::invalid(field(name), "is required");
  if (!value->is_object()) return Error::invalid(field(name), "must be an object");
  return JsonInput(root_, &value->as_object(), field(name) + ".");
}

core::Result<std::vector<JsonInput>> JsonInput::required_objects(std::string_view name,
                                                                 std::size_t max_items) {
  auto items = optional_objects(name, max_items);
  if (!items) return items.error();
  if (!*items) return Error::invalid(field(name), "is required");
  return std::move(**items);
}

core::Result<std::optional<std::vector<std::int64_t>>> JsonInput::optional_integers(
    std::string_view name, std::int64_t min, std::int64_t max, std::size_t max_items) {
  using Out = std::optional<std::vector<std::int64_t>>;
  const auto* value = take(name);
  if (!value) return Out();
  if (!value->is_array()) return Error::invalid(field(name), "must be an array of integers");
  const auto& array = value->as_array();
  if (array.size() > max_items) {
    return Error::invalid(field(name), "must have at most " + std::to_string(max_items) + " items");
  }
  std::vector<std::int64_t> numbers;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = field(name) + "[" + std::to_string(i) + "]";
    const auto& item = array[i];
    if (!item.is_int64() && !(item.is_uint64() && item.as_uint64() <= INT64_MAX)) {
      return Error::invalid(path, "must be an integer");
    }
    const auto number =
        item.is_int64() ? item.as_int64() : static_cast<std::int64_t>(item.as_uint64());
    if (number < min || number > max) {
      return Error::invalid(path,
                            "must be from " + std::to_string(min) + " to " + std::to_string(max));
    }
    for (auto seen : numbers) {
      if (seen == number) return Error::invalid(path, "is listed twice");
    }
    numbers.push_back(number);
  }
  return Out(std::move(numbers));
}

core::Status JsonInput::finish() const {
  for (const auto& member : *object_) {
    if (!taken_.contains(std::string_view(member.key()))) {
      return Error::invalid(field(member.key()), "is not a field of this request");
    }
  }
  return {};
}

}  // namespace laurel::http
