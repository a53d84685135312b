#include "store/product_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class ProductRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  std::int64_t add(std::string code, std::string type = "equity") {
    return products_.insert({0, std::move(code), "基金 " + type, std::move(type), "open", 1, 1})
        .value();
  }
  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  ProductRepository products_{*c_};
};

TEST_P(ProductRepositoryConformance, FindsByIdAndCode) {
  const auto id = add("000001");
  EXPECT_EQ(products_.find(id).value()->code, "000001");
  EXPECT_EQ(products_.find_by_code("000001").value()->id, id);
  EXPECT_FALSE(products_.find_by_code("999999").value());
}

TEST_P(ProductRepositoryConformance, CodesAreUniqueAndTypesChecked) {
  add("000001");
  auto again = products_.insert({0, "000001", "Other", "bond", "open", 1, 1});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().field, "code");
  EXPECT_FALSE(products_.insert({0, "000002", "X", "crypto", "open", 1, 1}));
  EXPECT_FALSE(products_.insert({0, "000003", "X", "bond", "paused", 1, 1}));
}

TEST_P(ProductRepositoryConformance, ListsByTypeAndSearch) {
  add("000001", "money_market");
  add("000002", "bond");
  add("000003", "money_market");
  ProductFilter mmf;
  mmf.type = "money_market";
  EXPECT_EQ(products_.list(mmf).value().size(), 2u);
  ProductFilter search;
  search.search = "0002";
  auto found = products_.list(search).value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, "bond");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProductRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
