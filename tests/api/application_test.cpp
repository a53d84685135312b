// A whole Laurel in-process over a temporary database: start-up rules, and requests through the
// real router, dispatcher, services and store without a network in between.

#include "api/application.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::api {
namespace {

config::Config test_config(const std::filesystem::path& db) {
  config::Config config;
  config.database.path = db.string();
  config.auth.argon2_opslimit = 1;
  config.auth.argon2_memlimit_kib = 8;
  config.log.requests = false;
  config.server.static_dir = "";
  return config;
}

http::Response call(Application& app, std::string method, std::string target, std::string body = {},
                    std::string token = {}) {
  http::Request request;
  request.method = std::move(method);
  request.target = target;
  request.path = std::string(http::path_of(target));
  if (auto q = target.find('?'); q != std::string::npos) request.query = target.substr(q + 1);
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
  request.body = std::move(body);
  request.client_ip = "127.0.0.1";
  return app.dispatcher().handle(request);
}

class ApplicationTest : public ::testing::Test {
 protected:
  store::testing::TestDatabase db_{"sqlite"};
  std::filesystem::path path_ = db_.directory() / "app.db";
  core::ManualClock clock_{core::from_micros(1'800'000'000'000'000)};
};

TEST_F(ApplicationTest, MigratesANewDatabaseWhenAllowed) {
  auto app = Application::open(test_config(path_), clock_);
  ASSERT_TRUE(app) << app.error().message;
  EXPECT_EQ(call(**app, "GET", "/api/v1/health").status, 200u);
}

TEST_F(ApplicationTest, RefusesAnOutOfDateSchemaWithoutAutoMigrate) {
  auto config = test_config(path_);
  config.database.auto_migrate = false;
  auto app = Application::open(config, clock_);
  ASSERT_FALSE(app);
  EXPECT_NE(app.error().message.find("laurel migrate"), std::string::npos);
}

TEST_F(ApplicationTest, AnAdminLogsInCreatesAUserAndTheAuditSaysSo) {
  auto app = Application::open(test_config(path_), clock_).value();
  auto& users = app->services().users;
  ASSERT_TRUE(
      users.create({"root", "Root", std::nullopt, auth::Role::admin, "correct horse battery"},
                   auth::Actor::command_line("test")));

  auto login = call(*app, "POST", "/api/v1/auth/login",
                    R"({"username":"root","password":"correct horse battery"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  const auto token = std::string(boost::json::parse(login.body).at("token").as_string());

  auto created = call(*app, "POST", "/api/v1/users",
                      R"({"username":"li.lei","display_name":"李雷","role":"manager",)"
                      R"("password":"correct horse battery"})",
                      token);
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.header("Location"), "/api/v1/users/2");

  auto audit = call(*app, "GET", "/api/v1/audit?action=user.create", {}, token);
  ASSERT_EQ(audit.status, 200u);
  const auto items = boost::json::parse(audit.body).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);  // the CLI's root, then li.lei over the API
  EXPECT_EQ(items[0].at("actor").as_string(), "root");
  EXPECT_EQ(items[0].at("after").at("display_name").as_string(), "李雷");
  EXPECT_EQ(items[1].at("actor").as_string(), "cli:test");
}

TEST_F(ApplicationTest, MetricsSeeTheRequestsAndTheDatabase) {
  auto app = Application::open(test_config(path_), clock_).value();
  call(*app, "GET", "/api/v1/health");
  const auto text = app->metrics().render();
  EXPECT_NE(text.find(R"(laurel_http_requests_total{route="GET /api/v1/health",status="2xx"} 1)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("laurel_db_query_duration_seconds_count 0"), std::string::npos)
      << "the health check's query is timed";
}

}  // namespace
}  // namespace laurel::api
