#include "crm/point_levels.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

TEST(PointLevels, StatusPointsStandOnTheLadder) {
  const auto ladder = default_point_levels();
  auto at = level_of(ladder, 0);
  EXPECT_EQ(at.level->name, "新秀");
  EXPECT_EQ(at.next->name, "能手");
  at = level_of(ladder, 999);
  EXPECT_EQ(at.level->name, "新秀");
  EXPECT_EQ(at.next->from, 1000);
  at = level_of(ladder, 1000);
  EXPECT_EQ(at.level->name, "能手");
  at = level_of(ladder, 1'000'000);
  EXPECT_EQ(at.level->name, "大师");
  EXPECT_EQ(at.next, nullptr);
}

TEST(PointLevels, ALadderStartsAtZeroAndClimbs) {
  auto read = read_point_levels_input(
      R"({"levels":[{"name":"铜","from":0},{"name":"银","from":100},{"name":"金","from":500}]})");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[2], (PointLevel{"金", 500}));
  const std::pair<const char*, const char*> bad[] = {
      {R"({"levels":[{"name":"铜","from":10}]})", "levels[0].from"},
      {R"({"levels":[{"name":"铜","from":0},{"name":"银","from":0}]})", "levels[1].from"},
      {R"({"levels":[{"name":"铜","from":0},{"name":"铜","from":5}]})", "levels[1].name"},
      {R"({"levels":[]})", "levels"},
      {R"({"levels":[{"name":"","from":0}]})", "levels[0].name"},
      {R"({"levels":[{"name":"铜","from":0,"color":"red"}]})", "levels[0].color"},
      {R"({"ladder":[]})", "levels"},
      {R"([1])", "body"},
  };
  for (const auto& [body, field] : bad) {
    auto r = read_point_levels_input(body);
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().field, field) << body;
  }
}

}  // namespace
}  // namespace laurel::crm
