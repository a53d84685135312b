#include "http/json_input.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

TEST(JsonInputTest, ReadsTypedMembers) {
  auto in = JsonInput::parse(R"({"name":"王芳","active":true,"n":42,"email":null,"note":"x"})");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->required_string("name", {1, 2}).value(), "王芳") << "two characters, six bytes";
  EXPECT_EQ(in->optional_bool("active").value(), true);
  EXPECT_EQ(in->required_integer("n", 0, 100).value(), 42);
  auto email = in->nullable_string("email", {1, 10}).value();
  ASSERT_TRUE(email.has_value());
  EXPECT_FALSE(email->has_value());
  EXPECT_FALSE(in->nullable_string("absent", {1, 10}).value().has_value());
  EXPECT_EQ(in->optional_string("note", {0, 5}).value(), "x");
  EXPECT_TRUE(in->finish());
}

TEST(JsonInputTest, RefusesMalformedAndNonObjectBodies) {
  for (const char* body : {"", "{", "[1,2]", "\"text\"", "{\"a\":1,}", "nul"}) {
    auto in = JsonInput::parse(body);
    ASSERT_FALSE(in) << body;
    EXPECT_EQ(in.error().field, "body");
  }
}

TEST(JsonInputTest, RefusesInvalidUtf8) {
  auto in = JsonInput::parse("{\"name\":\"\xff\xfe\"}");
  ASSERT_FALSE(in);
  EXPECT_EQ(in.error().field, "body");
}

TEST(JsonInputTest, RefusesDeepNesting) {
  EXPECT_FALSE(JsonInput::parse("{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}"));
}

TEST(JsonInputTest, NamesTheFieldOfEachMistake) {
  auto in = JsonInput::parse(R"({"name":5,"flag":"yes","n":1.5,"big":99,"long":"abcdef"})");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->required_string("name", {1, 10}).error().field, "name");
  EXPECT_EQ(in->optional_bool("flag").error().field, "flag");
  EXPECT_EQ(in->required_integer("n", 0, 10).error().message, "must be an integer");
  EXPECT_EQ(in->required_integer("big", 0, 10).error().field, "big");
  EXPECT_EQ(in->required_string("long", {1, 5}).error().message, "must be at most 5 characters");
  EXPECT_EQ(in->required_string("missing", {1, 5}).error().message, "is required");
}

TEST(JsonInputTest, NullableIntegersTellAbsentFromNull) {
  auto in = JsonInput::parse(R"({"a":null,"b":7,"c":"7","d":0})");
  ASSERT_TRUE(in);
  EXPECT_FALSE(in->nullable_integer("missing", 1, 9).value().has_value());
  auto a = in->nullable_integer("a", 1, 9).value();
  ASSERT_TRUE(a.has_value());
  EXPECT_FALSE(a->has_value());
  EXPECT_EQ(in->nullable_integer("b", 1, 9).value(), std::optional<std::int64_t>(7));
  EXPECT_EQ(in->nullable_integer("c", 1, 9).error().message, "must be an integer or null");
  EXPECT_EQ(in->nullable_integer("d", 1, 9).error().field, "d");
}

TEST(JsonInputTest, FinishNamesTheFirstUnknownMember) {
  auto in = JsonInput::parse(R"({"username":"a","pasword":"typo"})");
  ASSERT_TRUE(in);
  ASSERT_TRUE(in->required_string("username", {1, 64}));
  auto s = in->finish();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "pasword");
}

}  // namespace
}  // namespace laurel::http

namespace laurel::http {
namespace {

TEST(JsonInputNested, ArraysOfObjectsNameTheFullPathInErrors) {
  auto in =
      JsonInput::parse(R"({"rows": [{"amount": "1.00", "id": 1}, {"amount": "2.345", "id": 2}]})");
  ASSERT_TRUE(in);
  auto rows = in->required_objects("rows", 10);
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].required_amount("amount").value(), 100);
  auto bad = (*rows)[1].required_amount("amount");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "rows[1].amount");
  auto unknown = (*rows)[1].finish();
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "rows[1].id") << "id was never asked for";
}

TEST(JsonInputNested, RefusesNonObjectsTooManyItemsAndNumbersAsAmounts) {
  auto in = JsonInput::parse(R"({"rows": [{}, 3], "amount": 12.5, "many": [{}, {}, {}]})");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->required_objects("rows", 10).error().field, "rows[1]");
  EXPECT_EQ(in->optional_objects("many", 2).error().field, "many");
  auto amount = in->required_amount("amount");
  ASSERT_FALSE(amount);
  EXPECT_NE(amount.error().message.find("not a JSON number"), std::string::npos);
  EXPECT_FALSE(in->required_objects("missing", 10));
}

TEST(JsonInputNested, IntegerListsAreCheckedItemByItem) {
  auto in = JsonInput::parse(R"({"a": [1, 2, 3], "b": [1, "x"], "c": [5, 5], "d": [0]})");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->optional_integers("a", 1, 9, 5).value().value(),
            (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(in->optional_integers("b", 1, 9, 5).error().field, "b[1]");
  EXPECT_EQ(in->optional_integers("c", 1, 9, 5).error().field, "c[1]");
  EXPECT_EQ(in->optional_integers("d", 1, 9, 5).error().field, "d[0]");
  EXPECT_FALSE(in->optional_integers("a", 1, 9, 2));
  EXPECT_FALSE(in->optional_integers("absent", 1, 9, 5).value());
}

}  // namespace
}  // namespace laurel::http
