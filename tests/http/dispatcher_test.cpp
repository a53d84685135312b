#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace laurel::http {
namespace {

auth::Principal principal(auth::Role role) {
  return auth::Principal{1, "li", "Li", role, auth::Principal::Via::session, 9, "csrf-secret"};
}

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() {
    router_.add({"GET",
                 "/api/v1/open",
                 Access::open,
                 {},
                 std::nullopt,
                 [](const Request&, RequestContext& c) -> core::Result<Response> {
                   EXPECT_FALSE(c.principal);
                   return Response::text(200, "{}", "application/json");
                 }});
    router_.add({"GET",
                 "/api/v1/mine",
                 Access::authenticated,
                 {},
                 std::nullopt,
                 [](const Request&, RequestContext& c) -> core::Result<Response> {
                   return Response::text(200, c.user().username, "text/plain");
                 }});
    router_.add({"POST",
                 "/api/v1/admin-only",
                 Access::authenticated,
                 {auth::Role::admin},
                 std::size_t{64},
                 [](const Request&, RequestContext&) -> core::Result<Response> {
                   return Response::no_content();
                 }});
    router_.add({"GET",
                 "/api/v1/fails/{how}",
                 Access::open,
                 {},
                 std::nullopt,
                 [](const Request&, RequestContext& c) -> core::Result<Response> {
                   if (c.param("how") == "conflict") {
                     return core::Error::conflict("taken", "code");
                   }
                   if (c.param("how") == "throw") throw std::runtime_error("boom");
                   return core::Error::internal("secret detail");
                 }});
    metrics_ = std::make_unique<Metrics>(std::vector<std::string>{"a", "b", "c", "d"});
    dispatcher_ = std::make_unique<Dispatcher>(
        router_,
        [this](std::string_view token) -> core::Result<auth::Principal> {
          if (token == "admin-token") return principal(auth::Role::admin);
          if (token == "sales-token") return principal(auth::Role::sales);
          return core::Error::unauthenticated("invalid or expired credentials");
        },
        *metrics_, nullptr, RequestLogger(), DispatcherOptions{1000});
  }

  Response call(std::string method, std::string path, std::vector<Header> headers = {},
                std::string body = {}) {
    Request r;
    r.method = std::move(method);
    r.target = path;
    r.path = std::move(path);
    r.headers = std::move(headers);
    r.body = std::move(body);
    r.client_ip = "127.0.0.1";
    return dispatcher_->handle(r);
  }
  static std::string field_of(const Response& r) {
    auto body = boost::json::parse(r.body).as_object();
    return body.contains("field") ? std::string(body.at("field").as_string()) : "";
  }

  Router router_;
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<Dispatcher> dispatcher_;
};

TEST_F(DispatcherTest, OpenRoutesNeedNoCredentials) {
  auto r = call("GET", "/api/v1/open");
  EXPECT_EQ(r.status, 200u);
  EXPECT_FALSE(r.header("X-Request-Id").empty());
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

TEST_F(DispatcherTest, AuthenticatedRoutesRefuseMissingOrBadCredentials) {
  auto none = call("GET", "/api/v1/mine");
  EXPECT_EQ(none.status, 401u);
  EXPECT_EQ(none.header("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(call("GET", "/api/v1/mine", {{"Authorization", "Bearer nope"}}).status, 401u);
  auto basic = call("GET", "/api/v1/mine", {{"Authorization", "Basic YTpi"}});
  EXPECT_EQ(basic.status, 401u);
  EXPECT_EQ(field_of(basic), "Authorization");
  auto ok = call("GET", "/api/v1/mine", {{"Authorization", "Bearer sales-token"}});
  EXPECT_EQ(ok.status, 200u);
  EXPECT_EQ(ok.body, "li");
}

TEST_F(DispatcherTest, CookieWritesNeedTheCsrfTokenBearerWritesDoNot) {
  const Header cookie{"Cookie", "theme=dark; laurel_session=admin-token"};
  EXPECT_EQ(call("GET", "/api/v1/mine", {cookie}).status, 200u) << "reads need no CSRF token";
  auto missing = call("POST", "/api/v1/admin-only", {cookie});
  EXPECT_EQ(missing.status, 403u);
  EXPECT_EQ(field_of(missing), "X-CSRF-Token");
  EXPECT_EQ(call("POST", "/api/v1/admin-only", {cookie, {"X-CSRF-Token", "wrong"}}).status, 403u);
  EXPECT_EQ(call("POST", "/api/v1/admin-only", {cookie, {"X-CSRF-Token", "csrf-secret"}}).status,
            204u);
  EXPECT_EQ(call("POST", "/api/v1/admin-only", {{"Authorization", "Bearer admin-token"}}).status,
            204u);
}

TEST_F(DispatcherTest, ACookieWebSocketMustComeFromThisOrigin) {
  const Header cookie{"Cookie", "laurel_session=sales-token"};
  const std::vector<Header> upgrade = {cookie,
                                       {"Connection", "keep-alive, Upgrade"},
                                       {"Upgrade", "websocket"},
                                       {"Host", "crm.example"}};
  auto with = [&](std::vector<Header> extra) {
    auto headers = upgrade;
    headers.insert(headers.end(), extra.begin(), extra.end());
    return call("GET", "/api/v1/mine", headers);
  };
  auto foreign = with({{"Origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403u);
  EXPECT_EQ(field_of(foreign), "Origin");
  EXPECT_EQ(with({}).status, 403u) << "no Origin: not a page of this Laurel";
  EXPECT_EQ(with({{"Origin", "https://crm.example"}}).status, 200u);
  EXPECT_EQ(with({{"Origin", "http://CRM.example"}}).status, 200u) << "whatever the scheme";
  EXPECT_EQ(call("GET", "/api/v1/mine",
                 {{"Authorization", "Bearer sales-token"},
                  {"Connection", "Upgrade"},
                  {"Upgrade", "websocket"},
                  {"Origin", "https://evil.example"}})
                .status,
            200u)
      << "a bearer token is never sent by a browser on its own";
  EXPECT_EQ(call("GET", "/api/v1/mine", {cookie, {"Origin", "https://evil.example"}}).status, 200u)
      << "a plain read is covered by the same-origin policy";
}

TEST_F(DispatcherTest, RolesAreCheckedBeforeTheHandler) {
  auto r = call("POST", "/api/v1/admin-only", {{"Authorization", "Bearer sales-token"}});
  EXPECT_EQ(r.status, 403u);
  EXPECT_NE(r.body.find("sales"), std::string::npos);
}

TEST_F(DispatcherTest, BodiesMustBeJson) {
  auto r = call("POST", "/api/v1/admin-only",
                {{"Authorization", "Bearer admin-token"}, {"Content-Type", "text/plain"}}, "{}");
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(field_of(r), "Content-Type");
  EXPECT_EQ(call("POST", "/api/v1/admin-only",
                 {{"Authorization", "Bearer admin-token"},
                  {"Content-Type", "application/json; charset=utf-8"}},
                 "{}")
                .status,
            204u);
}

TEST_F(DispatcherTest, UnknownRoutesAndMethods) {
  EXPECT_EQ(call("GET", "/api/v1/nowhere").status, 404u);
  auto wrong = call("DELETE", "/api/v1/open");
  EXPECT_EQ(wrong.status, 405u);
  EXPECT_EQ(wrong.header("Allow"), "GET");
  EXPECT_EQ(call("GET", "/index.html").status, 404u) << "no static folder configured";
  EXPECT_EQ(call("POST", "/index.html").status, 405u);
  EXPECT_EQ(call("GET", "/api/%zz").status, 400u);
}

TEST_F(DispatcherTest, HandlerErrorsBecomeProblemsAndInternalsStayHidden) {
  auto conflict = call("GET", "/api/v1/fails/conflict");
  EXPECT_EQ(conflict.status, 409u);
  EXPECT_EQ(field_of(conflict), "code");
  auto internal = call("GET", "/api/v1/fails/internal");
  EXPECT_EQ(internal.status, 500u);
  EXPECT_EQ(internal.body.find("secret detail"), std::string::npos);
  auto thrown = call("GET", "/api/v1/fails/throw");
  EXPECT_EQ(thrown.status, 500u);
  EXPECT_EQ(thrown.body.find("boom"), std::string::npos);
}

TEST_F(DispatcherTest, BodyLimitsComeFromTheRoute) {
  EXPECT_EQ(dispatcher_->body_limit("POST", "/api/v1/admin-only?x=1"), 64u);
  EXPECT_EQ(dispatcher_->body_limit("GET", "/api/v1/open"), 1000u);
  EXPECT_EQ(dispatcher_->body_limit("PUT", "/nowhere"), 1000u);
}

TEST_F(DispatcherTest, EveryAnswerIsCounted) {
  call("GET", "/api/v1/open");
  call("GET", "/api/v1/nowhere");
  const auto text = metrics_->render();
  EXPECT_NE(text.find("route=\"a\",status=\"2xx\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("route=\"unmatched\",status=\"4xx\"} 1"), std::string::npos);
}

}  // namespace
}  // namespace laurel::http
