#pragma once
// Errors as values. Normal failures (bad input, a missing record, a conflict) travel as
// `Result<T>`; exceptions are kept for operations that cannot continue at all.
//
// An Error carries a machine-readable code, a human-readable message and, for input errors, the
// offending field (a JSON pointer-like dotted path such as "roles" or "rows[3].amount"). The HTTP
// layer turns it into an RFC 9457 problem body; the CLI prints it.

#include <boost/system/result.hpp>
#include <string>
#include <string_view>

namespace laurel::core {

enum class Errc {
  invalid_input,      // a field is missing, of the wrong type, out of range, or unknown
  unauthenticated,    // no or bad credentials
  forbidden,          // authenticated, but the role or data scope does not allow it
  not_found,          // the record does not exist (or is outside the caller's scope)
  conflict,           // a unique value is taken, or the record changed meanwhile
  too_many_requests,  // throttled
  payload_too_large,  // body over the route's limit
  unavailable,        // temporarily unable (database busy past its timeout, shutting down)
  internal,           // a bug or an environment failure; details go to the log, not the client
};

std::string_view to_string(Errc code);

struct Error {
  Errc code = Errc::internal;
  std::string message;
  std::string field;            // empty when the error is not about one input field
  int retry_after_seconds = 0;  // for too_many_requests and unavailable: when to try again

  static Error invalid(std::string field, std::string message);
  static Error not_found(std::string message);
  static Error conflict(std::string message, std::string field = {});
  static Error forbidden(std::string message);
  static Error unauthenticated(std::string message);
  static Error internal(std::string message);
};

// Called by Result<T>::value() when it holds an error.
[[noreturn]] void throw_exception_from_error(const Error& error,
                                             const boost::source_location& location);

// The exception thrown when a Result that holds an error is unwrapped.
class ErrorException : public std::runtime_error {
 public:
  explicit ErrorException(Error error);
  const Error& error() const { return error_; }

 private:
  Error error_;
};

template <class T>
using Result = boost::system::result<T, Error>;

using Status = Result<void>;

}  // namespace laurel::core
