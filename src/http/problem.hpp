#pragma once
// Errors on the wire: RFC 9457 problem details (application/problem+json).
//
//   {"type": "urn:laurel:problem:invalid-input", "title": "Invalid input", "status": 400,
//    "detail": "must be 3 to 64 characters long", "field": "username",
//    "instance": "/api/v1/users", "request_id": "..."}
//
// "field" names the offending input (a JSON member, a query parameter, a header); it is absent
// when the problem is not about one input. Internal errors never carry their message to the
// client: it goes to the log with the request id, and the client gets the id to quote.

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace laurel::http {

unsigned status_of(core::Errc code);

struct Problem {
  unsigned status = 500;
  std::string slug;  // "invalid-input": the last part of the type URI
  std::string title;
  std::string detail;
  std::string field;
  int retry_after_seconds = 0;
};

Problem problem_of(const core::Error& error);
Response problem_response(const Problem& problem, std::string_view instance,
                          std::string_view request_id);

}  // namespace laurel::http
