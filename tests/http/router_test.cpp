#include "http/router.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

Handler answer(std::string text) {
  return [text](const Request&, RequestContext&) -> core::Result<Response> {
    return Response::text(200, text, "text/plain");
  };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.add({"GET", "/api/v1/users", Access::authenticated, {}, std::nullopt, answer("list")});
    router_.add({"POST", "/api/v1/users", Access::authenticated, {}, 10, answer("create")});
    router_.add(
        {"GET", "/api/v1/users/{id}", Access::authenticated, {}, std::nullopt, answer("one")});
    router_.add({"DELETE",
                 "/api/v1/users/{id}/sessions",
                 Access::authenticated,
                 {},
                 std::nullopt,
                 answer("revoke")});
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralAndParameterSegments) {
  auto m = router_.match("GET", "/api/v1/users/42");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::matched);
  EXPECT_EQ(m.route->spec.pattern, "/api/v1/users/{id}");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "42"}));
  EXPECT_EQ(router_.match("POST", "/api/v1/users").route->spec.body_limit, 10u);
  EXPECT_EQ(router_.match("DELETE", "/api/v1/users/7/sessions").outcome,
            RouteMatch::Outcome::matched);
}

TEST_F(RouterTest, DecodesParameters) {
  auto m = router_.match("GET", "/api/v1/users/%E7%8E%8B");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::matched);
  EXPECT_EQ(m.params[0].second, "王");
}

TEST_F(RouterTest, HeadFollowsGet) {
  EXPECT_EQ(router_.match("HEAD", "/api/v1/users").outcome, RouteMatch::Outcome::matched);
}

TEST_F(RouterTest, DistinguishesNotFoundFromWrongMethod) {
  EXPECT_EQ(router_.match("GET", "/api/v1/nothing").outcome, RouteMatch::Outcome::not_found);
  EXPECT_EQ(router_.match("GET", "/api/v1/users/").outcome, RouteMatch::Outcome::not_found);
  EXPECT_EQ(router_.match("GET", "/api/v1/users/1/2").outcome, RouteMatch::Outcome::not_found);
  auto wrong = router_.match("PUT", "/api/v1/users");
  EXPECT_EQ(wrong.outcome, RouteMatch::Outcome::method_not_allowed);
  EXPECT_EQ(wrong.allowed, "GET, POST");
  EXPECT_EQ(router_.match("GET", "no-slash").outcome, RouteMatch::Outcome::bad_path);
  EXPECT_EQ(router_.match("GET", "/api/%zz").outcome, RouteMatch::Outcome::bad_path);
}

TEST_F(RouterTest, RefusesWiringMistakes) {
  EXPECT_THROW(router_.add({"GET", "/api/v1/users", Access::open, {}, std::nullopt, answer("")}),
               std::invalid_argument);
  EXPECT_THROW(router_.add({"GET", "relative", Access::open, {}, std::nullopt, answer("")}),
               std::invalid_argument);
  EXPECT_THROW(router_.add({"GET", "/a//b", Access::open, {}, std::nullopt, answer("")}),
               std::invalid_argument);
  EXPECT_THROW(router_.add({"GET", "/a/{", Access::open, {}, std::nullopt, answer("")}),
               std::invalid_argument);
  EXPECT_THROW(router_.add({"GET", "/a", Access::open, {}, std::nullopt, Handler()}),
               std::invalid_argument);
  EXPECT_EQ(router_.routes().size(), 4u);
  EXPECT_EQ(router_.routes()[3].index, 3u);
}

}  // namespace
}  // namespace laurel::http
