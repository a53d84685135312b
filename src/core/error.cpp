#include "core/error.hpp"

#include <utility>

namespace laurel::core {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::invalid_input:
      return "invalid_input";
    case Errc::unauthenticated:
      return "unauthenticated";
    case Errc::forbidden:
      return "forbidden";
    case Errc::not_found:
      return "not_found";
    case Errc::conflict:
      return "conflict";
    case Errc::too_many_requests:
      return "too_many_requests";
    case Errc::payload_too_large:
      return "payload_too_large";
    case Errc::unavailable:
      return "unavailable";
    case Errc::internal:
      return "internal";
  }
  return "internal";
}

Error Error::invalid(std::string field, std::string message) {
  return {Errc::invalid_input, std::move(message), std::move(field)};
}
Error Error::not_found(std::string message) {
  return {Errc::not_found, std::move(message), {}};
}
Error Error::conflict(std::string message, std::string field) {
  return {Errc::conflict, std::move(message), std::move(field)};
}
Error Error::forbidden(std::string message) {
  return {Errc::forbidden, std::move(message), {}};
}
Error Error::unauthenticated(std::string message) {
  return {Errc::unauthenticated, std::move(message), {}};
}
Error Error::internal(std::string message) {
  return {Errc::internal, std::move(message), {}};
}

ErrorException::ErrorException(Error error)
    : std::runtime_error(error.message), error_(std::move(error)) {}

void throw_exception_from_error(const Error& error, const boost::source_location&) {
  throw ErrorException(error);
}

}  // namespace laurel::core
