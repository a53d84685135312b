#include "http/json_input.hpp"

#include <boost/json/parse.hpp>

namespace laurel::http {
namespace {

using core::Error;

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text)
    n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

core::Status check_length(std::string_view name, std::string_view value, Length length) {
  const auto n = code_points(value);
  if (n < length.min) {
    return Error::invalid(std::string(name),
                          length.min == 1
                              ? std::string("must not be empty")
                              : "must be at least " + std::to_string(length.min) + " characters");
  }
  if (n > length.max) {
    return Error::invalid(std::string(name),
                          "must be at most " + std::to_string(length.max) + " characters");
  }
  return {};
}

}  // namespace

core::Result<JsonInput> JsonInput::parse(std::string_view body) {
  if (body.empty()) return Error::invalid("body", "a JSON object is required");
  boost::system::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 32;  // request bodies are shallow; deep nesting is an attack
  boost::json::value value = boost::json::parse(body, ec, {}, options);
  if (ec) return Error::invalid("body", "malformed JSON: " + ec.message());
  if (!value.is_object()) return Error::invalid("body", "must be a JSON object");
  return JsonInput(std::move(value.as_object()));
}

const boost::json::value* JsonInput::take(std::string_view name) {
  taken_.emplace(name);
  return object_.if_contains(name);
}

core::Result<std::string> JsonInput::required_string(std::string_view name, Length length) {
  auto value = optional_string(name, length);
  if (!value) return value.error();
  if (!*value) return Error::invalid(std::string(name), "is required");
  return std::move(**value);
}

core::Result<std::optional<std::string>> JsonInput::optional_string(std::string_view name,
                                                                    Length length) {
  const auto* value = take(name);
  if (!value) return std::optional<std::string>();
  if (!value->is_string()) return Error::invalid(std::string(name), "must be a string");
  std::string text(value->as_string());
  if (auto s = check_length(name, text, length); !s) return s.error();
  return std::optional<std::string>(std::move(text));
}

core::Result<std::optional<std::optional<std::string>>> JsonInput::nullable_string(
    std::string_view name, Length length) {
  using Out = std::optional<std::optional<std::string>>;
  const auto* value = take(name);
  if (!value) return Out();
  if (value->is_null()) return Out(std::optional<std::string>());
  if (!value->is_string()) return Error::invalid(std::string(name), "must be a string or null");
  std::string text(value->as_string());
  if (auto s = check_length(name, text, length); !s) return s.error();
  return Out(std::optional<std::string>(std::move(text)));
}

core::Result<std::optional<bool>> JsonInput::optional_bool(std::string_view name) {
  const auto* value = take(name);
  if (!value) return std::optional<bool>();
  if (!value->is_bool()) return Error::invalid(std::string(name), "must be true or false");
  return std::optional<bool>(value->as_bool());
}

core::Result<std::int64_t> JsonInput::required_integer(std::string_view name, std::int64_t min,
                                                       std::int64_t max) {
  auto value = optional_integer(name, min, max);
  if (!value) return value.error();
  if (!*value) return Error::invalid(std::string(name), "is required");
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
    return Error::invalid(std::string(name), "must be an integer");
  }
  if (number < min || number > max) {
    return Error::invalid(std::string(name),
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
      return core::Error::invalid(std::string(name), "must be an integer or null");
    }
    return number.error();
  }
  return Out(*number);
}

core::Status JsonInput::finish() const {
  for (const auto& member : object_) {
    if (!taken_.contains(std::string_view(member.key()))) {
      return Error::invalid(std::string(member.key()), "is not a field of this request");
    }
  }
  return {};
}

}  // namespace laurel::http
