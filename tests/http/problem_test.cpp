#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace laurel::http {
namespace {

TEST(ProblemTest, MapsErrorCodesToStatuses) {
  EXPECT_EQ(status_of(core::Errc::invalid_input), 400u);
  EXPECT_EQ(status_of(core::Errc::unauthenticated), 401u);
  EXPECT_EQ(status_of(core::Errc::forbidden), 403u);
  EXPECT_EQ(status_of(core::Errc::not_found), 404u);
  EXPECT_EQ(status_of(core::Errc::conflict), 409u);
  EXPECT_EQ(status_of(core::Errc::payload_too_large), 413u);
  EXPECT_EQ(status_of(core::Errc::too_many_requests), 429u);
  EXPECT_EQ(status_of(core::Errc::unavailable), 503u);
  EXPECT_EQ(status_of(core::Errc::internal), 500u);
}

TEST(ProblemTest, BodyIsRfc9457WithTheField) {
  auto response = problem_response(problem_of(core::Error::invalid("username", "is required")),
                                   "/api/v1/users", "abc-1");
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
  auto body = boost::json::parse(response.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "urn:laurel:problem:invalid-input");
  EXPECT_EQ(body.at("title").as_string(), "Invalid input");
  EXPECT_EQ(body.at("status").as_int64(), 400);
  EXPECT_EQ(body.at("detail").as_string(), "is required");
  EXPECT_EQ(body.at("field").as_string(), "username");
  EXPECT_EQ(body.at("instance").as_string(), "/api/v1/users");
  EXPECT_EQ(body.at("request_id").as_string(), "abc-1");
}

TEST(ProblemTest, InternalDetailsStayInside) {
  auto response =
      problem_response(problem_of(core::Error::internal("disk I/O error at page 7")), "/x", "id");
  EXPECT_EQ(response.status, 500u);
  EXPECT_EQ(response.body.find("disk"), std::string::npos);
}

TEST(ProblemTest, ThrottlingAndUnavailabilityCarryRetryAfter) {
  core::Error throttled{core::Errc::too_many_requests, "slow down", "username", 42};
  EXPECT_EQ(problem_response(problem_of(throttled), "/", "").header("Retry-After"), "42");
  core::Error busy{core::Errc::unavailable, "database busy", "", 0};
  EXPECT_EQ(problem_response(problem_of(busy), "/", "").header("Retry-After"), "1");
}

}  // namespace
}  // namespace laurel::http
