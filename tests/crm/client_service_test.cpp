#include "crm/client_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::crm {
namespace {

constexpr const char* kCode = "91350100M000100Y43";
constexpr const char* kOtherCode = "9144030071526726XG";

class ClientServiceTest : public ::testing::Test {
 protected:
  ClientServiceTest() { (void)db_.migrated(); }
  std::vector<store::EventRecord> events() {
    auto c = db_.store().acquire().value();
    return store::EventRepository(*c).list({}).value();
  }
  store::testing::TestDatabase db_{"sqlite"};
  core::ManualClock clock_{core::from_micros(1'800'000'000'000'000)};
  EventLog log_{clock_};
  ClientService clients_{db_.store(), clock_, log_};
  auth::Actor actor_{std::nullopt, "cli:test", std::nullopt, std::nullopt};
};

TEST_F(ClientServiceTest, CreatesWithTheCanonicalCodeAndLogsIt) {
  auto bank = clients_.create(
      {"招商银行股份有限公司", "招商银行", "91350100m000100y43", "bank", "深圳"}, actor_);
  ASSERT_TRUE(bank) << bank.error().message;
  EXPECT_EQ(bank->registration_code, kCode);
  auto logged = events();
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].type, "client.created");
  EXPECT_EQ(boost::json::parse(logged[0].payload).at("after").at("short_name").as_string(),
            "招商银行");
}

TEST_F(ClientServiceTest, ADuplicateCodePointsToTheExistingClient) {
  auto first =
      clients_.create({"招商银行", std::nullopt, kCode, "bank", std::nullopt}, actor_).value();
  auto again = clients_.create({"招行", std::nullopt, kCode, "bank", std::nullopt}, actor_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::conflict);
  EXPECT_EQ(again.error().field, "registration_code");
  EXPECT_NE(again.error().message.find("/api/v1/clients/" + std::to_string(first.id)),
            std::string::npos)
      << again.error().message;
  auto other =
      clients_.create({"平安", std::nullopt, kOtherCode, "insurer", std::nullopt}, actor_).value();
  ClientChanges clash;
  clash.registration_code = kCode;
  EXPECT_EQ(clients_.update(other.id, clash, actor_).error().field, "registration_code");
  EXPECT_EQ(events().size(), 2u);
}

TEST_F(ClientServiceTest, RefusesBadFieldsNamingThem) {
  struct Case {
    NewClient client;
    std::string field;
  };
  for (const auto& c : std::vector<Case>{
           {{"", std::nullopt, kCode, "bank", std::nullopt}, "name"},
           {{"X", std::string(51, 'x'), kCode, "bank", std::nullopt}, "short_name"},
           {{"X", std::nullopt, "91350100M000100Y44", "bank", std::nullopt}, "registration_code"},
           {{"X", std::nullopt, kCode, "hedge", std::nullopt}, "type"},
           {{"X", std::nullopt, kCode, "bank", std::string("")}, "region"},
       }) {
    auto r = clients_.create(c.client, actor_);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_TRUE(events().empty());
}

TEST_F(ClientServiceTest, UpdatesRecordBeforeAndAfterAndSearches) {
  auto bank =
      clients_.create({"招商银行", std::nullopt, kCode, "bank", std::nullopt}, actor_).value();
  ClientChanges changes;
  changes.short_name = std::optional<std::string>("招行");
  changes.region = std::optional<std::string>("深圳");
  auto updated = clients_.update(bank.id, changes, actor_).value();
  EXPECT_EQ(updated.short_name, "招行");
  auto payload = boost::json::parse(events().back().payload);
  EXPECT_TRUE(payload.at("before").at("region").is_null());
  EXPECT_EQ(payload.at("after").at("region").as_string(), "深圳");
  store::ClientFilter by_short;
  by_short.search = "招行";
  EXPECT_EQ(clients_.list(by_short).value().clients.size(), 1u);
  store::ClientFilter by_code;
  by_code.search = "m000100";
  EXPECT_EQ(clients_.list(by_code).value().clients.size(), 1u) << "codes match in any case";
  EXPECT_EQ(clients_.update(999, changes, actor_).error().code, core::Errc::not_found);
}

}  // namespace
}  // namespace laurel::crm
