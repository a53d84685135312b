#include "http/problem.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace laurel::http {

unsigned status_of(core::Errc code) {
  switch (code) {
    case core::Errc::invalid_input:
      return 400;
    case core::Errc::unauthenticated:
      return 401;
    case core::Errc::forbidden:
      return 403;
    case core::Errc::not_found:
      return 404;
    case core::Errc::conflict:
      return 409;
    case core::Errc::payload_too_large:
      return 413;
    case core::Errc::too_many_requests:
      return 429;
    case core::Errc::unavailable:
      return 503;
    case core::Errc::internal:
      return 500;
  }
  return 500;
}

Problem problem_of(const core::Error& error) {
  Problem p;
  p.status = status_of(error.code);
  p.field = error.field;
  p.detail = error.message;
  p.retry_after_seconds = error.retry_after_seconds;
  switch (error.code) {
    case core::Errc::invalid_input:
      p.slug = "invalid-input";
      p.title = "Invalid input";
      break;
    case core::Errc::unauthenticated:
      p.slug = "unauthenticated";
      p.title = "Authentication required";
      break;
    case core::Errc::forbidden:
      p.slug = "forbidden";
      p.title = "Not allowed";
      break;
    case core::Errc::not_found:
      p.slug = "not-found";
      p.title = "Not found";
      break;
    case core::Errc::conflict:
      p.slug = "conflict";
      p.title = "Conflict";
      break;
    case core::Errc::payload_too_large:
      p.slug = "payload-too-large";
      p.title = "Request body too large";
      break;
    case core::Errc::too_many_requests:
      p.slug = "too-many-requests";
      p.title = "Too many requests";
      break;
    case core::Errc::unavailable:
      p.slug = "unavailable";
      p.title = "Temporarily unavailable";
      if (p.retry_after_seconds == 0) p.retry_after_seconds = 1;
      break;
    case core::Errc::internal:
      p.slug = "internal";
      p.title = "Internal error";
      p.detail = "Laurel failed to complete the request; quote the request id to your admin";
      break;
  }
  return p;
}

Response problem_response(const Problem& problem, std::string_view instance,
                          std::string_view request_id) {
  boost::json::object body{
      {"type", "urn:laurel:problem:" + problem.slug},
      {"title", problem.title},
      {"status", problem.status},
  };
  if (!problem.detail.empty()) body["detail"] = problem.detail;
  if (!problem.field.empty()) body["field"] = problem.field;
  if (!instance.empty()) body["instance"] = instance;
  if (!request_id.empty()) body["request_id"] = request_id;
  Response response =
      Response::text(problem.status, boost::json::serialize(body), "application/problem+json");
  if (problem.retry_after_seconds > 0) {
    response.set_header("Retry-After", std::to_string(problem.retry_after_seconds));
  }
  return response;
}

}  // namespace laurel::http
