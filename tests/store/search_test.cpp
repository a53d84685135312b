// Client and visit search through the trigram indexes: pinyin keys, short words, query syntax
// taken as text, and indexes that follow every write.

#include <gtest/gtest.h>

#include "store/client_repository.hpp"
#include "store/test_database.hpp"
#include "store/text_query.hpp"

namespace laurel::store {
namespace {

TEST(TextQuery, LongWordsGoToTheIndexShortOnesAreScanned) {
  auto q = parse_text_query("  招商银行  债 ZSYH ab ");
  EXPECT_EQ(q.match, "\"招商银行\" \"zsyh\"");
  EXPECT_EQ(q.short_terms, (std::vector<std::string>{"债", "ab"}));
  EXPECT_EQ(parse_text_query("say \"hi\"").match, "\"say\" \"\"\"hi\"\"\"")
      << "quotes are text, not syntax";
  EXPECT_TRUE(parse_text_query("   ").empty());
}

class ClientSearchTest : public ::testing::Test {
 protected:
  ClientSearchTest() {
    add("招商银行股份有限公司", "招商银行", "91440300100000001A");
    add("中国平安保险（集团）股份有限公司", "中国平安", "91440300100000002B");
    add("重庆农村商业银行股份有限公司", "渝农商行", "91500000100000003C");
    add("AND OR NEAR 资管", std::nullopt, "91110000100000004D");
  }

  void add(const char* name, std::optional<std::string> short_name, const char* code) {
    ClientRecord c;
    c.name = name;
    c.short_name = std::move(short_name);
    c.registration_code = code;
    c.type = "bank";
    ClientRepository(*db_).insert(c).value();
  }

  std::vector<std::string> find(const char* text) {
    ClientFilter filter;
    filter.search = text;
    std::vector<std::string> names;
    for (const auto& c : ClientRepository(*db_).list(filter).value())
      names.push_back(c.short_name.value_or(c.name));
    return names;
  }

  testing::TestDatabase database_{"sqlite"};
  PooledConnection db_ = database_.migrated();
};

TEST_F(ClientSearchTest, NamesShortNamesCodesAndPinyin) {
  EXPECT_EQ(find("zsyh"), std::vector<std::string>{"招商银行"});
  EXPECT_EQ(find("ZSYX"), std::vector<std::string>{"招商银行"}) << "either reading of 行";
  EXPECT_EQ(find("zhaoshang"), std::vector<std::string>{"招商银行"});
  EXPECT_EQ(find("zgpa"), std::vector<std::string>{"中国平安"});
  EXPECT_EQ(find("cqnc"), std::vector<std::string>{"渝农商行"}) << "重 read chóng";
  EXPECT_EQ(find("银行"), (std::vector<std::string>{"招商银行", "渝农商行"}));
  EXPECT_EQ(find("股份 平安"), std::vector<std::string>{"中国平安"}) << "every word must match";
  EXPECT_EQ(find("0000003"), std::vector<std::string>{"渝农商行"});
  EXPECT_EQ(find("渝"), std::vector<std::string>{"渝农商行"}) << "one character: scanned";
  EXPECT_TRUE(find("工商银行").empty());
}

TEST_F(ClientSearchTest, QuerySyntaxIsSearchedAsText) {
  EXPECT_EQ(find("AND"), std::vector<std::string>{"AND OR NEAR 资管"});
  EXPECT_EQ(find("OR NEAR"), std::vector<std::string>{"AND OR NEAR 资管"});
  EXPECT_TRUE(find("\"").empty());
  EXPECT_TRUE(find("name:招商").empty());
  EXPECT_TRUE(find("*").empty());
}

TEST_F(ClientSearchTest, TheIndexFollowsRenamesAndKeysAreFilledForOldRows) {
  auto bank = ClientRepository(*db_).find_by_registration_code("91440300100000001A").value();
  bank->name = "浙商银行股份有限公司";
  bank->short_name = "浙商银行";
  ASSERT_TRUE(ClientRepository(*db_).update(*bank));
  EXPECT_EQ(find("zsyh"), std::vector<std::string>{"浙商银行"}) << "the same initials";
  EXPECT_TRUE(find("zhaoshang").empty());
  EXPECT_EQ(find("zheshang"), std::vector<std::string>{"浙商银行"});

  ASSERT_TRUE(db_->query("UPDATE clients SET search_keys = NULL"));
  EXPECT_TRUE(find("zheshang").empty());
  EXPECT_EQ(ClientRepository(*db_).fill_search_keys().value(), 4u);
  EXPECT_EQ(find("zheshang"), std::vector<std::string>{"浙商银行"});
  EXPECT_EQ(ClientRepository(*db_).fill_search_keys().value(), 0u);
}

}  // namespace
}  // namespace laurel::store
