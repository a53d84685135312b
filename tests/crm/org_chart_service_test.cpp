#include "crm/org_chart_service.hpp"

#include "crm/crm_fixture.hpp"

namespace laurel::crm {
namespace {

class OrgChartServiceTest : public testing::CrmFixture {
 protected:
  std::int64_t unit(std::int64_t client, const char* name,
                    std::optional<std::int64_t> parent = std::nullopt) {
    return charts_.create({client, parent, name}, actor_).value().id;
  }

  OrgChartService charts_{db_.store(), clock_, log_};
};

TEST_F(OrgChartServiceTest, MovingAUnitMovesItsSubtree) {
  const auto head_office = unit(bank_, "总行");
  const auto asset_management = unit(bank_, "资产管理部", head_office);
  const auto fixed_income = unit(bank_, "固收组", asset_management);
  const auto treasury = unit(bank_, "金融市场部", head_office);

  OrgUnitChanges move;
  move.parent_id = std::optional<std::int64_t>(treasury);
  auto moved = charts_.update(asset_management, move, actor_);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->parent_id, treasury);
  auto units = charts_.units_of(bank_).value();
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[2].id, fixed_income);
  EXPECT_EQ(units[2].parent_id, asset_management) << "the subtree moved with its root";

  auto updated = events("org_unit.updated");
  ASSERT_EQ(updated.size(), 1u);
  auto payload = boost::json::parse(updated[0].payload);
  EXPECT_EQ(payload.at("before").at("parent_id").as_int64(), head_office);
  EXPECT_EQ(payload.at("after").at("parent_id").as_int64(), treasury);
}

TEST_F(OrgChartServiceTest, CyclesAndOtherClientsUnitsAreRefused) {
  const auto root = unit(bank_, "总行");
  const auto child = unit(bank_, "资产管理部", root);
  const auto grandchild = unit(bank_, "固收组", child);
  const auto insurer_unit = unit(insurer_, "投资部");

  OrgUnitChanges under_own_descendant;
  under_own_descendant.parent_id = std::optional<std::int64_t>(grandchild);
  auto cycle = charts_.update(root, under_own_descendant, actor_);
  ASSERT_FALSE(cycle);
  EXPECT_EQ(cycle.error().field, "parent_id");
  EXPECT_EQ(cycle.error().message, "would make a cycle");

  OrgUnitChanges itself;
  itself.parent_id = std::optional<std::int64_t>(child);
  EXPECT_EQ(charts_.update(child, itself, actor_).error().field, "parent_id");

  OrgUnitChanges across;
  across.parent_id = std::optional<std::int64_t>(insurer_unit);
  auto cross = charts_.update(child, across, actor_);
  ASSERT_FALSE(cross);
  EXPECT_EQ(cross.error().field, "parent_id");
  auto created = charts_.create({bank_, insurer_unit, "跨机构"}, actor_);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, core::Errc::invalid_input);

  EXPECT_EQ(charts_.get(root).value().parent_id, std::nullopt) << "nothing was written";
  EXPECT_EQ(events("org_unit.updated").size(), 0u);
  EXPECT_EQ(charts_.create({9999, std::nullopt, "x"}, actor_).error().code, core::Errc::not_found);
  EXPECT_EQ(charts_.create({bank_, std::nullopt, "  "}, actor_).error().field, "name");
}

TEST_F(OrgChartServiceTest, OnlyAnEmptyUnitIsDeleted) {
  const auto root = unit(bank_, "总行");
  const auto child = unit(bank_, "资产管理部", root);
  auto refused = charts_.remove(root, actor_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::Errc::conflict);
  ASSERT_TRUE(charts_.remove(child, actor_));
  ASSERT_TRUE(charts_.remove(root, actor_));
  EXPECT_TRUE(charts_.units_of(bank_).value().empty());
  EXPECT_EQ(events("org_unit.deleted").size(), 2u);
  EXPECT_EQ(charts_.get(root).error().code, core::Errc::not_found);
}

}  // namespace
}  // namespace laurel::crm
