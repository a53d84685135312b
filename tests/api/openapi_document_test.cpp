// The API document names exactly the routes the router serves: no route undocumented, no
// documented route missing.

#include "api/openapi_document.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/test_database.hpp"

namespace laurel::api {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST(OpenApiDocumentTest, IsOpenApi31) {
  auto doc = boost::json::parse(openapi_document()).as_object();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(doc.contains("components"));
}

TEST(OpenApiDocumentTest, NamesExactlyTheRoutesOfTheRouter) {
  store::testing::TestDatabase db("sqlite");
  (void)db.migrated();
  config::Config config;
  config.auth.argon2_memlimit_kib = 8;
  config.auth.argon2_opslimit = 1;
  // Services takes the store; a second store on the same file keeps TestDatabase's alive.
  auto store = store::SqliteStore::open({(db.directory() / "test.db").string()}).value();
  core::ManualClock clock(core::from_micros(0));
  Services services(config, std::move(store), clock);
  MetricsHandle metrics;
  const auto router = build_router(services, metrics);

  std::set<std::string> served;
  for (const auto& route : router.routes()) {
    served.insert(lower(route.spec.method) + " " + route.spec.pattern);
  }
  std::set<std::string> documented;
  const std::set<std::string> methods = {"get",   "put",  "post",   "delete",
                                         "patch", "head", "options"};
  auto doc = boost::json::parse(openapi_document()).as_object();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      if (methods.count(std::string(method))) {
        documented.insert(std::string(method) + " " + std::string(path));
      }
    }
  }
  for (const auto& route : served) {
    EXPECT_TRUE(documented.count(route)) << route << " is served but not documented";
  }
  for (const auto& route : documented) {
    EXPECT_TRUE(served.count(route)) << route << " is documented but not served";
  }
  EXPECT_GE(served.size(), 19u);
}

}  // namespace
}  // namespace laurel::api
