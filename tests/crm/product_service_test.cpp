#include "crm/product_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::crm {
namespace {

class ProductServiceTest : public ::testing::Test {
 protected:
  ProductServiceTest() { (void)db_.migrated(); }
  std::vector<store::EventRecord> events() {
    auto c = db_.store().acquire().value();
    return store::EventRepository(*c).list({}).value();
  }
  store::testing::TestDatabase db_{"sqlite"};
  core::ManualClock clock_{core::from_micros(1'800'000'000'000'000)};
  EventLog log_{clock_};
  ProductService products_{db_.store(), clock_, log_};
  auth::Actor actor_{std::nullopt, "cli:test", std::nullopt, std::nullopt};
};

TEST_F(ProductServiceTest, CreatesAndMarksMoneyMarketFunds) {
  auto mmf = products_.create({"003003", "天弘余额宝货币", "money_market", "open"}, actor_);
  ASSERT_TRUE(mmf) << mmf.error().message;
  auto json = product_to_json(*mmf);
  EXPECT_TRUE(json.at("money_market").as_bool());
  auto equity = products_.create({"110011", "成长混合", "mixed", "offering"}, actor_).value();
  EXPECT_FALSE(product_to_json(equity).at("money_market").as_bool());
  auto logged = events();
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_EQ(logged[0].type, "product.created");
}

TEST_F(ProductServiceTest, RefusesBadInputNamingTheField) {
  struct Case {
    NewProduct product;
    std::string field;
  };
  for (const auto& c : std::vector<Case>{
           {{"", "N", "bond", "open"}, "code"},
           {{"00 01", "N", "bond", "open"}, "code"},
           {{std::string(21, '1'), "N", "bond", "open"}, "code"},
           {{"0001", "", "bond", "open"}, "name"},
           {{"0001", "N", "crypto", "open"}, "type"},
           {{"0001", "N", "bond", "paused"}, "status"},
       }) {
    auto r = products_.create(c.product, actor_);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_NE(products_.create({"0001", "N", "crypto", "open"}, actor_)
                .error()
                .message.find("money_market"),
            std::string::npos)
      << "the message lists what is allowed";
  EXPECT_TRUE(events().empty());
}

TEST_F(ProductServiceTest, UpdatesAreLoggedAndCodeClashesRefused) {
  auto a = products_.create({"A1", "Fund A", "bond", "offering"}, actor_).value();
  products_.create({"B1", "Fund B", "bond", "open"}, actor_).value();
  ProductChanges open;
  open.status = "open";
  auto opened = products_.update(a.id, open, actor_).value();
  EXPECT_EQ(opened.status, "open");
  auto payload = boost::json::parse(events().back().payload);
  EXPECT_EQ(payload.at("before").at("status").as_string(), "offering");
  ProductChanges clash;
  clash.code = "B1";
  EXPECT_EQ(products_.update(a.id, clash, actor_).error().field, "code");
  EXPECT_EQ(products_.update(999, open, actor_).error().code, core::Errc::not_found);
  ASSERT_TRUE(products_.update(a.id, open, actor_));
  EXPECT_EQ(events().size(), 3u) << "no change, no event";
}

}  // namespace
}  // namespace laurel::crm
